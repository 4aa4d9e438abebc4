/**
 * The main thread's handle on `dote importa`'s writer thread (import-writer-worker.ts).
 *
 * Synchronous on purpose, like the rest of the batch check: the constructor waits until the
 * writer holds the database's write lock; operations are buffered and posted in batches, and the
 * main thread waits only when too many batches are in flight (memory stays bounded); `drain`
 * waits until everything is written and returns what became of the "maybe" rows; `end` waits for
 * the commit or rollback.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { DatabaseBusyError, DoteError, InternalError, UsageError } from '../errors.js';
import { fromOsError } from '../os-errors.js';
import type { HistoryEntry } from '../db/storia.js';
import { BatchBuilder, Op, State, type MaybeOutcome, type WriterDrain, type WriterEnd, type WriterInit, type WriterOutcome } from './import-writer-protocol.js';

/**
 * The writer thread's parent: a thread of its own that does nothing else. The main thread waits
 * on the shared words, blocked, so it never hears a thread end: only a thread whose event loop is
 * free gets a Worker's 'error' and 'exit' events. This one does; when the writer ends without
 * having said Done or Failed (a module that does not load, an exception nobody caught, its heap
 * exhausted, an exit call) it says Failed for it, with the reason, and wakes both waits, so the
 * main thread stops waiting at once. Node refuses some of the main thread's options for a thread
 * (--expose-gc): then the writer gets none.
 */
const WATCHDOG = `
const { Worker, workerData: d } = require('node:worker_threads');
const s = new Int32Array(d.init.shared);
const failed = (why) => {
  const state = Atomics.load(s, 0);
  if (state === ${State.Done} || state === ${State.Failed}) return;
  d.deathPort.postMessage({ ok: false, error: why });
  Atomics.store(s, 0, ${State.Failed});
  Atomics.notify(s, 0);
  Atomics.notify(s, 1);
};
const text = (e) => String((e && e.message) || e);
const start = (execArgv) => new Worker(new URL(d.url), { workerData: d.init, transferList: [d.init.input, d.init.resultPort], execArgv, resourceLimits: d.resourceLimits });
let writer;
try {
  try {
    writer = start(d.execArgv);
  } catch (e) {
    if (!e || e.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    writer = start([]);
  }
} catch (e) {
  failed(text(e));
}
if (writer) {
  let error;
  writer.on('error', (e) => { error = e; });
  writer.on('exit', (code) => failed('il thread di scrittura si è interrotto' + (error ? ': ' + text(error) : ' (uscita ' + code + ')')));
}`;

/**
 * Values per batch posted to the writer (about 5,000 rows). Each post wakes the writer thread,
 * and on 2 busy cores a wake-up costs a switch between the threads: with batches of 8,192 values
 * (600 rows) posting took 1.2 s of the main thread's time for 2,000,000 rows, 0.2 s with these.
 * A batch lives outside the JavaScript heap (BatchBuilder), so its size does not fill the old
 * generation with garbage.
 */
const BATCH_VALUES = 65_536;
/** Batches in flight before the main thread waits for the writer (at most ~5 MB of them). */
const MAX_IN_FLIGHT = 8;

export class ImportWriter {
  /** The writer's parent thread (WATCHDOG); terminating it ends the writer too. */
  private readonly watchdog: Worker;
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  /** Batches, then the drain and the end, to the writer. */
  private readonly input: MessagePort;
  /** The writer's outcomes. */
  private readonly port: MessagePort;
  /** The watchdog's word when the writer died. */
  private readonly deathPort: MessagePort;
  /** The batch being filled (an operation is at most 15 values: room for one more when not yet full). */
  private batch = new BatchBuilder(BATCH_VALUES + 16);
  /** The text columns of the last erogazione and timesheet operation of the batch (see `BatchBuilder.text`). */
  private prevErogazione: unknown[] = [];
  private prevTimesheet: unknown[] = [];
  private ended = false;

