/**
 * A synchronous client of the PostgreSQL server, for the main thread.
 *
 * The batch checker asks the database row by row, and the repositories are written in
 * synchronous style: on the file, better-sqlite3 answers synchronously. The `pg` driver does not,
 * so a thread of its own holds the connection (sync-worker.ts) and every call here blocks until it
 * answers: the request is posted on a port, the main thread sleeps on a shared word
 * (Atomics.wait) until the worker sets it, and takes the answer off the port with
 * receiveMessageOnPort. No event loop turns on the main thread meanwhile: the caller's code stays
 * as synchronous as on the file. The two thread hops cost about 0.04 ms a round trip: `SELECT 1`
 * took 0.06 ms on a local server on 2 cores, 0.02 ms with pg awaited directly
 * (test/db/postgres-sync-client.test.ts prints it). Opening costs about 100 ms: two threads to
 * start, pg and connection.ts to load in the worker, the connection and its checks.
 *
 * Errors cross the thread as their fields and are rebuilt here: dote's own (UsageError,
 * DatabaseBusyError…: the opening's, already in Italian through fromPgError) as the same class with
 * the same message and hint; the server's as a plain Error with its SQLSTATE in `code` (and
 * `detail`, `constraint`), so that the caller can tell a serialization failure (40001), a
 * deadlock (40P01) or a duplicate (23505) and map the rest with fromPgError(e, url).
 *
 * send() is the one call that does not wait: the statement goes to the worker, which runs it
 * while the caller goes on (pg runs one statement at a time, in order). At most IN_FLIGHT are
 * out at once (a third waits for the first's answer): the worker's queue stays bounded however
 * fast the caller sends. Every other call first takes the answers of those sent, so it sees their
 * effects; the first error among them is thrown there instead (the statements after it fail only
 * because the transaction is aborted: their errors are dropped), and the call is not sent.
 *
 * The thread and its port are unref'd: an open client never keeps the process alive once the
 * main thread's work is done (the server then sees the connection drop). close() ends the
 * connection properly and the thread.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { CommandLineError, DatabaseBusyError, DoteError, FindingsReported, InternalError, RefusedError, UsageError, type ExitStatus } from '../../errors.js';

export interface SyncResult {
  rows: unknown[];
  rowCount: number;
}

/** What the worker is given at start. */
export interface SyncWorkerData {
  url: string;
  /** One Int32 word: 0 while the main thread waits, 1 when an answer is on the port, 2 when the worker died. */
  flag: SharedArrayBuffer;
  port: MessagePort;
}

export type SyncRequest =
  | { id: number; kind: 'query'; text: string; values?: readonly unknown[]; rowMode?: 'array'; name?: string }
  | { id: number; kind: 'exec'; text: string }
  | { id: number; kind: 'close' };

/** An error as it crosses the thread (a class instance does not: structured clone keeps only an Error's message). */
export interface SerializedError {
  name: string;
  message: string;
  /** The SQLSTATE of a server's error, or a socket's code (ECONNREFUSED…). */
  code?: string;
  detail?: string;
  hint?: string;
  status?: ExitStatus;
  constraint?: string;
  findings?: RefusedError['findings'];
  /** The constructor's name: dote's classes are rebuilt as themselves. */
  className: string;
  /** A DoteError (a subclass this side does not rebuild by name becomes a DoteError with its status and hint). */
  dote: boolean;
}

export type SyncAnswer = { ok: true; rows: unknown[]; rowCount: number } | { ok: false; error: SerializedError };
export type SyncReply = { id: number } & SyncAnswer;

const WAITING = 0;
const DEAD = 2;
/** Statements sent without waiting (send) that may be out at once. */
const IN_FLIGHT = 2;

/**
 * The worker's parent: a thread that does nothing else, as for the import writer
 * (import-writer.ts). The main thread sleeps in Atomics.wait, so it never hears the worker's
 * 'error' and 'exit' events; this thread does, and when the worker ends without answering (its
 * module does not load, its heap is exhausted) it sets the word to 2 with the reason on its port,
 * so the main thread stops waiting at once. Node refuses some of the main thread's options for a
 * thread (--expose-gc): then the worker gets none.
 */
