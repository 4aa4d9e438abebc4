import { formatDateIt, formatTime } from '../domain/dates.js';

/**
 * import/conflict: a row the database cannot take. A delivery already in a liquidation request
 * cannot be changed (Cremona, "Calendario, timesheet e registri": entries of services already in
 * a liquidation request cannot be changed), and a dote that is not active (CONCLUSA, PROPOSTA,
 * RIFIUTATA, CANCELLATA) takes no deliveries, nor does a Job Coach activity already TERMINATA
 * ("nessuna operazione potrà più essere effettuata", manual 3.3). A row identical to what the database holds is not a
 * conflict: it is "already present". Checked by importa and by verifica with a database.
 */
export const importConflict = {
  id: 'import/conflict',
  doteState(doteId: string, stato: string): string {
    return `la dote ${doteId} è nello stato ${stato}: non si registrano erogazioni né ore (solo ATTIVA o AMMESSO AL SERVIZIO)`;
  },
  activityDone(doteId: string, servizio: string): string {
    return `l'attività ${servizio} della dote ${doteId} è TERMINATA: non si aggiungono né cambiano erogazioni`;
  },
  timesheetLocked(doteId: string, data: string, inizio: number, what: string): string {
    return `la riga di timesheet del ${formatDateIt(data)} alle ${formatTime(inizio)} è della dote ${doteId}, già in una richiesta di liquidazione: non si può cambiare (${what})`;
  },
  locked(erogazioneId: number, data: string, inizio: number, what: string): string {
    return `l'erogazione ${erogazioneId} del ${formatDateIt(data)} alle ${formatTime(inizio)} è già in una richiesta di liquidazione e non si può cambiare (${what})`;
  },
} as const;