  constructor(private readonly dbPath: string, files: string[], opts: { now: string; oggi: string }) {
    const input = new MessageChannel();
    const result = new MessageChannel();
    const death = new MessageChannel();
    this.input = input.port1;
    this.port = result.port1;
    this.deathPort = death.port1;
    const init: WriterInit = { dbPath, files, now: opts.now, oggi: opts.oggi, shared: this.shared.buffer as SharedArrayBuffer, input: input.port2, resultPort: result.port2 };
    // Options meant for the main script (--input-type, --eval) are not passed on.
    const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
    // DOTE_TEST_WORKER_FAIL=…:oom (tests only, see import-writer-worker.ts): a small heap, which
    // the writer exhausts in a moment.
    const testHeap = process.env.DOTE_TEST_WORKER_FAIL?.endsWith(':oom') ? { maxOldGenerationSizeMb: 64 } : {};
    const workerData = {
      init,
      url: new URL('./import-writer-worker.js', import.meta.url).href,
      execArgv,
      resourceLimits: { maxYoungGenerationSizeMb: 8, ...testHeap },
      deathPort: death.port2,
    };
    this.watchdog = new Worker(WATCHDOG, { eval: true, workerData, transferList: [input.port2, result.port2, death.port2], execArgv: [] });
    // Failures surface through the ports; keep an uncaught one from killing the process.
    this.watchdog.on('error', () => undefined);
    this.waitWhile(State.Starting, 60_000);
    if (Atomics.load(this.shared, 0) !== State.Locked) this.fail();
  }

  /** Waits while the writer is in `state` (at most `limitMs`, when given). */
  private waitWhile(state: number, limitMs?: number): void {
    const until = limitMs === undefined ? Infinity : Date.now() + limitMs;
    while (Atomics.load(this.shared, 0) === state && Date.now() < until) Atomics.wait(this.shared, 0, state, 1000);
  }

  /**
   * The writer failed: nothing was written (its transaction is rolled back, or never committed
   * when the thread died). A busy database is the user's to retry; anything else is a bug.
   */
  private fail(known?: WriterOutcome): never {
    const m = known ?? ((receiveMessageOnPort(this.port) ?? receiveMessageOnPort(this.deathPort))?.message as WriterOutcome | undefined);
    void this.watchdog.terminate();
    this.ended = true;
    const what = 'importazione non riuscita, nessuna riga importata';
    if (m && !m.ok && m.busy) throw new DatabaseBusyError(what);
    if (m && !m.ok && m.user) throw new UsageError(m.user.message, m.user.hint);
    if (m && !m.ok && m.code) {
      // A full disk, a read-only database…: the user's situation, in the words of os-errors.ts.
      const mapped = fromOsError(Object.assign(new Error(m.error), { code: m.code }), this.dbPath, { what });
      if (mapped instanceof DoteError) throw mapped;
    }
    const why = m && !m.ok ? m.error : 'il thread di scrittura si è interrotto';
    throw new InternalError(`${what}: ${why}`);
  }

  /** Posts the batch when it is full (the callers append their values straight to `batch`). */
  private pushed(): void {
    if (this.batch.n >= BATCH_VALUES) this.post();
  }

  private post(): void {
    if (this.batch.n === 0) return;
    for (;;) {
      if (Atomics.load(this.shared, 0) === State.Failed) this.fail();
      const inFlight = Atomics.load(this.shared, 1);
      if (inFlight < MAX_IN_FLIGHT) break;
      Atomics.wait(this.shared, 1, inFlight, 1000);
    }
    Atomics.add(this.shared, 1, 1);
    const batch = this.batch.take();
    this.input.postMessage(batch, [batch.values]);
    this.prevErogazione = [];
    this.prevTimesheet = [];
  }

