import type { Db } from '../connection.js';
import { recordHistory, type HistoryEntry } from '../storia.js';
import type { StoriaRepository } from '../storia-repository.js';

export class SqliteStoria implements StoriaRepository {
  constructor(private readonly db: Db) {}

  async record(entry: HistoryEntry, now?: Date): Promise<void> {
    recordHistory(this.db, entry, now);
  }
}
