/**
 * The PostgreSQL server as dote's store (issue 14: operators with several sedi). `--db` or
 * `DOTE_DB` holding a `postgres://` (or `postgresql://`) URL selects it; anything else is the
 * SQLite file. The URL is libpq's: user, host, port, database, and `?sslmode=…`,
 * `sslrootcert=…`… as libpq spells and means them (checked and made explicit for the `pg`
 * driver by url.ts; PGSSLMODE and its kin when the URL says nothing); the password from
 * PGPASSWORD or ~/.pgpass (never in the URL: it would end up in shell histories and process
 * lists, and dote never prints it).
 *
 * The schema (migrations/) is created by `dote init` in the database's current schema, in one
 * transaction, and versioned in `meta` exactly as in the file: the same `app` mark, the same
 * schema number. A database holding other tables is refused and left untouched.
 *
 * Plain SQL for each store rather than a query builder over both: the SQLite side's statements
 * are synchronous and hand-tuned for the bulk paths (millions of rows), a builder would have
 * meant rewriting them, and the two dialects differ where it matters (case-insensitive names,
 * identity columns, COPY-like batching) in ways a builder does not hide.
 */
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.js';
import { UsageError } from '../../errors.js';
import { WRITE_LOCK_KEY, fromPgError } from './errors.js';
import { displayLocation } from '../location.js';
import { SCHEMA_VERSION, busyTimeoutMs } from '../connection.js';
import { serverAddress, withoutTls, type ServerAddress } from './url.js';

// Counts and sums come back as int8 and numeric, which pg returns as strings: dote's integers
// (minutes, cents, ids) are far below 2^53, so numbers, as better-sqlite3 returns them.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export type PgClient = pg.Client;

/**
 * PostgreSQL's migrations: the file that brings a database from the version before to `to`. The
 * server store begins at schema 7 (the file's 001 to 007 in one); a later migration comes in both
 * dialects under the same number.
 */
export const PG_MIGRATIONS: readonly { to: number; file: string }[] = [{ to: 7, file: '007-base.sql' }];

const APP_MARK = 'dote';

/** A connection to the server, with dote's session settings; an unreachable server is said in Italian. */
export async function connect(url: string): Promise<PgClient> {
  let address = serverAddress(url);
  try {
    try {
      return await connectTo(address);
    } catch (e) {
      // `prefer` and `allow`: in the clear when the server has no TLS, as libpq (postgres/url.ts).
      if (!noTls(e) || (address.sslmode !== 'prefer' && address.sslmode !== 'allow')) throw e;
      address = withoutTls(address);
      return await connectTo(address);
    }
  } catch (e) {
    if (noTls(e)) {
      const said = address.sslmodeFrom === 'PGSSLMODE' ? `PGSSLMODE=${address.sslmode}` : `sslmode=${address.sslmode}`;
      throw new UsageError(`${displayLocation(url)}: il server non accetta connessioni cifrate (TLS), richieste da ${said}`, "attiva TLS sul server (ssl = on), o usa sslmode=prefer solo su una rete dell'ufficio");
    }
    throw fromPgError(e, url);
  }
}

/** The driver's words when the server answers the request for TLS with no. */
const noTls = (e: unknown) => e instanceof Error && e.message === 'The server does not support SSL connections';

