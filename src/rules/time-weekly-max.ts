import { formatDateIt, isoFromDay, isoWeekStart } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';
import { giaNelDatabase, personHoursCap } from './person-hours-cap.js';

/**
 * time/weekly-max: a person's hours in one ISO week (Monday to Sunday) over the cap. Job Coach
 * manual, 3.2: "il relativo orario settimanale non potrà superare le 40 ore". Exactly the cap is
 * allowed; the row that crosses it is reported, once per person and week.
 */
export const timeWeeklyMax = personHoursCap({
  id: 'time/weekly-max',
  defaultOre: 40,
  periodStart: isoWeekStart,
  periodDays: 7,
  messages: {
    oltreMassimo: (d) =>
      `${formatDurata(d.totale)} nella settimana dal ${formatDateIt(isoFromDay(d.inizio))} al ${formatDateIt(isoFromDay(d.inizio + 6))} ` +
      `per ${d.persona}, oltre il massimo di ${formatDurata(d.massimo)} a settimana` +
      giaNelDatabase(d.giaNelDatabase),
  },
});
