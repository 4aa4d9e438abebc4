/** Messages between `dote importa`'s main thread and its writer thread (import-writer*.ts). */
import type { HistoryEntry } from '../db/storia.js';
import type { ImportUpdate } from './import-compare.js';

/** Operation codes of the flat operation arrays; each is followed by a fixed number of values. */
export const Op = {
  /** fi, then dote, servizio, data, inizio, fine, professionista, sede, modalita, collettiva, professional's key (for the session key), descrizione, registrata_il, riga */
  InsertErogazione: 1,
  /** fi, then professionista, dote, servizio, data, inizio, fine, collettiva, descrizione, riga */
  InsertTimesheet: 2,
  /** fine, sede, modalita, collettiva, descrizione, fi (the file's index), riga, aggiornata_il, id */
  UpdateErogazione: 3,
  /** fine, collettiva, descrizione, fi (the file's index), riga, importata_il, id */
  UpdateTimesheet: 4,
  /**
   * A row whose key an earlier row of this call may have added (the main thread's Bloom filter
   * said "maybe"), same values as the inserts: the writer looks; if the row is there it compares
   * and updates, otherwise it inserts and reports the row as new.
   */
  MaybeErogazione: 5,
  MaybeTimesheet: 6,
} as const;

/**
 * Repeated text is not sent again. In insert and "maybe" operations these columns (positions
 * after the operation code) hold SAME when their value is the one of the same column in the
 * operation of the same kind before it, in the same batch: a group session's rows repeat the
 * service, date, modalità, description; a dote's rows repeat the dote. Copying a message to the
 * other thread costs about as much per string as the writing itself (800 ns a row with every
 * string sent, 300 with the repeats elided).
 */
export const SAME = 0;
/** fi, dote, servizio, data, …, modalita (8), professional's key (10), descrizione, registrata_il */
export const EROGAZIONE_TEXT = [1, 2, 3, 8, 10, 11, 12] as const;
/** fi, professionista, dote, servizio, data, …, descrizione (8) */
export const TIMESHEET_TEXT = [2, 3, 4, 8] as const;

/** Writer: puts the repeated values back (the inverse of `BatchBuilder.text`, with its own `prev`). */
export function restore(ops: unknown[], at: number, cols: readonly number[], prev: unknown[]): void {
  for (let k = 0; k < cols.length; k++) {
    const j = at + cols[k]!;
    const v = ops[j];
    if (v === SAME) ops[j] = prev[k];
    else prev[k] = v;
  }
}

/**
 * A batch as it crosses to the writer thread: the operation array's numbers in a transferred
 * buffer (moved, not copied) and its strings joined into one text, so the structured clone copies
 * one buffer reference and one string instead of thousands of tagged values (for 2,000,000 rows
 * the copy of the plain array cost about 1 s on each side). Per value, a kind byte (`Kind`) and
 * a float: the number, or the length of the string in `text`. Values of any other type (none is
 * sent today) travel as they are in `other`, in order.
 */
export interface PackedBatch {
  /** The floats, then from `kindsAt` the kind bytes; n of each are used. */
  values: ArrayBuffer;
  n: number;
  kindsAt: number;
  text: string;
  other: unknown[] | null;
}

const Kind = { Number: 0, String: 1, Null: 2, Other: 3 } as const;

/**
 * Main thread: builds a batch straight into the buffer that will be posted (no operation array in
 * between). `value` appends any value; `text` appends the value of column `k` of the operation's
 * text columns (`EROGAZIONE_TEXT`, `TIMESHEET_TEXT`, in their order), as SAME when it repeats the
 * value in `prev` (the previous operation of the same kind in this batch).
 */
export class BatchBuilder {
  private nums!: Float64Array;
  private kinds!: Uint8Array;
  private strings: string[] = [];
  private other: unknown[] | null = null;
  /** Values in the batch. */
  n = 0;

  /** `capacity`: the values a batch can hold (the caller takes it before it is full). */
  constructor(private readonly capacity: number) {
    this.reset();
  }

