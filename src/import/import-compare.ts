/**
 * What `importa` compares when a row's key is already in the database, and the history entry of
 * an update: one definition for the main thread (rows that were there before the import) and
 * the writer thread (a key written twice in one call).
 */
import type { HistoryEntry } from '../db/storia.js';
import { formatTime } from '../domain/dates.js';
import type { RowSource, StoredErogazione, StoredTimesheet } from '../db/batch-context.js';

export type { RowSource, StoredErogazione, StoredTimesheet };

/** The values a calendar row brings for an erogazione; null = the file does not say. */
export interface ErogazioneValues {
  fine: number;
  sedeId: number | null;
  modalita: string;
  collettiva: number;
  descrizione: string | null;
}

export interface TimesheetValues {
  fine: number;
  collettiva: number;
  descrizione: string | null;
}

export type ImportUpdate = Omit<HistoryEntry, 'operatore'>;

/** Same delivery: what the file does not say (sede, descrizione) does not count as a difference. */
export function sameErogazione(ex: StoredErogazione, v: ErogazioneValues): boolean {
  return (
    ex.fine === v.fine &&
    ex.modalita === v.modalita &&
    ex.collettiva === v.collettiva &&
    (v.sedeId === null || v.sedeId === ex.sede_id) &&
    (v.descrizione === null || v.descrizione === ex.descrizione)
  );
}

export function sameTimesheet(ex: StoredTimesheet, v: TimesheetValues): boolean {
  return ex.fine === v.fine && ex.collettiva === v.collettiva && (v.descrizione === null || v.descrizione === ex.descrizione);
}

/**
 * The history entry of an update: before and after hold the same fields, the row's source
 * (file and line) included, so that `dote storia` shows where the old values came from (issue 13).
 */
export function erogazioneUpdate(doteId: string, ex: StoredErogazione, from: RowSource, v: ErogazioneValues, file: string, riga: number): ImportUpdate {
  return {
    doteId,
    entita: 'erogazione',
    entitaId: ex.id,
    azione: 'modificata da importa',
    prima: { fine: formatTime(ex.fine), sede_id: ex.sede_id, modalita: ex.modalita, collettiva: ex.collettiva, descrizione: ex.descrizione, file: from.file, riga: from.riga },
    dopo: { fine: formatTime(v.fine), sede_id: v.sedeId ?? ex.sede_id, modalita: v.modalita, collettiva: v.collettiva, descrizione: v.descrizione ?? ex.descrizione, file, riga },
  };
}

export function timesheetUpdate(doteId: string, ex: StoredTimesheet, from: RowSource, v: TimesheetValues, file: string, riga: number): ImportUpdate {
  return {
    doteId,
    entita: 'timesheet',
    entitaId: ex.id,
    azione: 'modificata da importa',
    prima: { fine: formatTime(ex.fine), collettiva: ex.collettiva, descrizione: ex.descrizione, file: from.file, riga: from.riga },
    dopo: { fine: formatTime(v.fine), collettiva: v.collettiva, descrizione: v.descrizione ?? ex.descrizione, file, riga },
  };
}

/** One field that an update changes, where the file says so: what `importa` lists (issue 13). */
export interface ImportChange {
  file: string;
  riga: number;
  doteId: string;
  entita: ImportUpdate['entita'];
  entitaId: ImportUpdate['entitaId'];
  campo: string;
  prima: unknown;
  dopo: unknown;
}

/** The fields an update changes (its source, file and line, aside: every update changes that). */
export function changesOf(u: ImportUpdate): ImportChange[] {
  const a = u.prima as Record<string, unknown>;
  const b = u.dopo as Record<string, unknown>;
  const out: ImportChange[] = [];
  for (const campo of Object.keys(b)) {
    if (campo === 'file' || campo === 'riga' || a[campo] === b[campo]) continue;
    out.push({ file: b.file as string, riga: b.riga as number, doteId: u.doteId, entita: u.entita, entitaId: u.entitaId, campo, prima: a[campo], dopo: b[campo] });
  }
  return out;
}
