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
import { DoteError } from '../errors.js';
import type { HistoryEntry } from '../db/storia.js';
import { EROGAZIONE_TEXT, Op, State, TIMESHEET_TEXT, elide, type MaybeOutcome, type WriterDrain, type WriterEnd, type WriterInit, type WriterOutcome } from './import-writer-protocol.js';

const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.url).catch((e) => {
  workerData.resultPort.postMessage({ ok: false, error: String((e && e.message) || e) });
  const s = new Int32Array(workerData.shared);
  Atomics.store(s, 0, ${State.Failed});
  Atomics.notify(s, 0);
});`;

/**
 * Values per batch posted to the writer (about 600 rows). Small batches die young: a batch that
 * lives through several minor collections is promoted to the old generation, which a long import
 * then fills with garbage that only a full collection frees.
 */
const BATCH_VALUES = 8_192;
/** Batches in flight before the main thread waits for the writer. */
const MAX_IN_FLIGHT = 32;

export class ImportWriter {
  private readonly worker: Worker;
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  private ops: unknown[] = [];
  /** The text columns of the last erogazione and timesheet operation of the batch (see `elide`). */
  private prevErogazione: unknown[] = [];
  private prevTimesheet: unknown[] = [];
  private ended = false;

  constructor(dbPath: string, files: string[], opts: { now: string; oggi: string }) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const init: WriterInit = { dbPath, files, now: opts.now, oggi: opts.oggi, shared: this.shared.buffer as SharedArrayBuffer, resultPort: port2 };
    // The main thread blocks while it waits, so it would never hear of a thread that failed to
    // load: a bootstrap catches that and says so through the shared state. Options meant for the
    // main script (--input-type, --eval) are not passed on.
    // Node refuses some of the main thread's options for a thread (--expose-gc): then none.
    const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
    const start = (argv: string[]) =>
      new Worker(BOOT, { eval: true, workerData: { ...init, url: new URL('./import-writer-worker.js', import.meta.url).href }, transferList: [port2], execArgv: argv, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    let worker: Worker;
    try {
      worker = start(execArgv);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
      worker = start([]);
    }
    this.worker = worker;
    // Errors surface through the result port; keep an uncaught one from killing the process.
    this.worker.on('error', () => undefined);
    this.waitWhile(State.Starting, 60_000);
    if (Atomics.load(this.shared, 0) !== State.Locked) this.fail();
  }

  /** Waits while the writer is in `state` (at most `limitMs`, when given). */
  private waitWhile(state: number, limitMs?: number): void {
    const until = limitMs === undefined ? Infinity : Date.now() + limitMs;
    while (Atomics.load(this.shared, 0) === state && Date.now() < until) Atomics.wait(this.shared, 0, state, 1000);
  }

  private fail(known?: WriterOutcome): never {
    const m = known ?? (receiveMessageOnPort(this.port)?.message as WriterOutcome | undefined);
    const why = m && !m.ok ? m.error : 'il processo di scrittura si è interrotto';
    void this.worker.terminate();
    this.ended = true;
    throw new DoteError(`importazione non riuscita, nessuna riga importata: ${why}`, { exitCode: 2 });
  }

  /** Posts the batch when it is full (the callers push their values straight into `ops`). */
  private pushed(): void {
    if (this.ops.length >= BATCH_VALUES) this.post();
  }

  private post(): void {
    if (this.ops.length === 0) return;
    if (Atomics.load(this.shared, 0) === State.Failed) this.fail();
    for (;;) {
      const inFlight = Atomics.load(this.shared, 1);
      if (inFlight < MAX_IN_FLIGHT) break;
      Atomics.wait(this.shared, 1, inFlight, 1000);
      if (Atomics.load(this.shared, 0) === State.Failed) this.fail();
    }
    Atomics.add(this.shared, 1, 1);
    this.worker.postMessage(this.ops);
    this.ops = [];
    this.prevErogazione = [];
    this.prevTimesheet = [];
  }

  /**
   * `professionista` is the professional's key in the file (registry code): the writer makes the
   * group session's key from it (the thread that writes makes the string, not the one that reads).
   */
  insertErogazione(fi: number, doteId: string, servizio: string, data: string, inizio: number, fine: number, professionistaId: number, sedeId: number | null, modalita: string, collettiva: number, professionista: string, descrizione: string | null, registrataIl: string, riga: number, maybe = false): void {
    const at = this.ops.push(maybe ? Op.MaybeErogazione : Op.InsertErogazione);
    this.ops.push(fi, doteId, servizio, data, inizio, fine, professionistaId, sedeId, modalita, collettiva, professionista, descrizione, registrataIl, riga);
    elide(this.ops, at, EROGAZIONE_TEXT, this.prevErogazione);
    this.pushed();
  }

  insertTimesheet(fi: number, professionistaId: number, doteId: string, servizio: string, data: string, inizio: number, fine: number, collettiva: number, descrizione: string | null, riga: number, maybe = false): void {
    const at = this.ops.push(maybe ? Op.MaybeTimesheet : Op.InsertTimesheet);
    this.ops.push(fi, professionistaId, doteId, servizio, data, inizio, fine, collettiva, descrizione, riga);
    elide(this.ops, at, TIMESHEET_TEXT, this.prevTimesheet);
    this.pushed();
  }

  updateErogazione(fine: number, sedeId: number | null, modalita: string, collettiva: number, descrizione: string | null, fi: number, riga: number, aggiornataIl: string, id: number): void {
    this.ops.push(Op.UpdateErogazione, fine, sedeId, modalita, collettiva, descrizione, fi, riga, aggiornataIl, id);
    this.pushed();
  }

  updateTimesheet(fine: number, collettiva: number, descrizione: string | null, fi: number, riga: number, importataIl: string, id: number): void {
    this.ops.push(Op.UpdateTimesheet, fine, collettiva, descrizione, fi, riga, importataIl, id);
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
    this.worker.postMessage({ drain: true } satisfies WriterDrain);
    this.waitWhile(State.Locked);
    const out = this.outcome();
    if (!('drained' in out)) this.fail();
    return out.drained;
  }

  /** Commits (with the history entries) or rolls back, and waits for it. */
  end(commit: boolean, operatore: string, history: HistoryEntry[], activities: WriterEnd['activities'] = []): void {
    this.worker.postMessage({ commit, operatore, history, activities } satisfies WriterEnd);
    this.waitWhile(State.Drained);
    this.outcome();
    this.ended = true;
    void this.worker.terminate();
  }

  /** Rolls back without waiting for the counts (on an unexpected error of the main thread). */
  abort(): void {
    if (this.ended) return;
    this.ended = true;
    this.ops = [];
    this.worker.postMessage({ drain: true } satisfies WriterDrain);
    this.worker.postMessage({ commit: false, operatore: '', history: [] } satisfies WriterEnd);
    for (const s of [State.Starting, State.Locked, State.Drained]) this.waitWhile(s);
    void this.worker.terminate();
  }
}
