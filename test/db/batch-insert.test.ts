/**
 * The import's multi-row inserts (src/db/repositories/batch-insert.ts) write every row as given,
 * on both stores: 6.001 rows (more than one batch of the server's 5.000 and of the file's 256, and
 * a remainder), texts with what the array text of the server must escape or must not take for its
 * own syntax (quotes, backslashes, commas, braces, blanks, the word NULL, an empty text, accents,
 * a new line), NULLs in text and integer columns, negative and large integers. And the array
 * text itself, for the rows the tests above cannot tell apart.
 */
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, tempDir } from '../helpers.js';
import { freshPgDatabase } from '../postgres/pg.js';
import { arrayLiteral } from '../../src/db/repositories/batch-insert.js';
import { initPostgres } from '../../src/db/postgres/connection.js';
import type { Sql } from '../../src/db/sql.js';
import type * as BatchInsertModule from '../../src/db/repositories/batch-insert.js';
import type * as SyncClientModule from '../../src/db/postgres/sync-client.js';
import type * as PgSqlModule from '../../src/db/postgres/sql.js';
import type * as SqliteSqlModule from '../../src/db/sqlite/sql.js';
import type * as ConnectionModule from '../../src/db/connection.js';

// The server's client starts its thread from the compiled worker: the modules from dist/.
const dist = (...p: string[]) => import(pathToFileURL(path.join(ROOT, 'dist', ...p)).href);
const { BatchInsert } = (await dist('db', 'repositories', 'batch-insert.js')) as typeof BatchInsertModule;
const { SyncPgClient } = (await dist('db', 'postgres', 'sync-client.js')) as typeof SyncClientModule;
const { PgSql } = (await dist('db', 'postgres', 'sql.js')) as typeof PgSqlModule;
const { sqliteSql } = (await dist('db', 'sqlite', 'sql.js')) as typeof SqliteSqlModule;
const { newSqliteConnection } = (await dist('db', 'connection.js')) as typeof ConnectionModule;

const TEXTS = ['semplice', 'con "virgolette"', 'barra \\ rovescia', '\\"', 'a,b', '{graffe}', ' spazi ', 'NULL', '', 'però già così', 'due\nrighe', "l'apostrofo"];
const ROWS = 6001;

/** Row r: [a text, an integer, a text or NULL, an integer or NULL]. */
function row(r: number): [string, number, string | null, number | null] {
  return [TEXTS[r % TEXTS.length]!, r % 7 === 0 ? -(r + 1) : r * 1000, r % 5 === 0 ? null : `${TEXTS[(r * 3) % TEXTS.length]}${r}`, r % 3 === 0 ? null : r];
}

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function insertAll(sql: Sql): void {
  const b = new BatchInsert(sql, 'INSERT INTO t (r, a, n, b, m)', '(?, ?, ?, ?, ?)', ['integer', 'text', 'integer', 'text', 'integer']);
  for (let r = 0; r < ROWS; r++) b.addFrom([r, ...row(r)], 0);
  b.flush();
}

describe('BatchInsert', () => {
  it('on the server: every row back as it was written', async () => {
    const url = freshPgDatabase();
    await initPostgres(url);
    const c = SyncPgClient.open(url);
    cleanups.push(() => c.close());
    const sql = new PgSql(c);
    sql.exec('CREATE TEMP TABLE t (r int PRIMARY KEY, a text, n int, b text, m int)');
    insertAll(sql);
    const back = sql.prepare('SELECT a, n, b, m FROM t ORDER BY r').rows();
    expect(back.length).toBe(ROWS);
    expect(back).toEqual(Array.from({ length: ROWS }, (_x, r) => row(r)));
  });

  it('on the file: every row back as it was written', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = newSqliteConnection(path.join(dir, 't.db'));
    cleanups.unshift(() => db.close());
    const sql = sqliteSql(db);
    sql.exec('CREATE TABLE t (r INTEGER PRIMARY KEY, a TEXT, n INTEGER, b TEXT, m INTEGER)');
    insertAll(sql);
    expect(sql.prepare('SELECT a, n, b, m FROM t ORDER BY r').rows()).toEqual(Array.from({ length: ROWS }, (_x, r) => row(r)));
  });

  it("writes the server's array text: every text quoted, quotes and backslashes escaped, NULL bare", () => {
    const flat = ['a', 1, 'x"y', null, 'b\\c', 3, null, undefined, '', 0];
    expect(arrayLiteral(flat, 0, 2, 5, true)).toBe('{"a","x\\"y","b\\\\c",NULL,""}');
    expect(arrayLiteral(flat, 1, 2, 5, false)).toBe('{1,NULL,3,NULL,0}');
    expect(arrayLiteral(flat, 0, 1, 0, true)).toBe('{}');
  });
});
