import { formatDateIt, isoFromDay } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';
import { giaNelDatabase, personHoursCap } from './person-hours-cap.js';

/**
 * time/daily-max: a person's hours in one day over the cap. Job Coach manual, 3.2: "l'orario
 * giornaliero non potrà superare le 8 ore". Exactly the cap is allowed. Group hours count for
 * each participant. The finding points at the row that crosses the cap, once per person and day
 * (docs/comandi.md: a rule that concerns a group of rows points at the row that crossed the limit).
 */
export const timeDailyMax = personHoursCap({
  id: 'time/daily-max',
  defaultOre: 8,
  periodStart: (day) => day,
  periodDays: 1,
  messages: {
    oltreMassimo: (d) =>
      `${formatDurata(d.totale)} il ${formatDateIt(isoFromDay(d.inizio))} per ${d.persona}, oltre il massimo di ${formatDurata(d.massimo)} al giorno` + giaNelDatabase(d.giaNelDatabase),
  },
});
