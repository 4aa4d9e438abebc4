import type { Rule } from './types.js';
import { formatDateIt, isoFromDay, isoWeekStart } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';
import { Interner, Totals, KINDS, dayKey, kindIndex, memoByBando, personOf } from './delivery-keys.js';

const ID = 'time/weekly-service-max';

/**
 * time/weekly-service-max: a person's hours of one service in one ISO week over the service's
 * weekly cap (parameter `servizi`: code → hours). Cremona, QTP: "max 1 ora di consulenza
 * psicologica alla settimana per 12 mesi". Services without a weekly cap keep no state.
 */
const messages = {
  oltreSettimanale: (d: { servizio: string; totale: number; lunedi: number; persona: string; massimo: number }) =>
    `${d.servizio}: ${formatDurata(d.totale)} nella settimana dal ${formatDateIt(isoFromDay(d.lunedi))} al ${formatDateIt(isoFromDay(d.lunedi + 6))} ` +
    `per ${d.persona}, oltre il massimo di ${formatDurata(d.massimo)} a settimana`,
};

export const timeWeeklyServiceMax: Rule<typeof messages> = {
  id: ID,
  messages,
  create(env) {
    const persons = new Interner();
    const services = new Interner();
    const totals = new Totals();
    const capsOf = memoByBando((b) => {
      const s = env.setting(b, ID);
      if (!s) return null;
      const raw = s.parametri.servizi;
      const caps = new Map<string, number>();
      if (raw && typeof raw === 'object') {
        for (const [code, h] of Object.entries(raw as Record<string, unknown>)) {
          if (typeof h === 'number' && Number.isFinite(h)) caps.set(code, Math.round(h * 60));
        }
      }
      return caps.size ? { caps, severity: s.severita } : null;
    });
    return {
      row(r) {
        if (r.minuti <= 0) return;
        const bando = env.bandoOf(r);
        if (!bando) return;
        const c = capsOf(bando);
        if (!c) return;
        const cap = c.caps.get(r.servizio);
        if (cap === undefined) return;
        const person = personOf(env, r);
        const monday = isoWeekStart(r.day);
        const base = (persons.id(person) * KINDS + kindIndex(r.kind)) * 1024 + services.id(r.servizio);
        const key = dayKey(base, monday);
        const total = totals.add(key, r.minuti);
        if (total < 0) return;
        if (total > cap) {
          totals.markReported(key);
          env.report(r, { severity: c.severity, messageId: 'oltreSettimanale', data: { servizio: r.servizio, totale: total, lunedi: monday, persona: person, massimo: cap } });
        }
      },
    };
  },
};
