/**
 * Opening the database: WAL, foreign keys on, a busy timeout, the file readable by its owner
 * only (it holds health data). Plain numbered .sql migrations, listed here explicitly, applied in
 * one transaction with the version recorded and the foreign keys checked after.
 * A path that is not a regular file (a folder, a FIFO, a device), or a file that is not a dote
 * database, is refused and left untouched (database-file.ts).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packagePath } from '../paths.js';
import { UsageError } from '../errors.js';
import { osFailure } from '../os-errors.js';
import { fileMode, refuseReadOnly, refuseUnusablePath, restrictToOwner, sharedMode, sharedModeWarning } from './database-file.js';

export type Db = BetterSqlite3.Database;

export const MIGRATIONS: readonly string[] = ['001-init.sql', '002-erogazione-senza-indice-data.sql', '003-file-importato.sql', '004-contratti-output.sql', '005-liquidazione-file.sql', '006-impresa.sql', '007-conservazione.sql'];
export const SCHEMA_VERSION = MIGRATIONS.length;
const APP_MARK = 'dote';
/**
 * How long a writing command waits for another process's write lock before giving up with
 * "database in uso" (db/errors.ts): the same for every command and for the import writer thread.
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The busy timeout of this run: BUSY_TIMEOUT_MS, or DOTE_BUSY_TIMEOUT_MS (milliseconds; tests
 * make it short, a shared office folder may want it longer). Read where each connection is opened,
 * the import writer thread's too (it sees the same environment).
 */
export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DOTE_BUSY_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === '') return BUSY_TIMEOUT_MS;
  if (!/^\d{1,7}$/.test(raw.trim())) {
    throw new UsageError(`DOTE_BUSY_TIMEOUT_MS: "${raw}" non è un numero intero di millisecondi`, 'es. DOTE_BUSY_TIMEOUT_MS=10000 per aspettare 10 secondi');
  }
  return Number(raw.trim());
}
/** The page size of new databases (see initDatabase). */
export const PAGE_SIZE = 16384;

const require = createRequire(import.meta.url);

let addonPath: string | undefined | null = null;

/**
 * A better-sqlite3 connection to `file`. The library is loaded lazily, so that commands without
 * a database (and --help) start fast; its compiled addon is named by path when `npm ci` built it
 * in the usual place, which spares the `bindings` package's search through a dozen folders at
 * every start (about 2 ms of `dote mostra`, README "Prestazioni"). Every connection of the
 * program, the import writer's and the backup's too, is opened here.
 */
export function newSqliteConnection(file: string, opts: BetterSqlite3.Options = {}): Db {
  const Database = require('better-sqlite3') as typeof BetterSqlite3;
  if (addonPath === null) {
    const built = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    addonPath = existsSync(built) ? built : undefined;
  }
  return new Database(file, addonPath ? { ...opts, nativeBinding: addonPath } : opts);
}

function openRaw(file: string): Db {
  const timeout = busyTimeoutMs();
  try {
    return newSqliteConnection(file, { timeout });
  } catch (e) {
    throw osFailure(e, file, { fallback: 'impossibile aprire il database' });
  }
}

