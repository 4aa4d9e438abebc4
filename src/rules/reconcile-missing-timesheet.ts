import { formatDateIt, formatTime } from '../domain/dates.js';

/**
 * reconcile/missing-timesheet: a calendar delivery with no matching row in its professional's
 * timesheet. Cremona, "Calendario, timesheet e registri": calendar and timesheet must reconcile
 * and say which activity each hour belongs to. A row matches a row of the other kind with the
 * same dote, service, date, start, end and professional (src/check/reconcile.ts). Only the
 * professionals whose timesheets are in the call are reconciled (cli.md).
 */
export const reconcileMissingTimesheet = {
  id: 'reconcile/missing-timesheet',
  message(k: { professionista: string; doteId: string; servizio: string; data: string; inizio: number; fine: number }): string {
    return `nessuna riga nel timesheet di ${k.professionista} per ${k.servizio} della dote ${k.doteId} il ${formatDateIt(k.data)} dalle ${formatTime(k.inizio)} alle ${formatTime(k.fine)}`;
  },
} as const;
