import { normalizeName } from '../../domain/names.js';
import { equalsNocase, orderNocase, sql, type Sql } from '../sql.js';
import type { ProfessionistaRow, SedeRow } from '../repo/lookup.js';
import type { EnteRow, NewProfessionista, NewSede, RegistryRepository } from '../registry-repository.js';

const BY_CODE = sql`SELECT * FROM professionista WHERE ${equalsNocase('codice', '?')}`;
const SEDE_BY_NAME = sql`SELECT * FROM sede WHERE ${equalsNocase('nome', '?')}`;
const SEDI = sql`SELECT * FROM sede ORDER BY ${orderNocase('nome')}`;
const PROFESSIONISTI = sql`SELECT * FROM professionista ORDER BY ${orderNocase('nome')}, codice`;

/** A professional by code (case ignored) or by full name, also "Cognome Nome" (shared with db/repo/lookup.ts). */
export function professionistaByCodeOrName(db: Sql, codeOrName: string): ProfessionistaRow | undefined {
  const key = codeOrName.trim();
  const byCode = db.prepare(BY_CODE).get<ProfessionistaRow>(key);
  if (byCode) return byCode;
  const norm = normalizeName(key);
  const all = db.prepare('SELECT * FROM professionista').all<ProfessionistaRow>();
  // Also accept "Cognome Nome" for "Nome Cognome".
  return all.find((p) => {
    const n = normalizeName(p.nome);
    if (n === norm) return true;
    const parts = n.split(' ');
    return parts.length > 1 && [...parts.slice(1), parts[0]].join(' ') === norm;
  });
}

/** A sede by name, case ignored (shared with db/repo/lookup.ts). */
export function sedeByName(db: Sql, nome: string): SedeRow | undefined {
  return db.prepare(SEDE_BY_NAME).get<SedeRow>(nome.trim());
}

export class SqlRegistry implements RegistryRepository {
  constructor(private readonly db: Sql) {}

  async findProfessionista(codeOrName: string): Promise<ProfessionistaRow | undefined> {
    return professionistaByCodeOrName(this.db, codeOrName);
  }

  async findSede(nome: string): Promise<SedeRow | undefined> {
    return sedeByName(this.db, nome);
  }

  async findEnte(): Promise<EnteRow | undefined> {
    return this.db.prepare('SELECT nome, codice, indirizzo, pec, iban, logo, rappresentante_legale, conservazione_anni, aggiornato_il FROM ente WHERE id = 1').get<EnteRow>();
  }

  async saveEnte(row: EnteRow): Promise<void> {
    this.db
      .prepare(
      `INSERT INTO ente (id, nome, codice, indirizzo, pec, iban, logo, rappresentante_legale, conservazione_anni, aggiornato_il)
       VALUES (1, @nome, @codice, @indirizzo, @pec, @iban, @logo, @rappresentante_legale, @conservazione_anni, @aggiornato_il)
       ON CONFLICT(id) DO UPDATE SET nome = excluded.nome, codice = excluded.codice, indirizzo = excluded.indirizzo,
         pec = excluded.pec, iban = excluded.iban, logo = excluded.logo,
         rappresentante_legale = excluded.rappresentante_legale, conservazione_anni = excluded.conservazione_anni,
         aggiornato_il = excluded.aggiornato_il`,
    )
      .run(row);
  }

  async insertSede(row: NewSede): Promise<number> {
    return this.db.prepare('INSERT INTO sede (nome, comune, patrono, indirizzo, responsabile) VALUES (@nome, @comune, @patrono, @indirizzo, @responsabile)').insert(row);
  }

  async listSedi(): Promise<SedeRow[]> {
    return this.db.prepare(SEDI).all<SedeRow>();
  }

  async insertProfessionista(row: NewProfessionista): Promise<number> {
    return this.db
      .prepare(
        `INSERT INTO professionista (codice, nome, ruolo, ente, qualifica, anni_esperienza)
         VALUES (@codice, @nome, @ruolo, @ente, @qualifica, @anni_esperienza)`,
      )
      .insert(row);
  }

  async listProfessionisti(): Promise<ProfessionistaRow[]> {
    return this.db.prepare(PROFESSIONISTI).all<ProfessionistaRow>();
  }

  async ente(): Promise<{ nome: string; codice: string | null } | null> {
    return this.db.prepare('SELECT nome, codice FROM ente WHERE id = 1').get<{ nome: string; codice: string | null }>() ?? null;
  }
}
