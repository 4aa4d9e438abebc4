/**
 * The writing half of `dote importa`, on its own thread and its own connection (the file's or
 * the server's, db/import-connection.ts).
 *
 * The main thread reads, checks and decides (new row, already present, update, refused); this
 * thread only executes, in order, inside one IMMEDIATE transaction taken before the main thread
 * reads anything: nobody else can write in between, so the main thread's view of the database is
 * exactly the one these writes go on top of. On 2 cores checking and writing then overlap, and a
 * million-row import costs about the time of the slower of the two instead of their sum.
 *
 * Protocol (see import-writer.ts): batches of flat operation arrays on the input port; `end`
 * with commit or rollback and the history entries; the outcome on the result port, and the shared
 * state word set so the main thread can wait for it synchronously. If this thread ends any other
 * way, its parent (the watchdog of import-writer.ts) says so for it.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { Statement } from '../db/sql.js';
import { recordHistory } from '../db/storia.js';
import { openImportConnection, type ImportConnection } from '../db/import-connection.js';
import { prepareImportStatements, type FileInserts, type ImportStatements } from '../db/repositories/import-statements.js';
import { isDatabaseBusy } from '../db/errors.js';
import { errorCode } from '../os-errors.js';
import { DatabaseBusyError, DoteError, InternalError } from '../errors.js';
import { isServerUrl } from '../db/location.js';
import { fromPgError } from '../db/postgres/errors.js';
import { sessionKey } from '../domain/sessione.js';
import { erogazioneUpdate, sameErogazione, sameTimesheet, timesheetUpdate, type ImportUpdate, type RowSource, type StoredErogazione, type StoredTimesheet } from './import-compare.js';
import { EROGAZIONE_TEXT, Op, State, TIMESHEET_TEXT, restore, unpack, type MaybeOutcome, type PackedBatch, type WriterDrain, type WriterEnd, type WriterInit, type WriterOutcome } from './import-writer-protocol.js';

const init = workerData as WriterInit;
const shared = new Int32Array(init.shared);
const resultPort = init.resultPort as MessagePort;
const input = init.input as MessagePort;

function signal(state: number): void {
  Atomics.store(shared, 0, state);
  Atomics.notify(shared, 0);
}

/** A failure as the main thread reports it: a busy database in the user's words there (DatabaseBusyError), anything else as it is. */
function failure(e: unknown): WriterOutcome {
  const mapped = isServerUrl(init.dbPath) ? fromPgError(e, init.dbPath) : e;
  const busy = isDatabaseBusy(e) || mapped instanceof DatabaseBusyError;
  const user = !busy && mapped instanceof DoteError && !(mapped instanceof InternalError) ? { message: mapped.message, hint: mapped.hint } : undefined;
  return { ok: false, error: String((e as Error)?.message ?? e), busy, code: errorCode(e), user };
}

function failAtStart(e: unknown): never {
  resultPort.postMessage(failure(e));
  signal(State.Failed);
  throw e;
}

/**
 * DOTE_TEST_WORKER_FAIL (tests only, like DOTE_TEST_BLOOM_BITS): makes this thread fail at one
 * moment, so that a test sees the main thread stop waiting at once with nothing written.
 * `start` (holding the write lock, before saying so), `batch` (after writing a batch's rows) or
 * `commit` (just before COMMIT, the history written): an exception there, which the thread's own
 * handlers catch. With `:oom` (`batch:oom`…) it exhausts its heap there (made small for it by
 * import-writer.ts): the thread dies with no rollback, no word to the main thread and no
 * JavaScript run after, the hardest way for it to end.
 */
const TEST_FAIL = process.env.DOTE_TEST_WORKER_FAIL ?? '';
function failForTest(moment: 'start' | 'batch' | 'commit'): void {
  const [at, how] = TEST_FAIL.split(':');
  if (at !== moment) return;
  if (moment !== 'start') flushAll(); // rows written in the transaction: there is something to undo
  if (how === 'oom') {
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(100_000).fill(hog.length));
  }
  throw new Error(`errore di prova (DOTE_TEST_WORKER_FAIL=${TEST_FAIL})`);
}

let db: ImportConnection;
try {
  // Its own connection, tuned for one long write transaction, the write lock taken at once.
  db = await openImportConnection(init.dbPath);
  if (TEST_FAIL) failForTest('start');
} catch (e) {
  failAtStart(e);
}

type FileStatements = FileInserts;
const perFile = new Map<number, FileStatements>();
/** The file's id in file_importato (its path is stored once, not on every row). */
const fileIds = new Map<number, number>();
function fileId(fi: number): number {
  let id = fileIds.get(fi);
  if (id === undefined) {
    id = statements.fileId(init.files[fi]!);
    fileIds.set(fi, id);
  }
  return id;
}

