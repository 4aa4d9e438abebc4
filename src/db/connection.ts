/**
 * Opening the database: WAL, foreign keys on, a busy timeout, the file readable by its owner
 * only (it holds health data). Plain numbered .sql migrations, listed here explicitly, applied in
 * one transaction with the version recorded and the foreign keys checked after (style.md 8).
 * A file that is not a dote database is refused and left untouched.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, chmodSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { packagePath } from '../paths.js';
import { UsageError } from '../errors.js';

export type Db = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

export const MIGRATIONS: readonly string[] = ['001-init.sql', '002-erogazione-senza-indice-data.sql', '003-file-importato.sql', '004-contratti-output.sql', '005-liquidazione-file.sql', '006-conservazione.sql'];
export const SCHEMA_VERSION = MIGRATIONS.length;
const APP_MARK = 'dote';
/**
 * How long a writing command waits for another process's write lock before giving up with
 * "database in uso" (db/errors.ts): the same for every command and for the import writer thread.
 */
export const BUSY_TIMEOUT_MS = 5000;
/** The page size of new databases (see initDatabase). */
export const PAGE_SIZE = 16384;

const require = createRequire(import.meta.url);

function openRaw(file: string): Db {
  // Loaded lazily so that commands without a database (and --help) start fast.
  const Database = require('better-sqlite3') as typeof BetterSqlite3;
  try {
    return new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new UsageError(`${file}: impossibile aprire il database (${(e as Error).message})`);
  }
}

/** A path that exists but is a folder: a usage problem, said plainly (not SQLite's EISDIR). */
function refuseDirectory(file: string): void {
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new UsageError(`${file}: è una cartella, non un file di database`, 'indica un file, es. --db ' + `${file.replace(/\/+$/, '')}/dote.db`);
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
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
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

/** `dote init`: create (or bring up to date) the database. Returns what happened. */
export function initDatabase(file: string): { created: boolean; migrated: number; version: number } {
  refuseDirectory(file);
  let created = false;
  if (existsSync(file) && statSync(file).size > 0) {
    if (!looksLikeSqlite(file)) refuseForeign(file);
    const db = openRaw(file);
    try {
      const v = versionOf(db);
      if (v === null) {
        const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as { n: number };
        if (tables.n > 0) refuseForeign(file);
      }
      configure(db);
      const migrated = migrate(db, v ?? 0);
      return { created, migrated, version: SCHEMA_VERSION };
    } finally {
      db.close();
    }
  }
  if (!existsSync(file)) {
    // Create the file ourselves, owner-only, before SQLite opens it; SQLite gives the -wal and
    // -shm files the same permissions as the database file.
    try {
      closeSync(openSync(file, 'wx', 0o600));
    } catch (e) {
      throw new UsageError(`${file}: impossibile creare il database (${(e as Error).message})`);
    }
    created = true;
  }
  chmodSync(file, 0o600);
  const db = openRaw(file);
  try {
    // 16 KB pages (SQLite's default is 4 KB), set before the first table: a delivery row is about
    // 200 bytes and an import writes them by the million; with bigger pages the B-trees are
    // shallower and a million-row import writes about 15% faster (measured with npm run bench).
    // Databases created by earlier versions keep their page size; nothing else depends on it.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    configure(db);
    const migrated = migrate(db, 0);
    return { created, migrated, version: SCHEMA_VERSION };
  } finally {
    db.close();
  }
}

/** Opens an existing database for a command; applies pending migrations. */
export function openDatabase(file: string, opts: { readonly?: boolean } = {}): Db {
  if (!existsSync(file)) {
    throw new UsageError(`nessun database in ${file}`, 'crealo con "dote init" oppure indica --db PERCORSO');
  }
  refuseDirectory(file);
  if (statSync(file).size === 0 || !looksLikeSqlite(file)) refuseForeign(file);
  const db = openRaw(file);
  const v = versionOf(db);
  if (v === null) {
    db.close();
    refuseForeign(file);
  }
  configure(db);
  // An older schema is brought up to date by any command, reading ones too: they may read what
  // a migration adds.
  if (!opts.readonly || v < SCHEMA_VERSION) migrate(db, v);
  return db;
}

/** Runs `fn` in one IMMEDIATE transaction: all or nothing. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * The prepared statement for `sql` on this connection, prepared once: for code that runs a query
 * per dote or per row (preparing costs more than a simple query).
 */
export function cachedStatement(db: Db, sql: string): Statement {
  let m = statements.get(db);
  if (!m) {
    m = new Map();
    statements.set(db, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = db.prepare(sql);
    m.set(sql, s);
  }
  return s;
}
