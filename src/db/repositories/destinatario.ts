import { orderNocase, sql, type Sql } from '../sql.js';
import type { MisuraEsterna } from '../../rules/dote-one-active.js';
import type { DestinatarioRow } from '../repo/lookup.js';
import type { DoteFine } from '../../domain/anonimizzazione.js';
import { anonymise, finiDoti, personalData, setText, textsNaming } from './destinatario-dati.js';
import type {
  DatiPersona,
  TestoPersona,
  DestinatarioConConteggi,
  DestinatarioRepository,
  MisuraEsternaRow,
  NewDestinatario,
  NewMisuraEsterna,
} from '../destinatario-repository.js';

const WITH_COUNTS = sql`SELECT d.*, (SELECT count(*) FROM dote WHERE destinatario_id = d.id) AS n_doti,
    (SELECT count(*) FROM misura_esterna WHERE destinatario_id = d.id) AS n_misure
  FROM destinatario d ORDER BY ${orderNocase('d.cognome')}, ${orderNocase('d.nome')}, d.cf`;

/** A person by codice fiscale, case ignored (shared with db/repo/lookup.ts). */
export function destinatarioByCf(db: Sql, cf: string): DestinatarioRow | undefined {
  return db.prepare('SELECT * FROM destinatario WHERE cf = ?').get<DestinatarioRow>(cf.trim().toUpperCase());
}

export class SqlDestinatari implements DestinatarioRepository {
  constructor(private readonly db: Sql) {}

  async find(cf: string): Promise<DestinatarioRow | undefined> {
    return destinatarioByCf(this.db, cf);
  }

  async findById(id: number): Promise<DestinatarioRow | undefined> {
    return this.db.prepare('SELECT * FROM destinatario WHERE id = ?').get<DestinatarioRow>(id);
  }

  async insert(row: NewDestinatario): Promise<number> {
    return this.db
      .prepare(
        `INSERT INTO destinatario (cf, nome, cognome, sesso, data_nascita, luogo_nascita, disabilita, l68, did, occupato,
         ammortizzatori_covid, nuovo_iscritto, email, telefono, residenza, domicilio, titolo_studio, creato_il)
       VALUES (@cf, @nome, @cognome, @sesso, @data_nascita, @luogo_nascita, @disabilita, @l68, @did, @occupato,
         @ammortizzatori_covid, @nuovo_iscritto, @email, @telefono, @residenza, @domicilio, @titolo_studio, @creato_il)`,
      )
      .insert(row);
  }

  async update(row: DestinatarioRow): Promise<void> {
    this.db
      .prepare(
        `UPDATE destinatario SET nome = @nome, cognome = @cognome, luogo_nascita = @luogo_nascita, disabilita = @disabilita,
         l68 = @l68, did = @did, occupato = @occupato, ammortizzatori_covid = @ammortizzatori_covid,
         nuovo_iscritto = @nuovo_iscritto, email = @email, telefono = @telefono, residenza = @residenza,
         domicilio = @domicilio, titolo_studio = @titolo_studio
       WHERE id = @id`,
      )
      .run(row);
  }

  async listWithCounts(): Promise<DestinatarioConConteggi[]> {
    return this.db.prepare(WITH_COUNTS).all<DestinatarioConConteggi>();
  }

  async misureOf(destinatarioId: number): Promise<MisuraEsternaRow[]> {
    return this.db
      .prepare('SELECT id, tipo, annualita, operatore, azienda, servizi, dal, al, note FROM misura_esterna WHERE destinatario_id = ? ORDER BY dal, id')
      .all<MisuraEsternaRow>(destinatarioId);
  }

  async insertMisura(row: NewMisuraEsterna): Promise<number> {
    return this.db
      .prepare(
        `INSERT INTO misura_esterna (destinatario_id, tipo, annualita, operatore, azienda, servizi, dal, al, note)
         VALUES (@destinatario_id, @tipo, @annualita, @operatore, @azienda, @servizi, @dal, @al, @note)`,
      )
      .insert(row);
  }

  async misureEsterne(destinatarioId: number): Promise<MisuraEsterna[]> {
    return this.db.prepare('SELECT tipo, dal, al, operatore, azienda, servizi FROM misura_esterna WHERE destinatario_id = ? ORDER BY dal, id').all<MisuraEsterna>(destinatarioId);
  }

  async personalData(destinatarioId: number): Promise<DatiPersona> {
    return personalData(this.db, destinatarioId);
  }

  async finiDoti(destinatarioId: number): Promise<DoteFine[]> {
    return finiDoti(this.db, destinatarioId);
  }

  async anonymise(destinatarioId: number, a: { cf: string; nome: string; cognome: string; oggi: string }): Promise<void> {
    anonymise(this.db, destinatarioId, a);
  }

  async textsNaming(destinatarioId: number): Promise<TestoPersona[]> {
    return textsNaming(this.db, destinatarioId);
  }

  async setText(t: TestoPersona, valore: string): Promise<void> {
    setText(this.db, t, valore);
  }
}
