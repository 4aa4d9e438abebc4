import type { Rule } from './types.js';
import { formatDateIt, isoFromDay, isoWeekStart } from '../domain/dates.js';
import { Interner, Totals, KINDS, dayKey, hoursMinutes, hoursWord, kindIndex, memoByBando, numberParam, personOf } from './delivery-keys.js';

const ID = 'time/weekly-max';

/**
 * time/weekly-max: a person's hours in one ISO week (Monday to Sunday) over the cap. Job Coach
 * manual, 3.2: "il relativo orario settimanale non potrà superare le 40 ore". Exactly the cap is
 * allowed; the row that crosses it is reported, once per person and week.
 */
export const timeWeeklyMax: Rule = {
  id: ID,
  create(env) {
    const persons = new Interner();
    // (person, kind, Monday of the week) → minutes so far; -1 once reported.
    const totals = new Totals();
    const capOf = memoByBando((b) => {
      const s = env.setting(b, ID);
      return s ? { cap: Math.round(numberParam(s, 'ore', 40) * 60), severity: s.severita } : null;
    });
    return {
      row(r) {
        if (r.minuti <= 0) return;
        const bando = env.bandoOf(r);
        if (!bando) return;
        const c = capOf(bando);
        if (!c) return;
        const person = personOf(env, r);
        const monday = isoWeekStart(r.day);
        const key = dayKey(persons.id(person) * KINDS + kindIndex(r.kind), monday);
        const total = totals.add(key, r.minuti);
        if (total < 0) return;
        if (total > c.cap) {
          totals.markReported(key);
          env.report(r, {
            rule: ID,
            severity: c.severity,
            message:
              `${hoursMinutes(total)} ore nella settimana dal ${formatDateIt(isoFromDay(monday))} al ${formatDateIt(isoFromDay(monday + 6))} ` +
              `per ${person}, oltre il massimo di ${hoursWord(c.cap)} a settimana`,
          });
        }
      },
    };
  },
};
