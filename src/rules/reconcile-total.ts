import { formatDurata } from '../domain/money.js';

/**
 * reconcile/total: per professional, PIP (dote) and service, the calendar's and the timesheet's
 * total hours differ (Cremona: "calendario e timesheet devono riconciliarsi nel totale delle ore"
 * when a professional works on several PIPs). Reported once per group, on the group's last
 * timesheet row (the professional's own record), or on its last calendar row when the timesheet
 * has no row for that dote and service.
 */
export const reconcileTotal = {
  id: 'reconcile/total',
  messages: {
    totaliDiversi: (k: { professionista: string; doteId: string; servizio: string; calendario: number; timesheet: number }) =>
      `${k.professionista}, dote ${k.doteId}, ${k.servizio}: ${formatDurata(k.calendario)} nel calendario e ${formatDurata(k.timesheet)} nel timesheet`,
  },
  /** A professional's hours of one dote and service, in the calendar and in the timesheet. */
  check(k: { professionista: string; doteId: string; servizio: string; calendario: number; timesheet: number }) {
    return k.calendario === k.timesheet ? null : ({ messageId: 'totaliDiversi', data: k } as const);
  },
} as const;
