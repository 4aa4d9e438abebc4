import { formatDateIt, formatTime } from '../domain/dates.js';

/**
 * reconcile/missing-calendar: timesheet hours with no matching calendar delivery (same dote,
 * service, date, start, end and professional; src/check/reconcile.ts). Checked only when the
 * call has calendar files: a timesheet checked alone has nothing to be reconciled with.
 */
export const reconcileMissingCalendar = {
  id: 'reconcile/missing-calendar',
  message(k: { professionista: string; doteId: string; servizio: string; data: string; inizio: number; fine: number }): string {
    return `nessuna erogazione nel calendario per ${k.servizio} della dote ${k.doteId} il ${formatDateIt(k.data)} dalle ${formatTime(k.inizio)} alle ${formatTime(k.fine)} (${k.professionista})`;
  },
} as const;
