/**
 * The audit trail: every change to a dote, its PIP, its activities and its deliveries is kept
 * with when (real clock), who (--operatore or the OS user), what, before and after (issue 3).
 * Call it inside the same transaction as the change.
 */
import type { Sql } from './sql.js';

/**
 * The `dote_id` of the registry's entries (ente, sedi, professionals, people): they belong to no
 * dote, and the column, not null since 001, says so with the empty string (no migration).
 */
export const ANAGRAFICA = '';

export interface HistoryEntry {
  /** The dote, or ANAGRAFICA for a change of the registry. */
  doteId: string;
  entita: 'dote' | 'pip' | 'attivita' | 'erogazione' | 'timesheet' | 'contratto' | 'impresa' | 'output' | 'liquidazione' | 'ente' | 'sede' | 'professionista' | 'destinatario' | 'misura';
  entitaId: string | number;
  azione: string;
  operatore: string;
  prima?: unknown;
  dopo?: unknown;
}

interface HistoryParams {
  doteId: string;
  entita: string;
  entitaId: string;
  azione: string;
  operatore: string;
  quando: string;
  prima: string | null;
  dopo: string | null;
}

const INSERT = `INSERT INTO storia (dote_id, entita, entita_id, azione, operatore, quando, prima, dopo)
  VALUES (@doteId, @entita, @entitaId, @azione, @operatore, @quando, @prima, @dopo)`;

export function recordHistory(db: Sql, e: HistoryEntry, now: Date = new Date()): void {
  const params: HistoryParams = {
    doteId: e.doteId,
    entita: e.entita,
    entitaId: String(e.entitaId),
    azione: e.azione,
    operatore: e.operatore,
    quando: now.toISOString(),
    prima: e.prima === undefined ? null : JSON.stringify(e.prima),
    dopo: e.dopo === undefined ? null : JSON.stringify(e.dopo),
  };
  db.prepare(INSERT).run(params);
}

export interface HistoryRow {
  id: number;
  dote_id: string;
  entita: string;
  entita_id: string;
  azione: string;
  operatore: string;
  quando: string;
  prima: string | null;
  dopo: string | null;
}

export function historyOf(db: Sql, doteId: string): HistoryRow[] {
  return db.prepare('SELECT * FROM storia WHERE dote_id = ? ORDER BY id').all<HistoryRow>(doteId);
}
