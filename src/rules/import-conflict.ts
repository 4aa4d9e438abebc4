import { formatDateIt, formatTime } from '../domain/dates.js';
import { finding, type Finding } from './types.js';
import { STATI_EROGABILI } from '../domain/dote-stati.js';

const ID = 'import/conflict';

/** What the lock needs to know of a dote (and of the activity, for Job Coach). */
export interface LockFacts {
  doteId: string;
  /** The dote's state. */
  stato: string;
  /** Whether the dote is in a liquidation request. */
  inLiquidazione: boolean;
  servizio: string;
  /** The state of the dote's activity for the service (Job Coach), if it has one. */
  attivita?: string;
}


/**
 * import/conflict: what the database cannot take, whatever the path (a CSV row through
 * `verifica`/`importa`, or `erogazione aggiungi|modifica|programma|avvia|concludi|annulla|…`):
 * - a dote that is not active (CONCLUSA, PROPOSTA, RIFIUTATA, CANCELLATA) takes no deliveries nor
 *   timesheet hours;
 * - a dote in a liquidation request takes no new or changed delivery or timesheet row (Cremona,
 *   "Calendario, timesheet e registri": entries of services already in a liquidation request
 *   cannot be changed; our reading: the request is for the whole PIP, so nothing of the dote);
 * - a Job Coach activity already TERMINATA takes nothing ("nessuna operazione potrà più essere
 *   effettuata", manual 3.3).
 * A CSV row identical to what the database holds is not a conflict: it is "already present".
 */
const messages = {
    doteState: (d: { doteId: string; stato: string }) =>
      `la dote ${d.doteId} è nello stato ${d.stato}: non si registrano erogazioni né ore (solo ${STATI_EROGABILI.join(' o ')})`,
    doteLocked: (d: { doteId: string }) =>
      `la dote ${d.doteId} è già in una richiesta di liquidazione: le sue erogazioni e le sue ore non si possono più aggiungere né cambiare`,
    activityDone: (d: { doteId: string; servizio: string }) =>
      `l'attività ${d.servizio} della dote ${d.doteId} è TERMINATA: non si aggiungono né cambiano erogazioni`,
    timesheetLocked: (d: { doteId: string; data: string; inizio: number; what: string }) =>
      `la riga di timesheet del ${formatDateIt(d.data)} alle ${formatTime(d.inizio)} è della dote ${d.doteId}, già in una richiesta di liquidazione: non si può cambiare (${d.what})`,
    /** A second liquidation request for the same PIP (`liquidazione verifica|prepara`). */
    giaRichiesta: (d: { doteId: string; data: string }) =>
      `la dote ${d.doteId} ha già una richiesta di liquidazione, del ${formatDateIt(d.data)}: una sola richiesta per PIP`,
    locked: (d: { erogazioneId: number; data: string; inizio: number; what: string }) =>
      `l'erogazione ${d.erogazioneId} del ${formatDateIt(d.data)} alle ${formatTime(d.inizio)} è già in una richiesta di liquidazione e non si può cambiare (${d.what})`,
};

export const importConflict = {
  id: ID,
  messages,
  /**
   * The one check: the first reason why a delivery or a timesheet row of this dote and service
   * cannot be added or changed, or null. Steps that do not record hours on the dote (concluding a
   * delivery already started, annulling a draft, closing negatively) ask with `doteState: false`:
   * the dote's state does not stop them, the lock and a TERMINATA activity do. `activity: false`
   * asks for the lock alone.
   */
  check(f: LockFacts, opts: { doteState?: boolean; activity?: boolean } = {}): Finding | null {
    if (f.inLiquidazione) return finding(importConflict, 'error', { messageId: 'doteLocked', data: { doteId: f.doteId } }, { column: 'id_dote' });
    if (opts.doteState !== false && !STATI_EROGABILI.includes(f.stato)) {
      return finding(importConflict, 'error', { messageId: 'doteState', data: { doteId: f.doteId, stato: f.stato } }, { column: 'id_dote' });
    }
    if (opts.activity !== false && f.attivita === 'TERMINATA') {
      return finding(importConflict, 'error', { messageId: 'activityDone', data: { doteId: f.doteId, servizio: f.servizio } }, { column: 'servizio' });
    }
    return null;
  },
};