function statementsFor(fi: number): FileStatements {
  let s = perFile.get(fi);
  if (!s) {
    s = statements.inserts(fileId(fi), init.now, init.oggi);
    perFile.set(fi, s);
  }
  return s;
}
function flushAll(): void {
  for (const s of perFile.values()) {
    s.erogazione.flush();
    s.timesheet.flush();
  }
}

let statements: ImportStatements, updateErogazione: Statement, updateTimesheet: Statement, findErogazione: Statement, findTimesheet: Statement;
try {
  statements = prepareImportStatements(db.sql);
  ({ updateErogazione, updateTimesheet, findErogazione, findTimesheet } = statements);
} catch (e) {
  db.rollback();
  db.close();
  failAtStart(e);
}
signal(State.Locked);

/** The "maybe" rows: what they turned out to be. */
const maybe: MaybeOutcome = { counts: init.files.map(() => ({ presenti: 0, aggiornate: 0 })), added: [], updates: [] };
const dupHistory: ImportUpdate[] = maybe.updates;

function apply(ops: unknown[]): void {
  let i = 0;
  const n = ops.length;
  // Each batch elides repeated text on its own (import-writer-protocol.ts).
  const prevErogazione: unknown[] = [];
  const prevTimesheet: unknown[] = [];
  while (i < n) {
    const op = ops[i] as number;
    if (op === Op.InsertErogazione || op === Op.MaybeErogazione) restore(ops, i + 1, EROGAZIONE_TEXT, prevErogazione);
    else if (op === Op.InsertTimesheet || op === Op.MaybeTimesheet) restore(ops, i + 1, TIMESHEET_TEXT, prevTimesheet);
    switch (op) {
      case Op.InsertErogazione: {
        // fi, then the 13 values of the insert
        setSessionKey(ops, i + 2);
        statementsFor(ops[i + 1] as number).erogazione.addFrom(ops, i + 2);
        i += 15;
        break;
      }
      case Op.InsertTimesheet: {
        statementsFor(ops[i + 1] as number).timesheet.addFrom(ops, i + 2);
        i += 11;
        break;
      }
      case Op.UpdateErogazione: {
        const v = ops.slice(i + 1, i + 10);
        v[5] = fileId(v[5] as number);
        updateErogazione.run(...v);
        i += 10;
        break;
      }
      case Op.UpdateTimesheet: {
        const v = ops.slice(i + 1, i + 8);
        v[3] = fileId(v[3] as number);
        updateTimesheet.run(...v);
        i += 8;
        break;
      }
      case Op.MaybeErogazione: {
        maybeErogazione(ops, i + 1);
        i += 15;
        break;
      }
      case Op.MaybeTimesheet: {
        maybeTimesheet(ops, i + 1);
        i += 11;
        break;
      }
      default:
        throw new InternalError(`operazione sconosciuta ${String(op)} in posizione ${i}`);
    }
  }
}

/**
 * One collective session: the same professional, service, day and hours, across doti. The values
 * of an erogazione insert from `at` carry the professional's key where the session key goes.
 */
function setSessionKey(ops: unknown[], at: number): void {
  if (!ops[at + 8]) {
    ops[at + 9] = null;
    return;
  }
  const data = ops[at + 2] as string, inizio = ops[at + 3] as number, fine = ops[at + 4] as number, servizio = ops[at + 1] as string, prof = ops[at + 9] as string;
  // A group's rows come one after another: the key of the row before, when it is the same session.
  const l = lastSession;
  if (data !== l.data || inizio !== l.inizio || fine !== l.fine || servizio !== l.servizio || prof !== l.prof) {
    lastSession = { data, inizio, fine, servizio, prof, key: sessionKey(data, inizio, fine, servizio, prof) };
  }
  ops[at + 9] = lastSession.key;
}
let lastSession = { data: '', inizio: -1, fine: -1, servizio: '', prof: '', key: '' };

/** Writes the waiting batches when a row of `table` waiting in one of them matches (a key lookup follows). */
function flushIfWaiting(table: keyof FileStatements, match: (values: readonly unknown[], offset: number) => boolean): void {
  for (const s of perFile.values()) {
    if (s[table].hasPending(match)) {
      flushAll();
      return;
    }
  }
}

