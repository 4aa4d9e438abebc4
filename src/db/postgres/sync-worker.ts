/**
 * The thread that holds a SyncPgClient's connection to the PostgreSQL server (sync-client.ts).
 *
 * The batch checker and the repositories ask the database synchronously, one row at a time, as
 * better-sqlite3 lets them on the file; the `pg` driver is asynchronous only. So the connection
 * lives here, on a thread whose event loop is free to run it, and the main thread waits for each
 * answer on a shared word (Atomics.wait) and takes it off its port (receiveMessageOnPort).
 *
 * Protocol: the connection is opened at start (openPostgres: dote's session settings, the
 * migrations, a database that is not dote's refused), and its outcome is the answer to request 0.
 * Then requests on the port, `query`, `exec` or `close`, each answered exactly once on the same
 * port, in the order they came, then the word set to 1 and the main thread woken. Usually one at a
 * time; statements sent without waiting (SyncPgClient.send) are several, queued by pg, which
 * runs them one after the other. Every request gets its
 * answer, a failed one included: the main thread has no other way to stop waiting. A lost
 * connection ('error' or an unexpected end of the client) is the answer to every request after
 * it; an exception nobody caught is the answer to the requests in progress, or to the next one. If
 * this thread dies without a word (a module that does not load, its heap exhausted), its parent,
 * the watchdog of sync-client.ts, says so for it.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { DoteError } from '../../errors.js';
import { openPostgres, type PgClient } from './connection.js';
import { fromPgError } from './errors.js';
import type { SerializedError, SyncAnswer, SyncRequest, SyncWorkerData } from './sync-client.js';

const init = workerData as SyncWorkerData;
const flag = new Int32Array(init.flag);
const port = init.port as MessagePort;

/** An error as it crosses to the main thread, which rebuilds it (sync-client.ts). */
function serialize(e: unknown): SerializedError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), className: 'Error', dote: false };
  const x = e as Error & { code?: unknown; detail?: unknown; hint?: unknown; status?: unknown; constraint?: unknown; findings?: unknown };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    name: e.name,
    message: e.message,
    code: str(x.code),
    detail: str(x.detail),
    hint: str(x.hint),
    status: x.status === 1 || x.status === 2 ? x.status : undefined,
    constraint: str(x.constraint),
    findings: e instanceof DoteError && Array.isArray(x.findings) ? (x.findings as SerializedError['findings']) : undefined,
    className: e.constructor?.name ?? 'Error',
    dote: e instanceof DoteError,
  };
}

/** The requests waiting for their answer, in the order they came. */
const pending = new Set<number>();
/** The connection was lost, or is in a state nobody knows (an exception nobody caught): every request's answer from then on. */
let broken: { e: unknown } | null = null;
let client: PgClient | null = null;
let closing = false;

function reply(id: number, r: SyncAnswer): void {
  if (!pending.delete(id)) return; // answered already (an uncaught exception came first)
  try {
    port.postMessage({ id, ...r });
  } catch (e) {
    // Rows that cannot be cloned (a type parser returning something exotic): say so instead.
    port.postMessage({ id, ok: false, error: serialize(e) });
  } finally {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }
}

function fail(id: number, e: unknown): void {
  reply(id, { ok: false, error: serialize(e) });
}

/**
 * An exception nobody caught, most likely thrown inside the driver while it read the server's
 * answer (a type parser): the connection may be waiting for the rest of an answer that never
 * comes, so it is not used again. The requests in progress get it as their answer, or the next one.
 */
function onUncaught(e: unknown): void {
  broken ??= { e };
  for (const id of [...pending]) fail(id, e);
}
process.on('uncaughtException', onUncaught);
process.on('unhandledRejection', onUncaught);

/**
 * The connection is gone. A driver's own words without a SQLSTATE ("Connection terminated
 * unexpectedly") get 08006, connection failure, so that fromPgError says it in Italian.
 */
function lost(e: unknown): void {
  if (closing || broken) return;
  const code = (e as { code?: unknown } | null)?.code;
  broken = { e: typeof code === 'string' ? e : Object.assign(e instanceof Error ? e : new Error(String(e)), { code: '08006' }) };
}

/** Parameters as pg wants them: a Buffer arrives here as a plain Uint8Array (structured clone). */
function param(v: unknown): unknown {
  return v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v;
}

async function handle(m: SyncRequest): Promise<void> {
  pending.add(m.id);
  if (m.kind === 'close') {
    closing = true;
    // A broken connection is not waited for: terminating this thread closes its socket.
    const end = client?.end().catch(() => undefined);
    if (!broken) await end;
    client = null;
    // The main thread terminates this thread once it has the answer (closing the port here
    // could take the answer with it).
    return reply(m.id, { ok: true, rows: [], rowCount: 0 });
  }
  if (broken) return fail(m.id, broken.e);
  if (!client) return fail(m.id, new Error('connessione PostgreSQL non aperta'));
  try {
    if (m.kind === 'exec') {
      await client.query(m.text);
      return reply(m.id, { ok: true, rows: [], rowCount: 0 });
    }
    const config = { text: m.text, values: m.values?.map(param), name: m.name };
    const r = m.rowMode === 'array' ? await client.query({ ...config, rowMode: 'array' }) : await client.query(config);
    // Several statements in one text come back as several results: the last one is the answer.
    const last = Array.isArray(r) ? (r[r.length - 1] as typeof r[number] | undefined) : r;
    reply(m.id, { ok: true, rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 });
  } catch (e) {
    // The query failed because the connection went: the connection's error, with its code.
    const gone = broken as { e: unknown } | null; // set meanwhile, by the 'error' handler
    fail(m.id, gone && typeof (e as { code?: unknown })?.code !== 'string' ? gone.e : e);
  }
}

port.on('message', (m: SyncRequest) => void handle(m).catch(onUncaught));

pending.add(0);
try {
  client = await openPostgres(init.url);
  client.on('error', lost);
  client.on('end', () => lost(new Error('Connection terminated unexpectedly')));
  reply(0, { ok: true, rows: [], rowCount: 0 });
} catch (e) {
  fail(0, fromPgError(e, init.url));
}