const WATCHDOG = `
const { Worker, workerData: d } = require('node:worker_threads');
const flag = new Int32Array(d.init.flag);
let said = false;
const died = (why) => {
  if (said) return;
  said = true;
  d.deathPort.postMessage(why);
  Atomics.store(flag, 0, ${DEAD});
  Atomics.notify(flag, 0);
};
const text = (e) => String((e && e.message) || e);
const start = (execArgv) => new Worker(new URL(d.url), { workerData: d.init, transferList: [d.init.port], execArgv });
let worker;
try {
  try {
    worker = start(d.execArgv);
  } catch (e) {
    if (!e || e.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    worker = start([]);
  }
} catch (e) {
  died(text(e));
}
if (worker) {
  let error;
  worker.on('error', (e) => { error = e; });
  worker.on('exit', (code) => died('il thread della connessione si è interrotto' + (error ? ': ' + text(error) : ' (uscita ' + code + ')')));
}`;

/** The class it was on the worker's side, with the same message and hint; the server's errors as a plain Error with their code. */
function rebuild(s: SerializedError): Error {
  switch (s.className) {
    case 'UsageError':
      return new UsageError(s.message, s.hint);
    case 'CommandLineError':
      return new CommandLineError(s.message, s.hint);
    case 'RefusedError':
      return new RefusedError(s.message, s.findings ?? [], s.hint);
    case 'DatabaseBusyError': {
      const e = new DatabaseBusyError();
      e.message = s.message;
      return e;
    }
    case 'FindingsReported':
      return new FindingsReported();
    case 'InternalError':
      return new InternalError(s.message);
  }
  if (s.dote) {
    const e = new DoteError(s.message, { status: s.status, hint: s.hint });
    e.name = s.name;
    return e;
  }
  const e = new Error(s.message) as Error & Record<string, unknown>;
  // pg names its server errors 'error'.
  if (s.name && s.name !== 'error') e.name = s.name;
  for (const k of ['code', 'detail', 'hint', 'constraint'] as const) if (s[k] !== undefined) e[k] = s[k];
  return e;
}

export class SyncPgClient {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  /** Requests to the worker, answers from it. */
  private readonly port: MessagePort;
  /** The watchdog's word when the worker died. */
  private readonly deathPort: MessagePort;
  /** The worker's parent (WATCHDOG); terminating it ends the worker too. */
  private readonly watchdog: Worker;
  private seq = 0;
  /** The requests sent and not yet answered (send), oldest first. */
  private readonly inFlight: number[] = [];
  /** An error of a sent statement was thrown: the errors of those after it are its consequences. */
  private sentFailed = false;
  private closed = false;
  /** The worker died: what every call throws from then on. */
  private dead: InternalError | null = null;

  private constructor(url: string) {
    const channel = new MessageChannel();
    const death = new MessageChannel();
    this.port = channel.port1;
    this.deathPort = death.port1;
    const init: SyncWorkerData = { url, flag: this.flag.buffer as SharedArrayBuffer, port: channel.port2 };
    // Options meant for the main script (--input-type, --eval) are not passed on.
    const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
    const workerData = { init, url: new URL('./sync-worker.js', import.meta.url).href, execArgv, deathPort: death.port2 };
    this.watchdog = new Worker(WATCHDOG, { eval: true, workerData, transferList: [channel.port2, death.port2], execArgv: [] });
    // Failures surface through the ports; keep an uncaught one from killing the process.
    this.watchdog.on('error', () => undefined);
    this.watchdog.unref();
    this.port.unref();
    this.deathPort.unref();
  }