/** Values from `at`: fi, dote, servizio, data, inizio, fine, professionista, sede, modalita, collettiva, professional's key, descrizione, registrata_il, riga. */
function maybeErogazione(ops: unknown[], at: number): void {
  const fi = ops[at] as number;
  setSessionKey(ops, at + 1);
  const [doteId, servizio, data, inizio, fine, profId, sedeId, modalita, collettiva, , descrizione, , riga] = ops.slice(at + 1, at + 14) as [
    string, string, string, number, number, number, number | null, string, number, string | null, string | null, string, number,
  ];
  // The table answers for the rows written so far; a row still waiting in a batch is written
  // first only when it has this key (otherwise the batches keep their size).
  flushIfWaiting('erogazione', (v, o) => v[o + 5] === profId && v[o + 2] === data && v[o] === doteId && v[o + 1] === servizio && v[o + 3] === inizio);
  const ex = findErogazione.get<StoredErogazione & RowSource>(profId, data, doteId, servizio, inizio);
  if (!ex) {
    statementsFor(fi).erogazione.addFrom(ops, at + 1);
    maybe.added.push([fi, 'c', doteId, data, Math.max(0, fine - inizio)]);
    return;
  }
  const values = { fine, sedeId, modalita, collettiva, descrizione };
  if (sameErogazione(ex, values)) {
    maybe.counts[fi]!.presenti++;
    return;
  }
  maybe.counts[fi]!.aggiornate++;
  const file = init.files[fi]!;
  updateErogazione.run(fine, sedeId, modalita, collettiva, descrizione, fileId(fi), riga, init.now, ex.id);
  dupHistory.push(erogazioneUpdate(doteId, ex, ex, values, file, riga));
}

/** Values from `at`: fi, professionista, dote, servizio, data, inizio, fine, collettiva, descrizione, riga. */
function maybeTimesheet(ops: unknown[], at: number): void {
  const fi = ops[at] as number;
  const [profId, doteId, servizio, data, inizio, fine, collettiva, descrizione, riga] = ops.slice(at + 1, at + 10) as [
    number, string, string, string, number, number, number, string | null, number,
  ];
  flushIfWaiting('timesheet', (v, o) => v[o] === profId && v[o + 3] === data && v[o + 1] === doteId && v[o + 2] === servizio && v[o + 4] === inizio);
  const ex = findTimesheet.get<StoredTimesheet & RowSource>(profId, doteId, servizio, data, inizio);
  if (!ex) {
    statementsFor(fi).timesheet.addFrom(ops, at + 1);
    maybe.added.push([fi, 't', doteId, data, Math.max(0, fine - inizio)]);
    return;
  }
  const values = { fine, collettiva, descrizione };
  if (sameTimesheet(ex, values)) {
    maybe.counts[fi]!.presenti++;
    return;
  }
  maybe.counts[fi]!.aggiornate++;
  const file = init.files[fi]!;
  updateTimesheet.run(fine, collettiva, descrizione, fileId(fi), riga, init.oggi, ex.id);
  dupHistory.push(timesheetUpdate(doteId, ex, ex, values, file, riga));
}

function failed(e: unknown): void {
  failedAlready = true;
  try {
    db.rollback();
    db.close();
  } catch {
    // the connection is closed with the thread anyway
  }
  resultPort.postMessage(failure(e));
  signal(State.Failed);
}

function drain(): void {
  try {
    flushAll();
  } catch (e) {
    failed(e);
    return;
  }
  resultPort.postMessage({ ok: true, drained: maybe } satisfies WriterOutcome);
  signal(State.Drained);
}

function finish(end: WriterEnd): void {
  try {
    flushAll();
    if (end.commit) {
      // Imported deliveries are EROGATA: their activities start as "erogazione avvia" starts
      // them one at a time; the states come from the recorder (the domain's transition).
      const history = db.sql;
      for (const a of end.activities ?? []) {
        if (statements.startActivity.run(a.a, a.doteId, a.servizio, a.da).changes) {
          recordHistory(history, { doteId: a.doteId, entita: 'attivita', entitaId: a.servizio, azione: 'inizia', operatore: end.operatore, prima: { stato: a.da }, dopo: { stato: a.a, origine: 'importa' } });
        }
      }
      for (const h of end.history) recordHistory(history, h);
      for (const h of dupHistory) recordHistory(history, { ...h, operatore: end.operatore });
      if (TEST_FAIL) failForTest('commit');
      db.commit();
    } else {
      db.rollback();
    }
    db.close();
  } catch (e) {
    failed(e);
    input.close();
    return;
  }
  resultPort.postMessage({ ok: true, committed: end.commit } satisfies WriterOutcome);
  signal(State.Done);
  input.close();
}

let failedAlready = false;
/** The operations of the batch being applied (see `unpack`). */
const batchOps: unknown[] = [];
input.on('message', (m: PackedBatch | WriterDrain | WriterEnd) => {
  if ('values' in m) {
    if (!failedAlready) {
      try {
        apply(unpack(m, batchOps));
        if (TEST_FAIL) failForTest('batch');
      } catch (e) {
        failed(e);
      }
    }
    Atomics.sub(shared, 1, 1);
    Atomics.notify(shared, 1);
    return;
  }
  if (failedAlready) input.close();
  else if ('drain' in m) drain();
  else finish(m);
});
