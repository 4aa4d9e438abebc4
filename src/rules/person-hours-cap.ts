import type { DeliveryRow, Rule } from './types.js';
import { Interner, Totals, KINDS, dayKey, kindIndex, memoByBando, numberParam, personOf } from './delivery-keys.js';

/**
 * The shape of time/daily-max and time/weekly-max: a person's hours in one period (a day, an ISO
 * week) over the cap of the rule's `ore` parameter. Exactly the cap is allowed. Group hours count
 * for each participant; kinds (calendar, timesheet, database) are counted apart. The finding points
 * at the row that crosses the cap, once per person and period (cli.md: "a rule that concerns a
 * group of rows points at the row that crossed the limit").
 */
export function personHoursCap(o: {
  id: string;
  /** Hours when the bando's setting has no `ore`. */
  defaultOre: number;
  /** The day number the row's period starts on (the day itself, the Monday of its week). */
  periodStart: (day: number) => number;
  message: (r: DeliveryRow, totalMinutes: number, capMinutes: number, person: string, start: number) => string;
}): Rule {
  return {
    id: o.id,
    create(env) {
      const persons = new Interner();
      // (person, kind, period start) → minutes so far; -1 once reported.
      const totals = new Totals();
      const capOf = memoByBando((b) => {
        const s = env.setting(b, o.id);
        return s ? { cap: Math.round(numberParam(s, 'ore', o.defaultOre) * 60), severity: s.severita } : null;
      });
      return {
        row(r) {
          if (r.minuti <= 0) return;
          const bando = env.bandoOf(r);
          if (!bando) return;
          const c = capOf(bando);
          if (!c) return;
          const person = personOf(env, r);
          const start = o.periodStart(r.day);
          const key = dayKey(persons.id(person) * KINDS + kindIndex(r.kind), start);
          const total = totals.add(key, r.minuti);
          if (total < 0) return;
          if (total > c.cap) {
            totals.markReported(key);
            env.report(r, { rule: o.id, severity: c.severity, message: o.message(r, total, c.cap, person, start) });
          }
        },
      };
    },
  };
}
