/**
 * The import writer thread's own connection (src/import/import-writer-worker.ts), with the write
 * lock taken before the main thread reads anything, held until the commit or the rollback: the
 * file's (BEGIN IMMEDIATE) or the server's (the store's advisory write lock, postgres/store.ts).
 */
import type { Sql } from './sql.js';
import { isServerUrl } from './location.js';
import { busyTimeoutMs, newSqliteConnection } from './connection.js';
import { sqliteSql } from './sqlite/sql.js';

export interface ImportConnection {
  readonly sql: Sql;
  commit(): void;
  /** Undoes the writer's transaction, if one is open. */
  rollback(): void;
  close(): void;
}

export async function openImportConnection(location: string): Promise<ImportConnection> {
  if (isServerUrl(location)) {
    const [{ SyncPgClient }, { PgSql }, { BEGIN_WRITE }] = await Promise.all([import('./postgres/sync-client.js'), import('./postgres/sql.js'), import('./postgres/store.js')]);
    const client = SyncPgClient.open(location);
    let open = true;
    try {
      client.exec(BEGIN_WRITE);
    } catch (e) {
      client.close();
      throw e;
    }
    return {
      sql: new PgSql(client),
      commit: () => {
        open = false;
        client.exec('COMMIT');
      },
      rollback: () => {
        if (open) client.exec('ROLLBACK');
        open = false;
      },
      close: () => client.close(),
    };
  }
  const db = newSqliteConnection(location, { timeout: busyTimeoutMs() });
  // No foreign-key checks on this connection: the main thread has resolved every dote,
  // professional and sede a row refers to in this same database (a row naming an unknown one is
  // a field/value error, and any error rolls the whole import back), and the write lock held
  // from before the first read to the commit means none can disappear in between. The checks
  // would cost a tenth of the writing.
  db.pragma('foreign_keys = OFF');
  db.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  db.pragma('synchronous = NORMAL');
  // A page cache of 32 MB (SQLite's default is 2 MB) for the index pages a long transaction
  // touches again and again; bounded, whatever the number of rows. More did not help here.
  db.pragma('cache_size = -32768');
  db.exec('BEGIN IMMEDIATE');
  return {
    sql: sqliteSql(db),
    commit: () => db.exec('COMMIT'),
    rollback: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
    },
    close: () => db.close(),
  };
}
