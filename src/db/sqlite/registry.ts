import { normalizeName } from '../../domain/names.js';
import { cachedStatement, type Db } from '../connection.js';
import type { ProfessionistaRow, SedeRow } from '../repo/lookup.js';
import type { EnteRow, NewProfessionista, NewSede, RegistryRepository } from '../registry-repository.js';

/** A professional by code (case ignored) or by full name, also "Cognome Nome" (shared with db/repo/lookup.ts). */
export function professionistaByCodeOrName(db: Db, codeOrName: string): ProfessionistaRow | undefined {
  const key = codeOrName.trim();
  const byCode = cachedStatement(db, 'SELECT * FROM professionista WHERE codice = ? COLLATE NOCASE').get(key) as ProfessionistaRow | undefined;
  if (byCode) return byCode;
  const norm = normalizeName(key);
  const all = cachedStatement(db, 'SELECT * FROM professionista').all() as ProfessionistaRow[];
  // Also accept "Cognome Nome" for "Nome Cognome".
  return all.find((p) => {
    const n = normalizeName(p.nome);
    if (n === norm) return true;
    const parts = n.split(' ');
    return parts.length > 1 && [...parts.slice(1), parts[0]].join(' ') === norm;
  });
}

/** A sede by name, case ignored (shared with db/repo/lookup.ts). */
export function sedeByName(db: Db, nome: string): SedeRow | undefined {
  return cachedStatement(db, 'SELECT * FROM sede WHERE nome = ? COLLATE NOCASE').get(nome.trim()) as SedeRow | undefined;
}

export class SqliteRegistry implements RegistryRepository {
  constructor(private readonly db: Db) {}

  async findProfessionista(codeOrName: string): Promise<ProfessionistaRow | undefined> {
    return professionistaByCodeOrName(this.db, codeOrName);
  }

  async findSede(nome: string): Promise<SedeRow | undefined> {
    return sedeByName(this.db, nome);
  }

  async findEnte(): Promise<EnteRow | undefined> {
    return cachedStatement(this.db, 'SELECT nome, codice, indirizzo, pec, iban, logo, rappresentante_legale, conservazione_anni, aggiornato_il FROM ente WHERE id = 1').get() as
      | EnteRow
      | undefined;
  }

  async saveEnte(row: EnteRow): Promise<void> {
    cachedStatement(
      this.db,
      `INSERT INTO ente (id, nome, codice, indirizzo, pec, iban, logo, rappresentante_legale, conservazione_anni, aggiornato_il)
       VALUES (1, @nome, @codice, @indirizzo, @pec, @iban, @logo, @rappresentante_legale, @conservazione_anni, @aggiornato_il)
       ON CONFLICT(id) DO UPDATE SET nome = excluded.nome, codice = excluded.codice, indirizzo = excluded.indirizzo,
         pec = excluded.pec, iban = excluded.iban, logo = excluded.logo,
         rappresentante_legale = excluded.rappresentante_legale, conservazione_anni = excluded.conservazione_anni,
         aggiornato_il = excluded.aggiornato_il`,
    ).run(row);
  }

  async insertSede(row: NewSede): Promise<number> {
    const r = cachedStatement(
      this.db,
      'INSERT INTO sede (nome, comune, patrono, indirizzo, responsabile) VALUES (@nome, @comune, @patrono, @indirizzo, @responsabile)',
    ).run(row);
    return Number(r.lastInsertRowid);
  }

  async listSedi(): Promise<SedeRow[]> {
    return cachedStatement(this.db, 'SELECT * FROM sede ORDER BY nome COLLATE NOCASE').all() as SedeRow[];
  }

  async insertProfessionista(row: NewProfessionista): Promise<number> {
    const r = cachedStatement(
      this.db,
      `INSERT INTO professionista (codice, nome, ruolo, ente, qualifica, anni_esperienza)
       VALUES (@codice, @nome, @ruolo, @ente, @qualifica, @anni_esperienza)`,
    ).run(row);
    return Number(r.lastInsertRowid);
  }

  async listProfessionisti(): Promise<ProfessionistaRow[]> {
    return cachedStatement(this.db, 'SELECT * FROM professionista ORDER BY nome COLLATE NOCASE, codice').all() as ProfessionistaRow[];
  }

  async ente(): Promise<{ nome: string; codice: string | null } | null> {
    return (cachedStatement(this.db, 'SELECT nome, codice FROM ente WHERE id = 1').get() as { nome: string; codice: string | null } | undefined) ?? null;
  }
}
