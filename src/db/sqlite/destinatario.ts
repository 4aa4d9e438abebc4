import { cachedStatement, type Db } from '../connection.js';
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

/** A person by codice fiscale, case ignored (shared with db/repo/lookup.ts). */
export function destinatarioByCf(db: Db, cf: string): DestinatarioRow | undefined {
  return cachedStatement(db, 'SELECT * FROM destinatario WHERE cf = ?').get(cf.trim().toUpperCase()) as DestinatarioRow | undefined;
}

export class SqliteDestinatari implements DestinatarioRepository {
  constructor(private readonly db: Db) {}

  async find(cf: string): Promise<DestinatarioRow | undefined> {
    return destinatarioByCf(this.db, cf);
  }

  async findById(id: number): Promise<DestinatarioRow | undefined> {
    return cachedStatement(this.db, 'SELECT * FROM destinatario WHERE id = ?').get(id) as DestinatarioRow | undefined;
  }

  async insert(row: NewDestinatario): Promise<number> {
    const r = cachedStatement(
      this.db,
      `INSERT INTO destinatario (cf, nome, cognome, sesso, data_nascita, luogo_nascita, disabilita, l68, did, occupato,
         ammortizzatori_covid, nuovo_iscritto, email, telefono, residenza, domicilio, titolo_studio, creato_il)
       VALUES (@cf, @nome, @cognome, @sesso, @data_nascita, @luogo_nascita, @disabilita, @l68, @did, @occupato,
         @ammortizzatori_covid, @nuovo_iscritto, @email, @telefono, @residenza, @domicilio, @titolo_studio, @creato_il)`,
    ).run(row);
    return Number(r.lastInsertRowid);
  }

  async update(row: DestinatarioRow): Promise<void> {
    cachedStatement(
      this.db,
      `UPDATE destinatario SET nome = @nome, cognome = @cognome, luogo_nascita = @luogo_nascita, disabilita = @disabilita,
         l68 = @l68, did = @did, occupato = @occupato, ammortizzatori_covid = @ammortizzatori_covid,
         nuovo_iscritto = @nuovo_iscritto, email = @email, telefono = @telefono, residenza = @residenza,
         domicilio = @domicilio, titolo_studio = @titolo_studio
       WHERE id = @id`,
    ).run(row);
  }

  async listWithCounts(): Promise<DestinatarioConConteggi[]> {
    return cachedStatement(
      this.db,
      `SELECT d.*, (SELECT count(*) FROM dote WHERE destinatario_id = d.id) AS n_doti,
              (SELECT count(*) FROM misura_esterna WHERE destinatario_id = d.id) AS n_misure
       FROM destinatario d ORDER BY d.cognome COLLATE NOCASE, d.nome COLLATE NOCASE, d.cf`,
    ).all() as DestinatarioConConteggi[];
  }

  async misureOf(destinatarioId: number): Promise<MisuraEsternaRow[]> {
    return cachedStatement(
      this.db,
      'SELECT id, tipo, annualita, operatore, azienda, servizi, dal, al, note FROM misura_esterna WHERE destinatario_id = ? ORDER BY dal, id',
    ).all(destinatarioId) as MisuraEsternaRow[];
  }

  async insertMisura(row: NewMisuraEsterna): Promise<number> {
    const r = cachedStatement(
      this.db,
      `INSERT INTO misura_esterna (destinatario_id, tipo, annualita, operatore, azienda, servizi, dal, al, note)
       VALUES (@destinatario_id, @tipo, @annualita, @operatore, @azienda, @servizi, @dal, @al, @note)`,
    ).run(row);
    return Number(r.lastInsertRowid);
  }

  async misureEsterne(destinatarioId: number): Promise<MisuraEsterna[]> {
    return cachedStatement(this.db, 'SELECT tipo, dal, al, operatore, azienda, servizi FROM misura_esterna WHERE destinatario_id = ? ORDER BY dal').all(destinatarioId) as MisuraEsterna[];
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
