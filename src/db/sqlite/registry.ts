import type { Db } from '../connection.js';
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
}
