/**
 * The SQLite store: one better-sqlite3 connection, its transactions run by hand (BEGIN
 * IMMEDIATE for `write`, BEGIN for `read`) and serialised behind a lock, as kysely's SQLite driver
 * does: better-sqlite3 answers synchronously, so a use case awaiting its repositories never lets
 * another transaction of this process in between.
 */
import { openDatabase, type Db } from '../connection.js';
import type { Repositories, Store } from '../store.js';
import { SqliteRegistry } from './registry.js';
import { SqliteDestinatari } from './destinatario.js';
import { SqliteDoti } from './dote.js';
import { SqliteErogazioni } from './erogazione.js';
import { SqliteStoria } from './storia.js';
import { SqliteLiquidazioni } from './liquidazione.js';

export class SqliteStore implements Store {
  private readonly repos: Repositories;
  private queue: Promise<unknown> = Promise.resolve();
  private depth = 0;

  constructor(readonly db: Db) {
    this.repos = {
      registry: new SqliteRegistry(db),
      destinatari: new SqliteDestinatari(db),
      doti: new SqliteDoti(db),
      erogazioni: new SqliteErogazioni(db),
      storia: new SqliteStoria(db),
      liquidazioni: new SqliteLiquidazioni(db),
    };
  }

  read<T>(work: (r: Repositories) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', work);
  }

  write<T>(work: (r: Repositories) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN IMMEDIATE', work);
  }

  private async transaction<T>(begin: string, work: (r: Repositories) => Promise<T>): Promise<T> {
    // Inside a transaction of this store: join it (a use case calling another).
    if (this.depth > 0) return work(this.repos);
    const run = async (): Promise<T> => {
      this.db.exec(begin);
      this.depth++;
      try {
        const result = await work(this.repos);
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      } finally {
        this.depth--;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}

export function openSqliteStore(path: string, opts: { readonly?: boolean } = {}): SqliteStore {
  return new SqliteStore(openDatabase(path, opts));
}
