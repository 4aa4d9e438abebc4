import { formatDateIt, formatTime } from '../domain/dates.js';

/**
 * reconcile/missing-calendar: timesheet hours with no matching calendar delivery (same dote,
 * service, date, start, end and professional, or a chain of contiguous calendar rows covering the
 * timesheet row exactly, or the calendar row this row is part of; src/check/reconcile.ts). Checked
 * only when the call has calendar files: a timesheet checked alone has nothing to be reconciled
 * with; without a database, not for a professional named in no calendar row (skipped, with why).
 */
export const reconcileMissingCalendar = {
  id: 'reconcile/missing-calendar',
  messages: {
    nessunaErogazione: (k: { professionista: string; doteId: string; servizio: string; data: string; inizio: number; fine: number }) =>
      `nessuna erogazione nel calendario per ${k.servizio} della dote ${k.doteId} il ${formatDateIt(k.data)} dalle ${formatTime(k.inizio)} alle ${formatTime(k.fine)} (${k.professionista})`,
  },
  /**
   * A row the matching (src/check/reconcile.ts, shared by both reconcile/missing-* rules) left
   * without a counterpart.
   */
  check(k: { professionista: string; doteId: string; servizio: string; data: string; inizio: number; fine: number }) {
    return { messageId: 'nessunaErogazione', data: k } as const;
  },
} as const;
