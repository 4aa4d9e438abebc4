/**
 * The audit trail: every change to a dote, its PIP, its activities and its deliveries is kept
 * with when (real clock), who (--operatore or the OS user), what, before and after (issue 3).
 * Call it inside the same transaction as the change.
 */
import type { Statement } from 'better-sqlite3';
import { cachedStatement, type Db } from './connection.js';

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

/** The INSERT, prepared once per connection (a change can write many entries). */
const inserts = new WeakMap<Db, Statement<[HistoryParams]>>();

function insertFor(db: Db): Statement<[HistoryParams]> {
  let stmt = inserts.get(db);
  if (!stmt) {
    stmt = db.prepare<[HistoryParams]>(
      `INSERT INTO storia (dote_id, entita, entita_id, azione, operatore, quando, prima, dopo)
       VALUES (@doteId, @entita, @entitaId, @azione, @operatore, @quando, @prima, @dopo)`,
    );
    inserts.set(db, stmt);
  }
  return stmt;
}

export function recordHistory(db: Db, e: HistoryEntry, now: Date = new Date()): void {
  insertFor(db).run({
    doteId: e.doteId,
    entita: e.entita,
    entitaId: String(e.entitaId),
    azione: e.azione,
    operatore: e.operatore,
    quando: now.toISOString(),
    prima: e.prima === undefined ? null : JSON.stringify(e.prima),
    dopo: e.dopo === undefined ? null : JSON.stringify(e.dopo),
  });
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

export function historyOf(db: Db, doteId: string): HistoryRow[] {
  return cachedStatement(db, 'SELECT * FROM storia WHERE dote_id = ? ORDER BY id').all(doteId) as HistoryRow[];
}
