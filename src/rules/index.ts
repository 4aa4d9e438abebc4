/**
 * The registry of rule implementations, explicit and sorted by id (no directory scanning at run
 * time). Rule ids and titles are in ./catalog.ts; a catalogue id missing here is "non ancora attiva".
 * Delivery rules (scope `erogazione`) run through ./engine.ts for both CSV rows and delivery entry.
 */
import type { Rule } from './types.js';
import { calendarHoliday } from './calendar-holiday.js';
import { calendarLateEntry } from './calendar-late-entry.js';
import { calendarOutsideDote } from './calendar-outside-dote.js';
import { hoursServiceCap } from './hours-service-cap.js';
import { serviceMode } from './service-mode.js';
import { serviceNotInDote } from './service-not-in-dote.js';
import { serviceRepeat } from './service-repeat.js';
import { timeDailyMax } from './time-daily-max.js';
import { timeOrder } from './time-order.js';
import { timeWeeklyMax } from './time-weekly-max.js';
import { timeWeeklyServiceMax } from './time-weekly-service-max.js';
import { timeWindow } from './time-window.js';
import { timesheetOneProfessional } from './timesheet-one-professional.js';
import { timesheetOrder } from './timesheet-order.js';
import { timesheetOverlap } from './timesheet-overlap.js';

export const DELIVERY_RULES: readonly Rule[] = [
  calendarHoliday,
  calendarLateEntry,
  calendarOutsideDote,
  hoursServiceCap,
  serviceMode,
  serviceNotInDote,
  serviceRepeat,
  timeDailyMax,
  timeOrder,
  timeWeeklyMax,
  timeWeeklyServiceMax,
  timeWindow,
  timesheetOneProfessional,
  timesheetOrder,
  timesheetOverlap,
];

/**
 * Rule ids implemented outside the delivery engine (CSV parsing, header and field checks, dote
 * and liquidation checks), each in its own module that the owning code calls.
 */
export const OTHER_IMPLEMENTED_RULES: readonly string[] = [
  // The CSV reader and the batch checker (src/csv/, src/check/batch.ts, src/check/reconcile.ts).
  'csv/blank-row',
  'csv/columns',
  'csv/encoding',
  'csv/header',
  'csv/syntax',
  'dote/deadline',
  'dote/eligibility',
  'dote/one-active',
  'field/codice-fiscale',
  'field/date',
  'field/hours',
  'field/required',
  'field/time',
  'field/value',
  'import/conflict',
  'reconcile/missing-calendar',
  'reconcile/missing-timesheet',
  'reconcile/total',
];

export function implementedRuleIds(): Set<string> {
  return new Set([...DELIVERY_RULES.map((r) => r.id), ...OTHER_IMPLEMENTED_RULES]);
}
