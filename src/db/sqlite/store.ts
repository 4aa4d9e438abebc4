/**
 * The SQLite store: the repositories on one better-sqlite3 connection (sql-store.ts), BEGIN
 * IMMEDIATE for `write` (the file's write lock before the checks read), BEGIN for `read`.
 */
import { openDatabase, type Db } from '../connection.js';
import { SqlStore } from '../sql-store.js';
import { sqliteSql } from './sql.js';

export class SqliteStore extends SqlStore {
  constructor(readonly db: Db) {
    super(sqliteSql(db), {
      begin: (writes) => db.exec(writes ? 'BEGIN IMMEDIATE' : 'BEGIN'),
      commit: () => db.exec('COMMIT'),
      rollback: () => {
        if (db.inTransaction) db.exec('ROLLBACK');
      },
      // A busy file is the busy timeout's to wait for; nothing to run again.
      retryable: () => false,
      mapError: (e) => e,
      close: () => db.close(),
    });
  }
}

export function openSqliteStore(path: string, opts: { readonly?: boolean } = {}): SqliteStore {
  return new SqliteStore(openDatabase(path, opts));
}