  private reset(): void {
    const values = new ArrayBuffer(this.capacity * 9);
    this.nums = new Float64Array(values, 0, this.capacity);
    this.kinds = new Uint8Array(values, this.capacity * 8, this.capacity);
    this.strings = [];
    this.other = null;
    this.n = 0;
  }

  value(v: unknown): void {
    const i = this.n++;
    if (typeof v === 'number') {
      this.nums[i] = v; // kind 0 (Number): the buffer starts zeroed
    } else if (typeof v === 'string') {
      this.kinds[i] = Kind.String;
      this.nums[i] = v.length;
      this.strings.push(v);
    } else if (v === null) {
      this.kinds[i] = Kind.Null;
    } else {
      this.kinds[i] = Kind.Other;
      (this.other ??= []).push(v);
    }
  }

  text(v: unknown, prev: unknown[], k: number): void {
    if (v === prev[k]) {
      this.n++; // SAME: 0, a number (kind 0)
    } else {
      prev[k] = v;
      this.value(v);
    }
  }

  /** The batch to post (with `values` in the transfer list); the builder starts a new one. */
  take(): PackedBatch {
    const batch: PackedBatch = { values: this.nums.buffer as ArrayBuffer, n: this.n, kindsAt: this.capacity * 8, text: this.strings.join(''), other: this.other };
    this.reset();
    return batch;
  }
}

/**
 * Writer: the operation array of a packed batch, value for value, in `ops` (its length set to the
 * batch's). One array for every batch: at 65,536 values it is a large object, which only a full
 * collection would free.
 */
export function unpack(b: PackedBatch, ops: unknown[]): unknown[] {
  const { n, text } = b;
  const nums = new Float64Array(b.values, 0, n);
  const kinds = new Uint8Array(b.values, b.kindsAt, n);
  ops.length = n;
  let at = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    switch (kinds[i]) {
      case Kind.Number:
        ops[i] = nums[i];
        break;
      case Kind.String: {
        const end = at + nums[i]!;
        ops[i] = text.slice(at, end);
        at = end;
        break;
      }
      case Kind.Null:
        ops[i] = null;
        break;
      default:
        ops[i] = b.other![o++];
    }
  }
  return ops;
}

/** Word 0 of the shared buffer. Word 1 counts the batches posted and not yet applied. */
export const State = { Starting: 0, Locked: 1, Drained: 2, Done: 3, Failed: 4 } as const;

export interface WriterInit {
  dbPath: string;
  files: string[];
  /** Timestamp of creation of the rows. */
  now: string;
  /** --oggi: importata_il of timesheet rows. */
  oggi: string;
  shared: SharedArrayBuffer;
  /** Batches, then the drain and the end (a MessagePort). */
  input: unknown;
  /** Where the writer posts its outcomes (a MessagePort). */
  resultPort: unknown;
}

/** After the last operation: write what is pending and report the "maybe" rows. */
export interface WriterDrain {
  drain: true;
}

/** Then: commit (with the history entries) or roll back. */
export interface WriterEnd {
  commit: boolean;
  operatore: string;
  history: HistoryEntry[];
  /**
   * Job Coach activities whose state changes because they got (EROGATA) deliveries, from and to
   * the states the domain gives (domain/erogazione-state.ts attivitaDopoAvvio), each with a
   * history entry.
   */
  activities?: { doteId: string; servizio: string; da: string; a: string }[];
}

/** What became of the "maybe" rows: counts per file, and the ones that were new after all. */
export interface MaybeOutcome {
  counts: { presenti: number; aggiornate: number }[];
  /** fi, kind ('c' calendar, 't' timesheet), dote, data, minutes: for the counts and history. */
  added: [number, 'c' | 't', string, string, number][];
  /** The updates of rows this call wrote first, for the main thread to list (the writer records their history). */
  updates: ImportUpdate[];
}

/** A failure says whether it was a busy database (the user's to retry), its system or SQLite code (a full disk…: said in Italian), or anything else (a bug). */
export type WriterOutcome =
  | { ok: true; drained: MaybeOutcome }
  | { ok: true; committed: boolean }
  /** `user`: a failure the user can act on, already in their words (the server unreachable, a refused login). */
  | { ok: false; error: string; busy?: boolean; code?: string; user?: { message: string; hint?: string } };