  /**
   * `professionista` is the professional's key in the file (registry code): the writer makes the
   * group session's key from it (the thread that writes makes the string, not the one that reads).
   * The text columns (`text`, numbered in the order of EROGAZIONE_TEXT and TIMESHEET_TEXT) are
   * sent once while they repeat.
   */
  insertErogazione(fi: number, doteId: string, servizio: string, data: string, inizio: number, fine: number, professionistaId: number, sedeId: number | null, modalita: string, collettiva: number, professionista: string, descrizione: string | null, registrataIl: string, riga: number, maybe = false): void {
    const b = this.batch;
    const p = this.prevErogazione;
    b.value(maybe ? Op.MaybeErogazione : Op.InsertErogazione);
    b.value(fi);
    b.text(doteId, p, 0);
    b.text(servizio, p, 1);
    b.text(data, p, 2);
    b.value(inizio);
    b.value(fine);
    b.value(professionistaId);
    b.value(sedeId);
    b.text(modalita, p, 3);
    b.value(collettiva);
    b.text(professionista, p, 4);
    b.text(descrizione, p, 5);
    b.text(registrataIl, p, 6);
    b.value(riga);
    this.pushed();
  }

  insertTimesheet(fi: number, professionistaId: number, doteId: string, servizio: string, data: string, inizio: number, fine: number, collettiva: number, descrizione: string | null, riga: number, maybe = false): void {
    const b = this.batch;
    const p = this.prevTimesheet;
    b.value(maybe ? Op.MaybeTimesheet : Op.InsertTimesheet);
    b.value(fi);
    b.value(professionistaId);
    b.text(doteId, p, 0);
    b.text(servizio, p, 1);
    b.text(data, p, 2);
    b.value(inizio);
    b.value(fine);
    b.value(collettiva);
    b.text(descrizione, p, 3);
    b.value(riga);
    this.pushed();
  }

  updateErogazione(fine: number, sedeId: number | null, modalita: string, collettiva: number, descrizione: string | null, fi: number, riga: number, aggiornataIl: string, id: number): void {
    for (const v of [Op.UpdateErogazione, fine, sedeId, modalita, collettiva, descrizione, fi, riga, aggiornataIl, id]) this.batch.value(v);
    this.pushed();
  }

  updateTimesheet(fine: number, collettiva: number, descrizione: string | null, fi: number, riga: number, importataIl: string, id: number): void {
    for (const v of [Op.UpdateTimesheet, fine, collettiva, descrizione, fi, riga, importataIl, id]) this.batch.value(v);
    this.pushed();
  }

  private outcome(): WriterOutcome {
    const out = receiveMessageOnPort(this.port)?.message as WriterOutcome | undefined;
    if (!out || !out.ok) this.fail(out);
    return out;
  }

  /** Writes what is pending and returns what became of the "maybe" rows. */
  drain(): MaybeOutcome {
    this.post();
    this.input.postMessage({ drain: true } satisfies WriterDrain);
    this.waitWhile(State.Locked);
    const out = this.outcome();
    if (!('drained' in out)) this.fail();
    return out.drained;
  }

  /** Commits (with the history entries) or rolls back, and waits for it. */
  end(commit: boolean, operatore: string, history: HistoryEntry[], activities: WriterEnd['activities'] = []): void {
    this.input.postMessage({ commit, operatore, history, activities } satisfies WriterEnd);
    this.waitWhile(State.Drained);
    this.outcome();
    this.ended = true;
    void this.watchdog.terminate();
  }

  /** Rolls back without waiting for the counts (on an unexpected error of the main thread). */
  abort(): void {
    if (this.ended) return;
    this.ended = true;
    this.batch = new BatchBuilder(BATCH_VALUES + 16);
    this.input.postMessage({ drain: true } satisfies WriterDrain);
    this.input.postMessage({ commit: false, operatore: '', history: [] } satisfies WriterEnd);
    for (const s of [State.Starting, State.Locked, State.Drained]) this.waitWhile(s);
    void this.watchdog.terminate();
  }
}
