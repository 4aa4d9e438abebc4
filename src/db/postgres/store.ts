/**
 * The PostgreSQL store (issue 14): the repositories of store.ts on one server connection.
 *
 * Concurrency, where a server differs from the file: many clients write at once, and together
 * they must never produce what one at a time could not (two clerks exceeding an activity's hours,
 * two deliveries of one professional at the same time, an import interleaved with entries for the
 * same dote, a delivery slipping into a dote whose liquidation request was just committed). Every
 * `write` therefore begins by taking one transaction-level advisory lock (WRITE_LOCK_KEY), the
 * same guarantee as the file's single writer (BEGIN IMMEDIATE): writers take turns, each one's
 * checks see every write committed before it, and each statement of a READ COMMITTED transaction
 * reads after the lock was granted. Readers never wait: a `read` is one REPEATABLE READ snapshot.
 * A write waits for the lock at most DOTE_BUSY_TIMEOUT_MS (lock_timeout), then "database in
 * uso". Serialisation failures and deadlocks (which the lock makes unlikely: a migration or a
 * foreign client) are retried a bounded number of times before the same message.
 *
 * One lock for all writers rather than row locks: dote's writes are short (an import of 100.000
 * rows holds it for about a second), its checks read across doti (a professional's overlaps span
 * every dote), and a single order of writers is what makes "the same as one at a time" obvious.
 */
import type { Repositories, Store } from '../store.js';
import { DatabaseBusyError } from '../../errors.js';
import { WRITE_LOCK_KEY, fromPgError, openPostgres, type PgClient } from './connection.js';
import { Pg } from './query.js';
import { PgRegistry } from './registry.js';
import { PgDestinatari } from './destinatario.js';
import { PgDoti } from './dote.js';
import { PgErogazioni } from './erogazione.js';
import { PgStoria } from './storia.js';
import { PgLiquidazioni } from './liquidazione.js';

/** Attempts of a write that failed to serialise (SQLSTATE 40001) or deadlocked (40P01). */
export const WRITE_ATTEMPTS = 5;

function retryable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

export class PgStore implements Store {
  private readonly repos: Repositories;
  private queue: Promise<unknown> = Promise.resolve();
  private depth = 0;

  constructor(
    readonly client: PgClient,
    private readonly url: string,
  ) {
    const pg = new Pg(client);
    this.repos = {
      registry: new PgRegistry(pg),
      destinatari: new PgDestinatari(pg),
      doti: new PgDoti(pg),
      erogazioni: new PgErogazioni(pg),
      storia: new PgStoria(pg),
      liquidazioni: new PgLiquidazioni(pg),
    };
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
          if (!retryable(e)) throw fromPgError(e, this.url);
          if (attempt >= WRITE_ATTEMPTS) throw new DatabaseBusyError();
          await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
        }
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async once<T>(writes: boolean, work: (r: Repositories) => Promise<T>): Promise<T> {
    const c = this.client;
    await c.query(writes ? 'BEGIN' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    this.depth++;
    try {
      if (writes) await c.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      const result = await work(this.repos);
      await c.query('COMMIT');
      return result;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      this.depth--;
    }
  }

  async close(): Promise<void> {
    await this.queue;
    await this.client.end().catch(() => undefined);
  }
}

export async function openPgStore(url: string): Promise<PgStore> {
  const client = await openPostgres(url);
  try {
    return new PgStore(client, url);
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
}
