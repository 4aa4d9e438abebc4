/**
 * The registry of rule implementations, explicit and sorted by id (no directory scanning at run
 * time). Rule ids and titles are in ./catalog.ts; a catalogue id missing here is "non ancora attiva".
 * Delivery rules (scope `erogazione`) run through ./engine.ts for both CSV rows and delivery entry.
 */
import type { Rule, RuleMeta } from './types.js';
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

import { csvBlankRow } from './csv-blank-row.js';
import { csvColumns } from './csv-columns.js';
import { csvEncoding } from './csv-encoding.js';
import { csvHeader } from './csv-header.js';
import { csvSyntax } from './csv-syntax.js';
import { doteDeadline } from './dote-deadline.js';
import { doteEligibility } from './dote-eligibility.js';
import { doteOneActive } from './dote-one-active.js';
import { fieldCodiceFiscale } from './field-codice-fiscale.js';
import { fieldDate } from './field-date.js';
import { fieldHours } from './field-hours.js';
import { fieldRequired } from './field-required.js';
import { fieldText } from './field-text.js';
import { fieldTime } from './field-time.js';
import { fieldValue } from './field-value.js';
import { importConflict } from './import-conflict.js';
import { liquidazioneIncomplete } from './liquidazione-incomplete.js';
import { liquidazioneResult180 } from './liquidazione-result-180.js';
import { reconcileMissingCalendar } from './reconcile-missing-calendar.js';
import { reconcileMissingTimesheet } from './reconcile-missing-timesheet.js';
import { reconcileTotal } from './reconcile-total.js';

/**
 * The other rule modules: their checks run outside the delivery engine, called by the code that
 * owns the values (the CSV reader and batch checker for csv/* and field/*, the reconciliation for
 * reconcile/*, the import and delivery entry for import/conflict, doti for dote/*). Each module
 * holds the rule's id and messages, and its check where it takes plain values.
 */
export const OTHER_RULES: readonly RuleMeta[] = [
  csvBlankRow,
  csvColumns,
  csvEncoding,
  csvHeader,
  csvSyntax,
  doteDeadline,
  doteEligibility,
  doteOneActive,
  fieldCodiceFiscale,
  fieldDate,
  fieldHours,
  fieldRequired,
  fieldText,
  fieldTime,
  fieldValue,
  importConflict,
  liquidazioneIncomplete,
  liquidazioneResult180,
  reconcileMissingCalendar,
  reconcileMissingTimesheet,
  reconcileTotal,
];

/** Every rule module, sorted by id. */
export const ALL_RULES: readonly RuleMeta[] = [...DELIVERY_RULES, ...OTHER_RULES].sort((a, b) => (a.id < b.id ? -1 : 1));

export function implementedRuleIds(): Set<string> {
  return new Set(ALL_RULES.map((r) => r.id));
}
