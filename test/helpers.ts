/**
 * Test helpers: a temp folder per test, and `dote` run as a real process against a real store:
 * a SQLite file, or, in the `postgres` project of vitest.config.ts (DOTE_TEST_STORE=postgres), a
 * fresh database on the tests' PostgreSQL server, with the same tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { copyPgDatabase, freshPgDatabase } from './postgres/pg.js';
import { WRITE_LOCK_KEY } from '../src/db/postgres/errors.js';
import type * as PgSqlModule from '../src/db/postgres/sql.js';
import type * as SyncClientModule from '../src/db/postgres/sync-client.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DOTE = path.join(ROOT, 'bin', 'dote');
export const FIXTURES = path.join(ROOT, 'fixtures');

/** The store the tests' databases are made on (withDb): the file, or the tests' PostgreSQL server. */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env.DOTE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

const isUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/**
 * The server's statement runner, from dist/ as bin/dote runs it (the synchronous client starts
 * its compiled worker): one connection per database, the last one kept open.
 */
const pg =
  TEST_STORE === 'postgres'
    ? {
        ...((await import(pathToFileURL(path.join(ROOT, 'dist', 'db', 'postgres', 'sql.js')).href)) as typeof PgSqlModule),
        ...((await import(pathToFileURL(path.join(ROOT, 'dist', 'db', 'postgres', 'sync-client.js')).href)) as typeof SyncClientModule),
      }
    : undefined;
let pgOpen: { url: string; sql: InstanceType<typeof PgSqlModule.PgSql>; client: InstanceType<typeof SyncClientModule.SyncPgClient> } | undefined;

function pgSql(url: string): InstanceType<typeof PgSqlModule.PgSql> {
  if (!pg) throw new Error(`${url}: i test su PostgreSQL girano nel progetto postgres (DOTE_TEST_STORE=postgres)`);
  if (pgOpen?.url !== url) {
    pgOpen?.client.close();
    const client = pg.SyncPgClient.open(url);
    pgOpen = { url, client, sql: new pg.PgSql(client) };
  }
  return pgOpen.sql;
}

/**
 * `npm run demo` as a new user runs it: `dist/demo.js` in `cwd`, its output in `cwd/demo`, a bare
 * environment (no colours, Italian time zone), no input.
 */
export function runDemo(cwd: string): { out: string; status: number | null; stdout: string; stderr: string } {
  const out = path.join(cwd, 'demo');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'demo.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', TZ: 'Europe/Rome', DOTE_DEMO_DIR: out },
    input: '',
    encoding: 'utf8',
  });
  return { out, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'dote-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws if it is not). */
  json<T = any>(): T;
}

/** Runs `dote ARGS` in `cwd` with a clean environment (no TTY, no colour, fixed operator). */
/** `umask`: run under that umask (through sh), e.g. 0 to check that written files are owner-only anyway. */
export function dote(args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; input?: string; umask?: number } = {}): RunResult {
  const [cmd, argv] =
    opts.umask === undefined
      ? [process.execPath, [DOTE, ...args]]
      : ['sh', ['-c', `umask ${opts.umask.toString(8).padStart(3, '0')}; exec "$0" "$@"`, process.execPath, DOTE, ...args]];
  const r = spawnSync(cmd, argv, {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', USER: 'test', NO_COLOR: '1', TZ: 'Europe/Rome', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    // The findings of a large file are megabytes (the default of 1 MiB would cut them).
    maxBuffer: 256 * 1024 * 1024,
  });
  const result: RunResult = {
    status: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json() {
      return JSON.parse(r.stdout);
    },
  };
  return result;
}

