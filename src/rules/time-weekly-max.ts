import type { Rule } from './types.js';
import { formatDateIt, isoFromDay, isoWeekStart } from '../domain/dates.js';
import { hoursMinutes, hoursWord } from './delivery-keys.js';
import { personHoursCap } from './person-hours-cap.js';

/**
 * time/weekly-max: a person's hours in one ISO week (Monday to Sunday) over the cap. Job Coach
 * manual, 3.2: "il relativo orario settimanale non potrà superare le 40 ore". Exactly the cap is
 * allowed; the row that crosses it is reported, once per person and week.
 */
export const timeWeeklyMax: Rule = personHoursCap({
  id: 'time/weekly-max',
  defaultOre: 40,
  periodStart: isoWeekStart,
  periodDays: 7,
  message: (_r, total, cap, person, monday) =>
    `${hoursMinutes(total)} ore nella settimana dal ${formatDateIt(isoFromDay(monday))} al ${formatDateIt(isoFromDay(monday + 6))} ` +
    `per ${person}, oltre il massimo di ${hoursWord(cap)} a settimana`,
});