  /**
   * Starts the worker, connects (through openPostgres of ./connection.ts, which also migrates and
   * refuses a non-dote database) and returns once connected; throws the mapped error if not.
   */
  static open(url: string): SyncPgClient {
    const c = new SyncPgClient(url);
    try {
      c.answer(0);
    } catch (e) {
      c.closed = true;
      void c.watchdog.terminate();
      throw e;
    }
    return c;
  }

  /**
   * Runs one statement; `values` bound as $1..$n; rowMode 'array' returns rows as arrays. `name`
   * (optional) makes pg prepare it once per connection (named prepared statement).
   */
  query(text: string, values?: readonly unknown[], opts?: { rowMode?: 'array'; name?: string }): SyncResult {
    const r = this.request({ id: 0, kind: 'query', text, values, rowMode: opts?.rowMode, name: opts?.name });
    return { rows: r.rows, rowCount: r.rowCount };
  }

  /**
   * Sends one statement without waiting for its answer (see the top of this file); returns at
   * once unless IN_FLIGHT are already out, then once the oldest has answered. Throws the error of
   * an earlier one sent.
   */
  send(text: string, values?: readonly unknown[], opts?: { name?: string }): void {
    if (this.closed) throw new InternalError('la connessione al database PostgreSQL è già stata chiusa');
    if (this.dead) throw this.dead;
    if (this.inFlight.length >= IN_FLIGHT) this.settle(this.inFlight.shift()!);
    const id = ++this.seq;
    this.port.postMessage({ id, kind: 'query', text, values, name: opts?.name } satisfies SyncRequest);
    this.inFlight.push(id);
  }

  /** Runs text with several statements and no parameters (simple query protocol), e.g. 'BEGIN; SELECT 1'. */
  exec(text: string): void {
    this.request({ id: 0, kind: 'exec', text });
  }

  /** Ends the connection and terminates the worker; idempotent; after close, query throws. */
  close(): void {
    if (this.closed) return;
    try {
      if (!this.dead) this.request({ id: 0, kind: 'close' });
    } catch {
      // Closing a connection that is already gone: nothing more to end.
    } finally {
      this.closed = true;
      void this.watchdog.terminate();
    }
  }

  private request(m: SyncRequest): Extract<SyncReply, { ok: true }> {
    if (this.closed) throw new InternalError('la connessione al database PostgreSQL è già stata chiusa');
    if (this.dead) throw this.dead;
    while (this.inFlight.length) this.settle(this.inFlight.shift()!);
    this.sentFailed = false;
    const id = ++this.seq;
    this.port.postMessage({ ...m, id });
    return this.answer(id);
  }

  /**
   * Takes the answer of a statement sent: its error is thrown if it is the first since the last
   * call that waited; the later ones are the aborted transaction's (or the dead worker's, which
   * every later call throws anyway), and are dropped.
   */
  private settle(id: number): void {
    try {
      this.answer(id);
    } catch (e) {
      if (this.sentFailed) return;
      this.sentFailed = true;
      throw e;
    }
  }

  /** Blocks until the worker answers request `id` (or dies). */
  private answer(id: number): Extract<SyncReply, { ok: true }> {
    for (;;) {
      const got = receiveMessageOnPort(this.port)?.message as SyncReply | undefined;
      if (got) {
        if (got.id !== id) continue; // not expected (one answer per request), but never taken for this one
        Atomics.compareExchange(this.flag, 0, 1, WAITING);
        if (!got.ok) throw rebuild(got.error);
        return got;
      }
      // The word is set after the answer is posted, so on 1 it is on the port: look again.
      const state = Atomics.load(this.flag, 0);
      if (state === DEAD) throw this.died();
      if (state === WAITING) Atomics.wait(this.flag, 0, WAITING);
    }
  }

  /** The worker ended without answering: an error of ours, never the user's. */
  private died(): InternalError {
    const why = receiveMessageOnPort(this.deathPort)?.message;
    this.dead = new InternalError(`connessione al database PostgreSQL persa: ${typeof why === 'string' ? why : 'il thread della connessione si è interrotto'}`);
    return this.dead;
  }
}
