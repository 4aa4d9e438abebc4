import { cachedStatement, type Db } from '../connection.js';
import { findProfessionista, findSede, type ProfessionistaRow, type SedeRow } from '../repo/lookup.js';
import type { RegistryRepository } from '../registry-repository.js';

export class SqliteRegistry implements RegistryRepository {
  constructor(private readonly db: Db) {}

  async findProfessionista(codeOrName: string): Promise<ProfessionistaRow | undefined> {
    return findProfessionista(this.db, codeOrName);
  }

  async findSede(nome: string): Promise<SedeRow | undefined> {
    return findSede(this.db, nome);
  }

  async ente(): Promise<{ nome: string; codice: string | null } | null> {
    return (cachedStatement(this.db, 'SELECT nome, codice FROM ente WHERE id = 1').get() as { nome: string; codice: string | null } | undefined) ?? null;
  }
}
