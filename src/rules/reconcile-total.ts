import { hoursMinutes } from './delivery-keys.js';

/**
 * reconcile/total: per professional, PIP (dote) and service, the calendar's and the timesheet's
 * total hours differ (Cremona: "calendario e timesheet devono riconciliarsi nel totale delle ore"
 * when a professional works on several PIPs). Reported once per group, on the group's last
 * timesheet row (the professional's own record), or on its last calendar row when the timesheet
 * has no row for that dote and service.
 */
export const reconcileTotal = {
  id: 'reconcile/total',
  message(k: { professionista: string; doteId: string; servizio: string; calendario: number; timesheet: number }): string {
    return `${k.professionista}, dote ${k.doteId}, ${k.servizio}: ${hoursMinutes(k.calendario)} ore nel calendario e ${hoursMinutes(k.timesheet)} nel timesheet`;
  },
} as const;
