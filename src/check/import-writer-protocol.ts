/** Messages between `dote importa`'s main thread and its writer thread (import-writer*.ts). */
import type { HistoryEntry } from '../db/storia.js';

/** Operation codes of the flat operation arrays; each is followed by a fixed number of values. */
export const Op = {
  /** fi, then dote, servizio, data, inizio, fine, professionista, sede, modalita, collettiva, professional's key (for the session key), descrizione, registrata_il, riga */
  InsertErogazione: 1,
  /** fi, then professionista, dote, servizio, data, inizio, fine, collettiva, descrizione, riga */
  InsertTimesheet: 2,
  /** fine, sede, modalita, collettiva, descrizione, file, riga, aggiornata_il, id */
  UpdateErogazione: 3,
  /** fine, collettiva, descrizione, file, riga, importata_il, id */
  UpdateTimesheet: 4,
  /**
   * A row whose key an earlier row of this call may have added (the main thread's Bloom filter
   * said "maybe"), same values as the inserts: the writer looks; if the row is there it compares
   * and updates, otherwise it inserts and reports the row as new.
   */
  MaybeErogazione: 5,
  MaybeTimesheet: 6,
} as const;

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
  /** Job Coach activities that got deliveries: PROPOSTA → INIZIATA (each with a history entry). */
  activities?: { doteId: string; servizio: string }[];
}

/** What became of the "maybe" rows: counts per file, and the ones that were new after all. */
export interface MaybeOutcome {
  counts: { presenti: number; aggiornate: number }[];
  /** fi, kind ('c' calendar, 't' timesheet), dote, data, minutes: for the counts and history. */
  added: [number, 'c' | 't', string, string, number][];
}

export type WriterOutcome = { ok: true; drained: MaybeOutcome } | { ok: true; committed: boolean } | { ok: false; error: string };
