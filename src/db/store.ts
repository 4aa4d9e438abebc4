/**
 * The store: the one way use cases reach the data. A use case receives a `Store` (never a
 * database handle), opens a transaction with `read` or `write`, and works through the
 * repositories it is given, one per aggregate. Every repository method returns a Promise, and
 * the use cases do not know which database answers: the SQLite file (src/db/sqlite/), the
 * embedded default, or a PostgreSQL server (src/db/postgres/) for operators with several sedi.
 * The repositories are written once (src/db/repositories/) over a statement runner (sql.ts); the
 * shape follows a query builder's dialects (kysely's Driver): one contract, a folder per
 * database, each store serialising its single connection behind a lock (sql-store.ts).
 *
 * Transactions are explicit at the use-case level: an interactive command's checks and its write
 * happen in one `write` (BEGIN IMMEDIATE on SQLite, the advisory write lock on the server: the
 * write lock is taken before the checks read, so two processes cannot both pass a cap or an
 * overlap check and both write). A `write` inside a
 * `write` of the same store joins it.
 *
 * The bulk paths keep their own fast interfaces (the batch checker's context, the import writer
 * thread): they read and write millions of rows and cannot pay a Promise per row.
 */
import type { LiquidazioneRepository } from './liquidazione-repository.js';
import type { RegistryRepository } from './registry-repository.js';
import type { DestinatarioRepository } from './destinatario-repository.js';
import type { DoteRepository } from './dote-repository.js';
import type { ErogazioneRepository } from './erogazione-repository.js';
import type { StoriaRepository } from './storia-repository.js';
import { isServerUrl } from './location.js';
import { openSqliteStore } from './sqlite/store.js';

export interface Repositories {
  /** Ente, sedi, professionisti. */
  readonly registry: RegistryRepository;
  /** Destinatari (the people) and their measures outside our doti. */
  readonly destinatari: DestinatarioRepository;
  /** Doti with their PIP versions, and the rules' view of a dote. */
  readonly doti: DoteRepository;
  /** Erogazioni with their warnings, Job Coach activities, imported timesheet rows. */
  readonly erogazioni: ErogazioneRepository;
  /** The audit trail. */
  readonly storia: StoriaRepository;
  /** Contracts, required outputs and the totals a liquidation request reconciles. */
  readonly liquidazioni: LiquidazioneRepository;
}

export interface Store {
  /** Runs `work` in one read transaction: one consistent view of the data. */
  read<T>(work: (r: Repositories) => Promise<T>): Promise<T>;
  /** Runs `work` in one write transaction: all of it or nothing. */
  write<T>(work: (r: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens the store for one command (the SQLite file at `location`, or the PostgreSQL server of a
 * `postgres://` URL), runs `fn`, closes it.
 */
export async function withStore<T>(location: string, fn: (store: Store) => Promise<T>, opts: { readonly?: boolean } = {}): Promise<T> {
  const store = isServerUrl(location) ? (await import('./postgres/store.js')).openPgStore(location) : openSqliteStore(location, opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
