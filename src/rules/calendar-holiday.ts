import type { Rule } from './types.js';
import { onceSkipper } from './delivery-keys.js';
import { formatDateIt } from '../domain/dates.js';
import { holidayName } from '../domain/holidays.js';

const ID = 'calendar/holiday';

/** Skip reason: a row names a sede but there is no database to give its patron day. */
export const PATRONO_SENZA_DATABASE = 'patrono della sede sconosciuto: nessun database (domeniche e festività nazionali controllate)';

/** Whether the ISO date `data` falls on `mmdd` (MM-DD), without slicing strings per row. */
function sameMonthDay(data: string, mmdd: string): boolean {
  return (
    mmdd.length === 5 &&
    data.charCodeAt(5) === mmdd.charCodeAt(0) &&
    data.charCodeAt(6) === mmdd.charCodeAt(1) &&
    data.charCodeAt(8) === mmdd.charCodeAt(3) &&
    data.charCodeAt(9) === mmdd.charCodeAt(4)
  );
}

/**
 * calendar/holiday: no activity on a Sunday, a national holiday (Easter Monday included) or the
 * patron saint's day of the sede's comune. Job Coach manual, 3.2: "non possono, inoltre,
 * svolgersi in giorni festivi"; the patron day comes from the sede's configuration (the Job Coach manual).
 * Without a database the patron day of a row's sede is unknown: Sundays and national holidays are
 * still checked, and the patron-day part is reported as skipped (once).
 */
const messages = {
  festivo: (d: { data: string; festa: string }) => `attività il ${formatDateIt(d.data)}, giorno festivo: ${d.festa}`,
  patrono: (d: { data: string; sede: string | null }) => `attività il ${formatDateIt(d.data)}, festa del santo patrono${d.sede ? ` della sede ${d.sede}` : ''}`,
  domenica: (d: { data: string }) => `attività il ${formatDateIt(d.data)}, domenica`,
};

export const calendarHoliday: Rule<typeof messages> = {
  id: ID,
  messages,
  create(env) {
    // Day → national holiday name, "domenica" or null: a few hundred distinct days at most.
    const national = new Map<number, string | null>();
    const skip = onceSkipper(env, ID);
    return {
      row(r) {
        const bando = env.bandoOf(r);
        if (!bando) return;
        const s = env.setting(bando, ID);
        if (!s) return;
        let name = national.get(r.day);
        if (name === undefined) {
          name = holidayName(r.day, null);
          national.set(r.day, name);
        }
        if (r.sede && !env.hasDatabase) skip(PATRONO_SENZA_DATABASE);
        const at = { severity: s.severita, column: 'data' };
        if (name !== null && name !== 'domenica') {
          env.report(r, { ...at, messageId: 'festivo', data: { data: r.data, festa: name } });
        } else {
          const patrono = env.patronoOf(r.sede, r);
          if (patrono && sameMonthDay(r.data, patrono)) env.report(r, { ...at, messageId: 'patrono', data: { data: r.data, sede: r.sede } });
          else if (name === 'domenica') env.report(r, { ...at, messageId: 'domenica', data: { data: r.data } });
        }
      },
    };
  },
};
