/**
 * `dote migra-a postgres://…`: an office's SQLite file moved into a server database (issue 14,
 * "Più sedi"). Everything is copied, table by table in the order of their references, ids
 * included, in one transaction under the write lock: all of it or nothing. The identity
 * sequences then continue after the highest id copied, and the rows of every table are counted
 * on both sides before the commit. The file is only read (its connection refuses every write,
 * the file is never migrated nor switched to WAL): it stays as it was, and the office can go on
 * with it if the move is called off.
 *
 * The server's database must be empty or hold only an empty dote schema (a fresh `dote init`):
 * copying into doti already there would mix two registers.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { UsageError } from '../errors.js';
import { displayLocation, isServerUrl } from './location.js';
import { SCHEMA_VERSION, looksLikeSqlite, newSqliteConnection, versionOf } from './connection.js';

export interface MigraResult {
  /** The file copied. */
  da: string;
  /** The server database, without its password. */
  a: string;
  tabelle: { tabella: string; righe: number }[];
  righe: number;
}

/** Rows per INSERT: a few hundred rows of up to 20 columns, well under PostgreSQL's 65.535 parameters. */
const ROWS_PER_INSERT = 500;

/** The tables of the file, each after the tables it refers to (meta excepted: the server writes its own). */
function tablesInOrder(db: BetterSqlite3.Database): string[] {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'meta' ORDER BY name").pluck().all() as string[];
  const refs = new Map(names.map((t) => [t, (db.prepare('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)').pluck().all(t) as string[]).filter((r) => r !== t)]));
  const out: string[] = [];
  const visit = (t: string) => {
    if (out.includes(t)) return;
    for (const r of refs.get(t) ?? []) if (names.includes(r)) visit(r);
    out.push(t);
  };
  names.forEach(visit);
  return out;
}

/** Whether this user may write the file and create files beside it (SQLite's -wal and -shm). */
function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    accessSync(path.dirname(path.resolve(file)), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function openSource(file: string): BetterSqlite3.Database {
  if (!existsSync(file)) throw new UsageError(`${file}: il file non esiste`, 'indica con --db il file di dote da copiare sul server');
  if (!looksLikeSqlite(file)) throw new UsageError(`${file}: non è un database di dote`, 'indica con --db il file di dote da copiare sul server');
  // A connection that may write, told not to (query_only), rather than SQLite's read-only mode:
  // a read-only connection to a file in WAL mode leaves its -wal and -shm beside it when it
  // closes (only one that could write removes them), next to a file the user was told stays
  // untouched. A file this user may not write is opened read-only, as it has to be.
  const db = newSqliteConnection(file, writable(file) ? { fileMustExist: true } : { readonly: true, fileMustExist: true });
  db.pragma('query_only = ON');
  const v = versionOf(db);
  if (v === null) {
    db.close();
    throw new UsageError(`${file}: non è un database di dote`, 'indica con --db il file di dote da copiare sul server');
  }
  if (v !== SCHEMA_VERSION) {
    db.close();
    throw new UsageError(
      `${file}: il file ha lo schema versione ${v}, questo programma copia la versione ${SCHEMA_VERSION}`,
      v < SCHEMA_VERSION ? `aggiorna prima il file con: dote init --db ${file}` : 'aggiorna dote',
    );
  }
  return db;
}

export async function migrateToServer(dbFile: string, url: string): Promise<MigraResult> {
  if (isServerUrl(dbFile)) throw new UsageError(`--db ${displayLocation(dbFile)}: migra-a copia un file SQLite su un server; qui --db è già un server`, 'indica con --db il file da copiare, per esempio --db dote.db');
  if (!isServerUrl(url)) throw new UsageError(`${url}: non è l'indirizzo di un server PostgreSQL`, 'per esempio: dote migra-a postgres://utente@server/dote --db dote.db');
  const src = openSource(dbFile);
  try {
    const { initPostgres, connect, underWriteLock } = await import('./postgres/connection.js');
    const { fromPgError } = await import('./postgres/errors.js');
    await initPostgres(url);
    const c = await connect(url);
    try {
      return await underWriteLock(c, async () => {
        const tables = tablesInOrder(src);
        for (const t of tables) {
          const n = (await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n as number;
          if (n > 0) {
            throw new UsageError(`${displayLocation(url)}: il database del server contiene già dati di dote (${t}); non ci copio il file`, 'crea un database vuoto (createdb) e indicalo a migra-a');
          }
        }
        const tabelle: MigraResult['tabelle'] = [];
        for (const t of tables) {
          const columns = (src.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(t) as string[]).map((col) => `"${col}"`);
          const head = `INSERT INTO "${t}" (${columns.join(', ')}) VALUES `;
          let batch: unknown[] = [];
          let rows = 0;
          const flush = async () => {
            if (!batch.length) return;
            const k = columns.length;
            const tuples = Array.from({ length: batch.length / k }, (_, r) => `(${columns.map((_c, i) => `$${r * k + i + 1}`).join(', ')})`);
            await c.query(head + tuples.join(', '), batch);
            batch = [];
          };
          // In rowid order: the server's own rowid column (the four tables without an integer
          // key) numbers them in the same order as the file.
          for (const row of src.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().iterate() as IterableIterator<unknown[]>) {
            batch.push(...row);
            if (++rows % ROWS_PER_INSERT === 0) await flush();
          }
          await flush();
          const copied = (await c.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n as number;
          if (copied !== rows) throw new Error(`${t}: ${rows} righe nel file, ${copied} sul server`);
          if (columns.includes('"id"')) {
            const seq = (await c.query('SELECT pg_get_serial_sequence($1, $2) AS s', [t, 'id'])).rows[0].s as string | null;
            if (seq) await c.query(`SELECT setval($1, (SELECT coalesce(max(id), 0) + 1 FROM "${t}"), false)`, [seq]);
          }
          tabelle.push({ tabella: t, righe: rows });
        }
        return { da: dbFile, a: displayLocation(url), tabelle, righe: tabelle.reduce((s, x) => s + x.righe, 0) };
      });
    } catch (e) {
      throw fromPgError(e, url);
    } finally {
      await c.end().catch(() => undefined);
    }
  } finally {
    src.close();
  }
}
