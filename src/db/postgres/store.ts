/**
 * The PostgreSQL store (issue 14): the same repositories as the file's (sql-store.ts), on one
 * server connection through the synchronous client.
 *
 * Concurrency, where a server differs from the file: many clients write at once, and together
 * they must never produce what one at a time could not (two clerks exceeding an activity's hours,
 * two deliveries of one professional at the same time, an import interleaved with entries for the
 * same dote, a delivery slipping into a dote whose liquidation request was just committed). Every
 * `write` therefore begins by taking one transaction-level advisory lock (WRITE_LOCK_KEY), the
 * same guarantee as the file's single writer (BEGIN IMMEDIATE): writers take turns, each one's
 * checks see every write committed before it, since each statement of a READ COMMITTED
 * transaction reads after the lock was granted. Readers never wait: a `read` is one REPEATABLE
 * READ snapshot. A write waits for the lock at most DOTE_BUSY_TIMEOUT_MS (lock_timeout, set by
 * connection.ts), then "database in uso". Serialisation failures and deadlocks (which the lock
 * makes unlikely: a migration or a foreign client) are tried again a bounded number of times
 * before the same message.
 *
 * One lock for all writers rather than row locks: dote's writes are short, its checks read
 * across doti (a professional's overlaps span every dote), and a single order of writers is what
 * makes "the same as one at a time" obvious.
 */
import type { BatchDatabase } from '../batch-context.js';
import { SqlStore } from '../sql-store.js';
import { SqlBatchContext } from '../repositories/batch-context.js';
import { WRITE_LOCK_KEY, fromPgError } from './errors.js';
import { SyncPgClient } from './sync-client.js';
import { PgSql } from './sql.js';

const BEGIN_READ = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';
/** The write lock, taken as the transaction's first statement. */
export const BEGIN_WRITE = `BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`;

function retryable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

/** The store of the server database at `url` (connected, schema checked and brought up to date). */
export function openPgStore(url: string): SqlStore {
  const client = SyncPgClient.open(url);
  let open = false;
  return new SqlStore(new PgSql(client), {
    begin: (writes) => {
      client.exec(writes ? BEGIN_WRITE : BEGIN_READ);
      open = true;
    },
    commit: () => {
      open = false;
      client.exec('COMMIT');
    },
    rollback: () => {
      if (!open) return;
      open = false;
      client.exec('ROLLBACK');
    },
    retryable,
    mapError: (e) => fromPgError(e, url),
    close: () => client.close(),
  });
}

/**
 * The server database for a batch command. Its reads run in one REPEATABLE READ snapshot
 * (`readTransaction`); `importa` opens its writer first, which holds the write lock before the
 * snapshot is taken, so the checks see exactly what the rows are written on top of.
 */
export function openPgBatchDatabase(url: string): BatchDatabase {
  const client = SyncPgClient.open(url);
  const sql = new PgSql(client);
  const transaction = <T>(work: () => T): T => {
    client.exec(BEGIN_READ);
    let result: T;
    try {
      result = work();
    } catch (e) {
      try {
        client.exec('ROLLBACK');
      } catch {
        // the first failure is the one to report
      }
      throw fromPgError(e, url);
    }
    client.exec('COMMIT');
    return result;
  };
  return {
    context: (cats, o) => new SqlBatchContext(sql, cats, o, transaction),
    close: () => client.close(),
  };
}
