import type { Sql } from '../sql.js';
import { historyOf, recordHistory, type HistoryEntry, type HistoryRow } from '../storia.js';
import type { StoriaRepository } from '../storia-repository.js';

export class SqlStoria implements StoriaRepository {
  constructor(private readonly db: Sql) {}

  async record(entry: HistoryEntry, now?: Date): Promise<void> {
    recordHistory(this.db, entry, now);
  }

  async entriesOf(doteId: string): Promise<HistoryRow[]> {
    return historyOf(this.db, doteId);
  }
}