export function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs()}`);
  db.pragma('synchronous = NORMAL');
}

export function versionOf(db: Db): number | null {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!hasMeta) return null;
  const app = db.prepare("SELECT valore FROM meta WHERE chiave = 'app'").get() as { valore: string } | undefined;
  if (!app || app.valore !== APP_MARK) return null;
  const v = db.prepare("SELECT valore FROM meta WHERE chiave = 'schema_version'").get() as { valore: string } | undefined;
  return v ? Number(v.valore) : 0;
}

function migrate(db: Db, from: number): number {
  if (from > SCHEMA_VERSION) {
    throw new UsageError(`il database ha lo schema versione ${from}, più recente di questo programma (${SCHEMA_VERSION}): aggiorna dote`);
  }
  if (from === SCHEMA_VERSION) return 0;
  const apply = db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) {
      db.exec(readFileSync(packagePath('src', 'db', 'migrations', MIGRATIONS[v]!), 'utf8'));
    }
    db.prepare("INSERT INTO meta (chiave, valore) VALUES ('app', ?) ON CONFLICT(chiave) DO UPDATE SET valore = excluded.valore").run(APP_MARK);
    db.prepare("INSERT INTO meta (chiave, valore) VALUES ('schema_version', ?) ON CONFLICT(chiave) DO UPDATE SET valore = excluded.valore").run(String(SCHEMA_VERSION));
    // Rows that point at nothing: the file was changed by something else than dote (dote
    // writes with the foreign keys on). The transaction is rolled back: the file stays as it was.
    const bad = db.pragma('foreign_key_check') as unknown[];
    if (bad.length) {
      throw new UsageError(
        `${db.name}: aggiornamento del database annullato, ${bad.length} ${bad.length === 1 ? 'riga rimanda' : 'righe rimandano'} a dati inesistenti (violazioni di chiavi esterne)`,
        'il file è stato modificato fuori da dote: ripristina una copia di sicurezza, o trova le righe con PRAGMA foreign_key_check in sqlite3',
      );
    }
  });
  apply();
  return SCHEMA_VERSION - from;
}

function refuseForeign(file: string): never {
  throw new UsageError(`${file}: il file esiste ma non è un database di dote; non lo tocco`, 'indica un altro percorso con --db');
}

const warned = new Set<string>();

/** Says once per run, on stderr, that others may read the database (init tightens it instead). */
function warnIfShared(file: string): void {
  const mode = fileMode(file);
  if (!sharedMode(mode) || warned.has(file)) return;
  warned.add(file);
  process.stderr.write(`${sharedModeWarning(file, mode)}\n`);
}

/**
 * Makes the database and its -wal and -shm files owner-only; the mode the database had when
 * it was not (undefined when it already was).
 */
function restrictDatabaseToOwner(file: string): number | undefined {
  const was = restrictToOwner(file);
  for (const f of [`${file}-wal`, `${file}-shm`]) if (existsSync(f)) restrictToOwner(f);
  return was;
}

export interface InitResult {
  created: boolean;
  migrated: number;
  version: number;
  /** The mode the file had when others could read it and init made it owner-only (`rw-r--r--`…). */
  restrictedFrom?: number;
}

/** `dote init`: create (or bring up to date) the database. Returns what happened. */
export function initDatabase(file: string): InitResult {
  const kind = refuseUnusablePath(file, true);
  if (kind.kind === 'file' && statSync(file).size > 0) {
    if (!looksLikeSqlite(file)) refuseForeign(file);
    refuseReadOnly(file);
    const db = openRaw(file);
    try {
      const v = versionOf(db);
      if (v === null) {
        const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number };
        if (tables.n > 0) refuseForeign(file);
      }
      // Ours (or an empty SQLite file): owner-only before anything is written.
      const restrictedFrom = restrictDatabaseToOwner(file);
      configure(db);
      const migrated = migrate(db, v ?? 0);
      return { created: false, migrated, version: SCHEMA_VERSION, ...(restrictedFrom === undefined ? {} : { restrictedFrom }) };
    } finally {
      db.close();
    }
  }
  let created = false;
  let restrictedFrom: number | undefined;
  if (kind.kind === 'missing') {
    // Create the file ourselves, owner-only, before SQLite opens it; SQLite gives the -wal and
    // -shm files the same permissions as the database file.
    try {
      closeSync(openSync(file, 'wx', 0o600));
    } catch (e) {
      throw osFailure(e, file, { what: 'impossibile creare il database' });
    }
    created = true;
  } else {
    // An empty regular file (checked through its descriptor): taken for a new database.
    refuseReadOnly(file);
    restrictedFrom = restrictDatabaseToOwner(file);
  }
  let db: Db | undefined;
  try {
    db = openRaw(file);
    // 16 KB pages (SQLite's default is 4 KB), set before the first table: a delivery row is about
    // 200 bytes and an import writes them by the million; with bigger pages the B-trees are
    // shallower and a million-row import writes about 15% faster (measured with npm run bench).
    // Databases created by earlier versions keep their page size; nothing else depends on it.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    configure(db);
    const migrated = migrate(db, 0);
    db.close();
    return { created, migrated, version: SCHEMA_VERSION, ...(restrictedFrom === undefined ? {} : { restrictedFrom }) };
  } catch (e) {
    db?.close();
    // A database this run created and could not finish (a full disk) is not left half made.
    if (created) for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
    throw e;
  }
}

/**
 * Opens an existing database for a command; applies pending migrations. A command that writes
 * is refused up front when this user may not write the database (`readonly` commands only read).
 */
export function openDatabase(file: string, opts: { readonly?: boolean } = {}): Db {
  refuseUnusablePath(file, false);
  if (statSync(file).size === 0 || !looksLikeSqlite(file)) refuseForeign(file);
  if (!opts.readonly) refuseReadOnly(file);
  const db = openRaw(file);
  const v = versionOf(db);
  if (v === null) {
    db.close();
    refuseForeign(file);
  }
  warnIfShared(file);
  configure(db);
  // An older schema is brought up to date by any command, reading ones too: they may read what
  // a migration adds.
  if (!opts.readonly || v < SCHEMA_VERSION) migrate(db, v);
  return db;
}
