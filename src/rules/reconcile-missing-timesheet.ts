import { formatDateIt, formatTime } from '../domain/dates.js';

/**
 * reconcile/missing-timesheet: a calendar delivery with no matching row in its professional's
 * timesheet. Cremona, "Calendario, timesheet e registri": calendar and timesheet must reconcile
 * and say which activity each hour belongs to. A row matches a row of the other kind with the
 * same dote, service, date, start, end and professional; what is left matches a chain of
 * contiguous rows of the other kind that covers it exactly (9-11 against 9-10 and 10-11), or is
 * part of such a chain (src/check/reconcile.ts). Only the professionals whose timesheets are in
 * the call are reconciled (docs/comandi.md), and, without a database, only those named in a calendar row.
 */
export const reconcileMissingTimesheet = {
  id: 'reconcile/missing-timesheet',
  messages: {
    nessunaRiga: (k: { professionista: string; doteId: string; servizio: string; data: string; inizio: number; fine: number }) =>
      `nessuna riga nel timesheet di ${k.professionista} per ${k.servizio} della dote ${k.doteId} il ${formatDateIt(k.data)} dalle ${formatTime(k.inizio)} alle ${formatTime(k.fine)}`,
  },
  /**
   * A row the matching (src/check/reconcile.ts, shared by both reconcile/missing-* rules) left
   * without a counterpart.
   */
  check(k: { professionista: string; doteId: string; servizio: string; data: string; inizio: number; fine: number }) {
    return { messageId: 'nessunaRiga', data: k } as const;
  },
} as const;
