/**
 * The SQLite file for a batch command (`verifica`, `importa`): the batch checker's context
 * (repositories/batch-context.ts) on the file's connection. Apart from store.ts, so that the
 * commands that use the store only do not load the batch context (start-up, README "Prestazioni").
 */
import { openDatabase } from '../connection.js';
import type { BatchDatabase } from '../batch-context.js';
import { SqlBatchContext } from '../repositories/batch-context.js';
import { sqliteSql } from './sql.js';

/** The database file at `path` for a batch command, opened and migrated (readonly: opened as it is). */
export function openSqliteBatchDatabase(path: string, opts: { readonly?: boolean } = {}): BatchDatabase {
  const db = openDatabase(path, opts);
  return {
    context: (cats, o) => new SqlBatchContext(sqliteSql(db), cats, o, (work) => db.transaction(work)()),
    close: () => db.close(),
  };
}