async function connectTo(address: ServerAddress): Promise<PgClient> {
  const client = new pg.Client({ connectionString: address.connectionString, application_name: 'dote' });
  // An error on an idle connection (the server restarted) is reported by the next query.
  client.on('error', () => undefined);
  try {
    await client.connect();
    // How long a write waits for another client's write (the same DOTE_BUSY_TIMEOUT_MS as the
    // file's busy timeout), then "database in uso".
    await client.query(`SET lock_timeout = ${busyTimeoutMs()}`);
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
  return client;
}

/**
 * Runs `work` in one transaction of `c` that first takes the write lock every dote writer takes
 * (the store's, postgres/store.ts): committed if it returns, rolled back if it throws.
 */
export async function underWriteLock<T>(c: PgClient, work: () => Promise<T>): Promise<T> {
  await c.query('BEGIN');
  try {
    await c.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
    const result = await work();
    await c.query('COMMIT');
    return result;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** The schema version of dote in this database; null when it is not (or not yet) a dote database. */
export async function pgVersionOf(c: PgClient): Promise<number | null> {
  const meta = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'meta'`);
  if (!meta.rowCount) return null;
  const app = await c.query<{ valore: string }>(`SELECT valore FROM meta WHERE chiave = 'app'`);
  if (app.rows[0]?.valore !== APP_MARK) return null;
  const v = await c.query<{ valore: string }>(`SELECT valore FROM meta WHERE chiave = 'schema_version'`);
  return v.rows[0] ? Number(v.rows[0].valore) : 0;
}

async function tableCount(c: PgClient): Promise<number> {
  const r = await c.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`);
  return r.rows[0]!.n;
}

function refuseForeign(url: string): never {
  throw new UsageError(`${displayLocation(url)}: il database contiene già altre tabelle e non è un database di dote; non lo tocco`, 'crea un database vuoto per dote (createdb) e indicalo con --db');
}

/** Applies the migrations after `from`, inside the caller's transaction. */
async function migrate(c: PgClient, url: string, from: number): Promise<number> {
  if (from > SCHEMA_VERSION) {
    throw new UsageError(`${displayLocation(url)}: il database ha lo schema versione ${from}, più recente di questo programma (${SCHEMA_VERSION}): aggiorna dote`);
  }
  if (from === SCHEMA_VERSION) return 0;
  for (const m of PG_MIGRATIONS) {
    if (m.to <= from) continue;
    await c.query(readFileSync(packagePath('src', 'db', 'postgres', 'migrations', m.file), 'utf8'));
  }
  await c.query(`INSERT INTO meta (chiave, valore) VALUES ('app', $1) ON CONFLICT (chiave) DO UPDATE SET valore = excluded.valore`, [APP_MARK]);
  await c.query(`INSERT INTO meta (chiave, valore) VALUES ('schema_version', $1) ON CONFLICT (chiave) DO UPDATE SET valore = excluded.valore`, [String(SCHEMA_VERSION)]);
  return SCHEMA_VERSION - from;
}

export interface PgInitResult {
  created: boolean;
  migrated: number;
  version: number;
}

/**
 * `dote init` on a server: creates the schema in an empty database, or brings dote's schema up to
 * date; refuses a database holding other tables. One transaction, under the write lock: two
 * inits at once do it once.
 */
export async function initPostgres(url: string): Promise<PgInitResult> {
  const c = await connect(url);
  try {
    return await underWriteLock(c, async () => {
      const v = await pgVersionOf(c);
      if (v === null && (await tableCount(c)) > 0) refuseForeign(url);
      const migrated = await migrate(c, url, v ?? 0);
      return { created: v === null, migrated, version: SCHEMA_VERSION };
    });
  } catch (e) {
    throw fromPgError(e, url);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * A connection for a command, on a dote database brought up to date (any command applies pending
 * migrations, as on the file). A database without dote's schema is refused: `dote init` first.
 */
export async function openPostgres(url: string): Promise<PgClient> {
  const c = await connect(url);
  try {
    const v = await pgVersionOf(c);
    if (v === null) {
      if ((await tableCount(c)) > 0) refuseForeign(url);
      throw new UsageError(`${displayLocation(url)}: il database non contiene ancora le tabelle di dote`, 'esegui prima: dote init');
    }
    if (v !== SCHEMA_VERSION) await underWriteLock(c, async () => migrate(c, url, (await pgVersionOf(c)) ?? 0));
    return c;
  } catch (e) {
    await c.end().catch(() => undefined);
    throw fromPgError(e, url);
  }
}
