/**
 * The synchronous PostgreSQL client (src/db/postgres/sync-client.ts), on the tests' throwaway
 * server: rows as objects and as arrays, counts as numbers, transactions, the server's errors with
 * their SQLSTATE and the client usable after them, an unreachable server or a missing database in
 * Italian (UsageError), a connection the server drops reported instead of waited for, close, named
 * statements, and the cost of a round trip (printed, not asserted: it depends on the machine).
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { freshPgDatabase, pgUrlOf, psql } from '../postgres/pg.js';
import { initPostgres } from '../../src/db/postgres/connection.js';
import type * as SyncClientModule from '../../src/db/postgres/sync-client.js';
import type * as ErrorsModule from '../../src/errors.js';
import type * as PgErrorsModule from '../../src/db/postgres/errors.js';

// The client starts its thread from the compiled worker next to it: load it from dist/ (compiled
// by the global setup), not from the TypeScript sources; and the error classes it throws with it.
const dist = (...p: string[]) => import(pathToFileURL(path.join(ROOT, 'dist', ...p)).href);
const { SyncPgClient } = (await dist('db', 'postgres', 'sync-client.js')) as typeof SyncClientModule;
const { UsageError, InternalError, DatabaseBusyError } = (await dist('errors.js')) as typeof ErrorsModule;
const { fromPgError } = (await dist('db', 'postgres', 'errors.js')) as typeof PgErrorsModule;

type Client = InstanceType<typeof SyncPgClient>;
const clients: Client[] = [];
afterEach(() => {
  while (clients.length) clients.pop()!.close();
});

/** A client on a new dote database. */
async function opened(): Promise<{ c: Client; url: string }> {
  const url = freshPgDatabase();
  await initPostgres(url);
  const c = SyncPgClient.open(url);
  clients.push(c);
  return { c, url };
}

/** What `f` throws. */
function thrown(f: () => unknown): Error & { code?: string; detail?: string; constraint?: string; hint?: string; status?: number } {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('non ha lanciato nulla');
}

