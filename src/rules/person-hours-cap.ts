import type { Rule } from './types.js';
import { formatDurata } from '../domain/money.js';
import { Interner, Totals, KINDS, dayKey, kindIndex, memoByBando, numberParam, personOf } from './delivery-keys.js';

export interface PersonCapData {
  totale: number;
  massimo: number;
  persona: string;
  /** The period's first day (day number). */
  inizio: number;
  /** Of the total, minutes the database already held. */
  giaNelDatabase: number;
}

export interface PersonCapMessages {
  readonly [id: string]: (d: PersonCapData) => string;
  readonly oltreMassimo: (d: PersonCapData) => string;
}

/** The tail of the message when part of the total comes from the database. */
export function giaNelDatabase(min: number): string {
  return min > 0 ? ` (di cui ${formatDurata(min)} già nel database)` : '';
}

/** A codice fiscale (personOf gives `dote …` when the person is unknown). */
const isCf = (person: string): boolean => !person.startsWith('dote ');

/**
 * The shape of time/daily-max and time/weekly-max: a person's hours in one period (a day, an ISO
 * week) over the cap of the rule's `ore` parameter. Exactly the cap is allowed. Group hours count
 * for each participant; kinds (calendar, timesheet, database) are counted apart. With a database
 * a CSV's totals start from the person's hours the database already holds for the period. The finding points
 * at the row that crosses the cap, once per person and period (docs/comandi.md: a rule that concerns a
 * group of rows points at the row that crossed the limit).
 */
export function personHoursCap(o: {
  id: string;
  /** Hours when the bando's setting has no `ore`. */
  defaultOre: number;
  /** The day number the row's period starts on (the day itself, the Monday of its week). */
  periodStart: (day: number) => number;
  /** Days in the period (1, 7). */
  periodDays: number;
  /** The one message, `oltreMassimo`: `inizio` is the period's first day number. */
  messages: PersonCapMessages;
}): Rule<PersonCapMessages> {
  return {
    id: o.id,
    messages: o.messages,
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
          // With a database, the period's total starts from the person's hours it holds; a row
          // it already holds adds only the difference.
          const inDb = (): number => (env.minutiPersona && r.kind !== 'erogazione' && isCf(person) ? env.minutiPersona(person, r.kind, start, start + o.periodDays - 1) : 0);
          const base = totals.has(key) ? 0 : inDb();
          const total = totals.add(key, base + r.minuti - (r.giaNelDatabase ?? 0));
          if (total < 0) return;
          if (total > c.cap) {
            totals.markReported(key);
            env.report(r, { severity: c.severity, messageId: 'oltreMassimo', data: { totale: total, massimo: c.cap, persona: person, inizio: start, giaNelDatabase: inDb() } });
          }
        },
      };
    },
  };
}
