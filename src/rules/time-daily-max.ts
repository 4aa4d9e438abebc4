import type { Rule } from './types.js';
import { formatDateIt } from '../domain/dates.js';
import { Interner, Totals, KINDS, dayKey, hoursMinutes, hoursWord, kindIndex, memoByBando, numberParam, personOf } from './delivery-keys.js';

const ID = 'time/daily-max';

/**
 * time/daily-max: a person's hours in one day over the cap. Job Coach manual, 3.2: "l'orario
 * giornaliero non potrà superare le 8 ore". Exactly the cap is allowed. Group hours count for
 * each participant. The finding points at the row that crosses the cap, once per person and day
 * (cli.md: "a rule that concerns a group of rows points at the row that crossed the limit").
 */
export const timeDailyMax: Rule = {
  id: ID,
  create(env) {
    const persons = new Interner();
    // (person, kind, day) → minutes so far; -1 once reported.
    const totals = new Totals();
    const capOf = memoByBando((b) => {
      const s = env.setting(b, ID);
      return s ? { cap: Math.round(numberParam(s, 'ore', 8) * 60), severity: s.severita } : null;
    });
    return {
      row(r) {
        if (r.minuti <= 0) return;
        const bando = env.bandoOf(r);
        if (!bando) return;
        const c = capOf(bando);
        if (!c) return;
        const person = personOf(env, r);
        const key = dayKey(persons.id(person) * KINDS + kindIndex(r.kind), r.day);
        const total = totals.add(key, r.minuti);
        if (total < 0) return;
        if (total > c.cap) {
          totals.markReported(key);
          env.report(r, {
            rule: ID,
            severity: c.severity,
            message: `${hoursMinutes(total)} ore il ${formatDateIt(r.data)} per ${person}, oltre il massimo di ${hoursWord(c.cap)} al giorno`,
          });
        }
      },
    };
  },
};