/** What a `dote` process started with startDote() ended with. */
export interface Outcome {
  status: number | null;
  /** The signal that ended it, if one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * `dote ARGS` as a child process in `cwd`, not waited for (the environment of `dote()` plus
 * `env`): several of them run at once, for the tests of writers at the same moment, or one to be
 * interrupted (`child`).
 */
export function spawnDote(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): { child: ChildProcess; done: Promise<Outcome> } {
  const child = spawn(process.execPath, [DOTE, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', USER: 'test', NO_COLOR: '1', TZ: 'Europe/Rome', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = new Promise<Outcome>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}

/** `dote ARGS` started in `cwd` and not waited for (spawnDote). */
export function startDote(args: readonly string[], cwd: string = ROOT): Promise<Outcome> {
  return spawnDote(args, { cwd }).done;
}

/** A fresh database in a temp folder; returns a runner bound to it. */
export function withDb(): { dir: string; db: string; run: (args: readonly string[], env?: Record<string, string>) => RunResult; cleanup: () => void } {
  const t = tempDir();
  const db = TEST_STORE === 'postgres' ? freshPgDatabase() : path.join(t.dir, 'dote.db');
  const init = dote(['init', '--db', db]);
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  return {
    dir: t.dir,
    db,
    run: (args, env) => dote([...args, '--db', db], { cwd: t.dir, env }),
    cleanup: t.cleanup,
  };
}

/**
 * A consistent copy of a test's database, to run commands on it from the same state: the file
 * copied to `file` (VACUUM INTO, owner-only as dote makes its files), or a new database on the
 * tests' server made from the one at a postgres:// URL (`file` unused; the connection sql() and
 * dumpDb() keep open to the source is closed first). The copy's location.
 */
export function copyDb(location: string, file: string): string {
  if (isUrl(location)) {
    if (pgOpen?.url === location) {
      pgOpen.client.close();
      pgOpen = undefined;
    }
    return copyPgDatabase(location);
  }
  const db = new Database(location, { readonly: true });
  try {
    db.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
  } finally {
    db.close();
  }
  // A copy readable by others would add dote's warning line to every command.
  chmodSync(file, 0o600);
  return file;
}

/**
 * Every row of `tables` (default: every table of the file), in rowid order: to compare a database
 * before and after a refused command.
 */
export function dumpDb(file: string, tables?: readonly string[]): Record<string, unknown[]> {
  if (isUrl(file)) {
    const q = pgSql(file);
    const names = tables ?? q.prepare("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name").column<string>();
    const order = (t: string) =>
      q.prepare("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name IN ('rowid', 'id', 'chiave') ORDER BY column_name DESC").value<string>(t) ?? '1';
    return Object.fromEntries(names.map((t) => [t, q.prepare(`SELECT * FROM "${t}" ORDER BY ${order(t)}`).all()]));
  }
  const db = new Database(file, { readonly: true });
  try {
    const names = tables ?? (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);
    return Object.fromEntries(names.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

/**
 * Takes a current database back to schema 2, as dote left it before migrations 003 and 004: the file's
 * path on every imported row (`file`), no file_importato table. For the migration tests.
 */
/** The schema version this program writes (the tests that migrate compare against it). */
export { SCHEMA_VERSION } from '../src/db/connection.js';

export const DOWNGRADE_TO_SCHEMA_2 = `
  DROP TABLE impresa;
  ALTER TABLE ente DROP COLUMN conservazione_anni;
  DROP TABLE liquidazione_file;
  ALTER TABLE liquidazione DROP COLUMN importo_cent;
  ALTER TABLE liquidazione DROP COLUMN limite_pec;
  DROP TABLE contratto;
  DROP TABLE output_servizio;
  DROP INDEX timesheet_riga_giorno;
  ALTER TABLE erogazione ADD COLUMN file TEXT;
  UPDATE erogazione SET file = (SELECT percorso FROM file_importato f WHERE f.id = erogazione.file_id);
  ALTER TABLE erogazione DROP COLUMN file_id;
  ALTER TABLE timesheet_riga ADD COLUMN file TEXT;
  UPDATE timesheet_riga SET file = (SELECT percorso FROM file_importato f WHERE f.id = timesheet_riga.file_id);
  ALTER TABLE timesheet_riga DROP COLUMN file_id;
  DROP TABLE file_importato;
  UPDATE meta SET valore = '2' WHERE chiave = 'schema_version';`;

/**
 * The rows of one statement on a test's database (the tests' look at what a command wrote, or a
 * row put in by hand): the file, opened read-only unless the statement writes, or the server's
 * database of a postgres:// URL. A statement that returns nothing gives [].
 */
export function sql<T = unknown>(file: string, q: string, ...params: unknown[]): T[] {
  if (isUrl(file)) return pgSql(file).prepare(q).all<T>(...params);
  const db = new Database(file, { readonly: !/^\s*(INSERT|UPDATE|DELETE)\b/i.test(q) });
  try {
    const st = db.prepare(q);
    return st.reader ? (st.all(...params) as T[]) : (st.run(...params), []);
  } finally {
    db.close();
  }
}

/**
 * Another writer in the middle of its transaction, until the function returned is called: it
 * holds the file's write lock (BEGIN IMMEDIATE), or on a server the lock every dote writer takes
 * first (src/db/postgres/store.ts), on the connection sql() and dumpDb() keep open to it (so
 * they still read it meanwhile).
 */
export function holdWriteLock(location: string): () => void {
  if (isUrl(location)) {
    pgSql(location).prepare('SELECT pg_advisory_lock(?)').all(WRITE_LOCK_KEY);
    return () => void pgSql(location).prepare('SELECT pg_advisory_unlock(?)').all(WRITE_LOCK_KEY);
  }
  const other = new Database(location);
  other.pragma('busy_timeout = 0');
  other.exec('BEGIN IMMEDIATE');
  return () => {
    other.exec('ROLLBACK');
    other.close();
  };
}

/** The fixture databases of older schema versions (fixtures/db/make-fixtures.mjs made them). */
export const OLD_SCHEMA_VERSIONS = [1, 2, 3, 4] as const;

/** A copy of fixtures/db/schema-N.db at `dest` (the fixture itself is never opened by dote). */
export function copyFixtureDb(version: number, dest: string): string {
  copyFileSync(path.join(FIXTURES, 'db', `schema-${version}.db`), dest);
  // Git keeps the fixture 0644; a database readable by others would be warned about.
  chmodSync(dest, 0o600);
  return dest;
}