/** A port on 127.0.0.1 where nothing listens. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as { port: number };
  await new Promise((ok) => s.close(ok));
  return port;
}

describe('SyncPgClient', () => {
  it('returns rows as objects and as arrays, counts and sums as numbers, bytea parameters as bytes', async () => {
    const { c } = await opened();
    expect(c.query("SELECT 1 AS a, 'x' AS b, NULL AS c")).toEqual({ rows: [{ a: 1, b: 'x', c: null }], rowCount: 1 });
    expect(c.query("SELECT 1 AS a, 'x' AS b", [], { rowMode: 'array' }).rows).toEqual([[1, 'x']]);
    const n = c.query('SELECT count(*) AS n, sum(length(valore))::numeric AS s FROM meta').rows[0] as { n: unknown; s: unknown };
    expect(n.n).toBe(2);
    expect(typeof n.s).toBe('number');
    expect(c.query('SELECT $1::text AS t, $2::int AS i, $3::text AS z', ['àè€', 42, null]).rows).toEqual([{ t: 'àè€', i: 42, z: null }]);
    // A Buffer reaches the worker as a Uint8Array: it must still be sent as bytes, not as "1,2,3".
    const bytes = Buffer.from([0, 1, 2, 255]);
    expect(c.query('SELECT octet_length($1::bytea) AS n, $1::bytea AS b', [bytes]).rows[0]).toMatchObject({ n: 4, b: new Uint8Array(bytes) });
    expect(c.query('SELECT generate_series(1, 3) AS g').rowCount).toBe(3);
  });

  it('runs a transaction: BEGIN, INSERT, ROLLBACK leaves nothing; exec runs several statements', async () => {
    const { c, url } = await opened();
    c.query('BEGIN');
    expect(c.query("INSERT INTO meta (chiave, valore) VALUES ('prova', 'x')").rowCount).toBe(1);
    expect(c.query("SELECT valore FROM meta WHERE chiave = 'prova'").rows).toEqual([{ valore: 'x' }]);
    c.query('ROLLBACK');
    expect(c.query("SELECT count(*) AS n FROM meta WHERE chiave = 'prova'").rows).toEqual([{ n: 0 }]);
    c.exec("BEGIN; INSERT INTO meta (chiave, valore) VALUES ('prova', 'y'); INSERT INTO meta (chiave, valore) VALUES ('prova2', 'z')");
    expect(psql(url, "SELECT count(*) FROM meta WHERE chiave LIKE 'prova%'")).toBe('0'); // not committed yet
    c.exec('COMMIT');
    expect(psql(url, "SELECT count(*) FROM meta WHERE chiave LIKE 'prova%'")).toBe('2');
  });

  it("throws the server's errors with their SQLSTATE, and stays usable after them", async () => {
    const { c, url } = await opened();
    const syntax = thrown(() => c.query('SELEC 1'));
    expect(syntax).toBeInstanceOf(Error);
    expect(syntax.code).toBe('42601');
    expect(syntax.message).toContain('syntax error');
    expect(c.query('SELECT 2 AS n').rows).toEqual([{ n: 2 }]);
    const dup = thrown(() => c.query("INSERT INTO meta (chiave, valore) VALUES ('app', $1)", ['altro']));
    expect(dup.code).toBe('23505');
    expect(dup.constraint).toBe('meta_pkey');
    expect(dup.detail).toContain('(chiave)=(app)');
    expect(fromPgError(dup, url)).toBe(dup); // not the user's: it stays an error of ours
    // Inside a transaction the error aborts it, as on any connection; ROLLBACK brings it back.
    c.query('BEGIN');
    expect(thrown(() => c.query('SELECT 1/0')).code).toBe('22012');
    expect(thrown(() => c.query('SELECT 1')).code).toBe('25P02');
    c.query('ROLLBACK');
    expect(c.query('SELECT 3 AS n', [], { name: 'tre' }).rows).toEqual([{ n: 3 }]);
    // A serialization failure mapped by the caller: "database in uso".
    expect(fromPgError(Object.assign(new Error('x'), { code: '40001' }), url)).toBeInstanceOf(DatabaseBusyError);
  });

  it('says in Italian (UsageError) when nothing listens on the port, the database does not exist, or it is not a dote database', async () => {
    const port = await freePort();
    const none = thrown(() => SyncPgClient.open(`postgres://postgres@127.0.0.1:${port}/dote`));
    expect(none).toBeInstanceOf(UsageError);
    expect(none.message).toContain(`impossibile collegarsi al server PostgreSQL 127.0.0.1:${port} (connessione rifiutata)`);
    expect(none.hint).toContain('controlla che il server sia avviato');
    expect(none.status).toBe(2);
    const missing = thrown(() => SyncPgClient.open(pgUrlOf('dote_non_esiste_proprio')));
    expect(missing).toBeInstanceOf(UsageError);
    expect(missing.message).toContain('il database non esiste sul server');
    const empty = thrown(() => SyncPgClient.open(freshPgDatabase()));
    expect(empty).toBeInstanceOf(UsageError);
    expect(empty.message).toContain('non contiene ancora le tabelle di dote');
    expect(empty.hint).toBe('esegui prima: dote init');
  });

  it('after close, query throws; closing twice is fine; the server sees the connection end', async () => {
    const { c, url } = await opened();
    const name = new URL(url).pathname.slice(1);
    expect(psql(url, `SELECT count(*) FROM pg_stat_activity WHERE datname = '${name}' AND application_name = 'dote'`)).toBe('1');
    c.close();
    expect(thrown(() => c.query('SELECT 1'))).toBeInstanceOf(InternalError);
    expect(thrown(() => c.exec('SELECT 1'))).toBeInstanceOf(InternalError);
    c.close();
    // client.end() waited for: the backend is gone (give the server a moment to notice).
    const until = Date.now() + 5000;
    let left = '1';
    while (left !== '0' && Date.now() < until) left = psql(url, `SELECT count(*) FROM pg_stat_activity WHERE datname = '${name}' AND application_name = 'dote'`);
    expect(left).toBe('0');
  });

  it('runs a named statement twice with the same answer (prepared once per connection)', async () => {
    const { c } = await opened();
    const q = (v: string) => c.query('SELECT valore FROM meta WHERE chiave = $1', [v], { name: 'meta_valore' }).rows;
    const first = q('app');
    expect(first).toEqual([{ valore: 'dote' }]);
    expect(q('app')).toEqual(first);
    expect(q('nessuna')).toEqual([]);
    expect(c.query("SELECT count(*) AS n FROM pg_prepared_statements WHERE name = 'meta_valore'").rows).toEqual([{ n: 1 }]);
  });

  it('send: statements go out without waiting, the next call sees them all, at most two are out at once', async () => {
    const { c } = await opened();
    c.exec('CREATE TEMP TABLE t (n int)');
    for (let i = 1; i <= 50; i++) c.send('INSERT INTO t VALUES ($1)', [i], { name: 'ins_t' });
    expect(c.query('SELECT count(*) AS n, sum(n) AS s FROM t').rows).toEqual([{ n: 50, s: 1275 }]);
    // Five statements of 0,1 s: the fifth send can go out only once the third has answered.
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) c.send('SELECT pg_sleep(0.1)');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(280);
    c.query('SELECT 1');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(480);
  });

  it("send: a failed statement's error is thrown by the next call, which is not run; then the connection works again", async () => {
    const { c } = await opened();
    c.exec('CREATE TABLE u (n int PRIMARY KEY)');
    c.exec('BEGIN');
    c.send('INSERT INTO u VALUES (1)');
    c.send('INSERT INTO u VALUES (1)'); // a duplicate: the transaction is aborted from here
    c.send('INSERT INTO u VALUES (2)'); // fails too (aborted transaction): its error is not the one thrown
    const e = thrown(() => c.query("INSERT INTO u VALUES (3) RETURNING 'run'"));
    expect(e.code).toBe('23505');
    expect(e.constraint).toBe('u_pkey');
    c.exec('ROLLBACK');
    expect(c.query('SELECT count(*) AS n FROM u').rows).toEqual([{ n: 0 }]);
    c.send('INSERT INTO u VALUES (4)');
    expect(c.query('SELECT n FROM u').rows).toEqual([{ n: 4 }]);
    // And one sent just before COMMIT: COMMIT is not sent, nothing is committed.
    c.exec('BEGIN');
    c.send('INSERT INTO u VALUES (4)');
    expect(thrown(() => c.exec('COMMIT')).code).toBe('23505');
    c.exec('ROLLBACK');
    expect(c.query('SELECT n FROM u').rows).toEqual([{ n: 4 }]);
  });

  it('reports a connection the server drops, on the next call, instead of waiting for ever', async () => {
    const { c, url } = await opened();
    const pid = (c.query('SELECT pg_backend_pid() AS pid').rows[0] as { pid: number }).pid;
    psql(pgUrlOf('postgres'), `SELECT pg_terminate_backend(${pid})`);
    const e = thrown(() => c.query('SELECT 1'));
    expect(typeof e.code).toBe('string');
    expect(fromPgError(e, url)).toBeInstanceOf(UsageError);
    const again = thrown(() => c.query('SELECT 1'));
    expect(typeof again.code).toBe('string');
    c.close();
  });

  it('says at once, never hangs, when its worker cannot start (the TypeScript sources have no sync-worker.js)', async () => {
    const { SyncPgClient: FromSources } = await import('../../src/db/postgres/sync-client.js');
    const { InternalError: SourceInternalError } = await import('../../src/errors.js');
    const url = freshPgDatabase();
    await initPostgres(url);
    const started = Date.now();
    const e = thrown(() => FromSources.open(url));
    expect(e).toBeInstanceOf(SourceInternalError);
    expect(e.message).toContain('connessione al database PostgreSQL persa');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('makes 10.000 round trips (time printed)', async () => {
    const { c } = await opened();
    for (let i = 0; i < 1000; i++) c.query('SELECT $1::int AS n', [i]); // warm-up
    let t = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const r = c.query('SELECT $1::int AS n', [i]);
      if ((r.rows[0] as { n: number }).n !== i) throw new Error(`riga ${i}: ${JSON.stringify(r.rows)}`);
    }
    const param = (performance.now() - t) / 10_000;
    t = performance.now();
    for (let i = 0; i < 10_000; i++) c.query('SELECT 1');
    const plain = (performance.now() - t) / 10_000;
    t = performance.now();
    for (let i = 0; i < 10_000; i++) c.query('SELECT $1::int AS n', [i], { name: 'uno' });
    const named = (performance.now() - t) / 10_000;
    console.log(`SyncPgClient, per round trip: SELECT $1::int ${param.toFixed(3)} ms, SELECT 1 ${plain.toFixed(3)} ms, named ${named.toFixed(3)} ms`);
  });
});
