/** Messages between `dote importa`'s main thread and its writer thread (import-writer*.ts). */
import type { HistoryEntry } from '../db/storia.js';

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

/** Main thread: replaces the repeated values of the operation whose values start at `at`. */
export function elide(ops: unknown[], at: number, cols: readonly number[], prev: unknown[]): void {
  for (let k = 0; k < cols.length; k++) {
    const j = at + cols[k]!;
    const v = ops[j];
    if (v === prev[k]) ops[j] = SAME;
    else prev[k] = v;
  }
}

/** Writer: puts the repeated values back (the inverse of `elide`, with its own `prev`). */
export function restore(ops: unknown[], at: number, cols: readonly number[], prev: unknown[]): void {
  for (let k = 0; k < cols.length; k++) {
    const j = at + cols[k]!;
    const v = ops[j];
    if (v === SAME) ops[j] = prev[k];
    else prev[k] = v;
  }
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
}

/** A failure says whether it was a busy database (the user's to retry) or anything else (a bug). */
export type WriterOutcome = { ok: true; drained: MaybeOutcome } | { ok: true; committed: boolean } | { ok: false; error: string; busy?: boolean };
