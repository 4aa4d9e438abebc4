/**
 * The Store of store.ts over a statement runner: the repositories (src/db/repositories/) on one
 * connection, its transactions run by hand and serialised behind a lock, as kysely's drivers do.
 * The runner answers synchronously (better-sqlite3, or the server's client blocking on its
 * thread), so a use case awaiting its repositories never lets another transaction of this
 * process in between. What differs from one database to the other (how a transaction begins,
 * which failures may be tried again) is the store's `TransactionControl`.
 */
import type { Repositories, Store } from './store.js';
import type { Sql } from './sql.js';
import { repositoriesOver } from './repositories/index.js';
import { DatabaseBusyError } from '../errors.js';

export interface TransactionControl {
  /** Begins a transaction: one consistent view (`writes` false) or the write lock taken before anything is read. */
  begin(writes: boolean): void;
  commit(): void;
  /** Undoes the open transaction, if any. */
  rollback(): void;
  /** Whether a transaction that failed with `e` may be run again from the start (serialization failures, deadlocks). */
  retryable(e: unknown): boolean;
  /** The error a user reads for `e` (the database's codes in Italian where they can act on them). */
  mapError(e: unknown): unknown;
  close(): void;
}

/** Attempts of a transaction that failed to serialise before "database occupato". */
export const TRANSACTION_ATTEMPTS = 5;

export class SqlStore implements Store {
  private readonly repos: Repositories;
  private queue: Promise<unknown> = Promise.resolve();
  private depth = 0;

  constructor(
    readonly sql: Sql,
    private readonly control: TransactionControl,
  ) {
    this.repos = repositoriesOver(sql);
  }

  read<T>(work: (r: Repositories) => Promise<T>): Promise<T> {
    return this.transaction(false, work);
  }

  write<T>(work: (r: Repositories) => Promise<T>): Promise<T> {
    return this.transaction(true, work);
  }

  private async transaction<T>(writes: boolean, work: (r: Repositories) => Promise<T>): Promise<T> {
    // Inside a transaction of this store: join it (a use case calling another).
    if (this.depth > 0) return work(this.repos);
    const run = async (): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.once(writes, work);
        } catch (e) {
          if (!this.control.retryable(e)) throw this.control.mapError(e);
          if (attempt >= TRANSACTION_ATTEMPTS) throw new DatabaseBusyError();
          await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
        }
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async once<T>(writes: boolean, work: (r: Repositories) => Promise<T>): Promise<T> {
    this.control.begin(writes);
    this.depth++;
    try {
      const result = await work(this.repos);
      this.control.commit();
      return result;
    } catch (e) {
      try {
        this.control.rollback();
      } catch {
        // the failure that matters is the first one
      }
      throw e;
    } finally {
      this.depth--;
    }
  }

  async close(): Promise<void> {
    await this.queue;
    this.control.close();
  }
}
