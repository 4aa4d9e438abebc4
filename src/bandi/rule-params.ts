/**
 * The parameters each rule reads from its bando setting (`regole.<id>.parametri`), validated when
 * the catalogue loads. The rules themselves fall back to their defaults when a value is missing or
 * unusable (src/rules/*.ts), so without this table a typo ("otto" hours, "7:3O") would silently
 * switch a bando's limit back to the default. A rule not listed here takes no parameters.
 *
 * Keep in step with the readers: time-window.ts (inizio, fine); person-hours-cap.ts via
 * time-daily-max.ts and time-weekly-max.ts (ore); time-weekly-service-max.ts (servizi: code →
 * hours); calendar-late-entry.ts and domain/scadenze.ts (avvisoDaGiorni, erroreDaGiorni);
 * service-repeat.ts and use-cases/pip.ts (servizi: codes); liquidazione/result-180 (giorni).
 */
import { z } from 'zod';
import { parseTime } from '../domain/dates.js';

/** A time of day as the rules read it (domain/dates parseTime: HH:MM or HH.MM, 00:00-23:59). */
const oraDelGiorno = z.string().refine((s) => parseTime(s) !== null, {
  error: (iss) => `orario inesistente o non nel formato HH:MM (00:00-23:59): "${String(iss.input)}"`,
});

/** A cap in hours: more than zero (a zero cap would flag every delivery) and within the period. */
const oreMassime = (periodo: string, max: number) =>
  z
    .number()
    .positive({ error: (iss) => `le ore devono essere più di 0, trovato ${String(iss.input)}` })
    .max(max, { error: (iss) => `${String(iss.input)} ore: oltre le ${max} ore di ${periodo}` });

const giorni = z
  .number()
  .int({ error: (iss) => `atteso un numero intero di giorni, trovato ${String(iss.input)}` })
  .nonnegative({ error: (iss) => `giorni negativi: ${String(iss.input)}` });

const codiciServizio = z.array(z.string().min(1));

export const RULE_PARAMS = {
  'time/window': z
    .object({ inizio: oraDelGiorno.optional(), fine: oraDelGiorno.optional() })
    .superRefine((p, ctx) => {
      const from = parseTime(p.inizio ?? '07:30'), to = parseTime(p.fine ?? '23:00');
      if (from !== null && to !== null && to <= from) {
        ctx.addIssue({ code: 'custom', path: ['fine'], message: `la fine (${p.fine ?? '23:00'}) non è successiva all'inizio (${p.inizio ?? '07:30'})` });
      }
    }),
  'time/daily-max': z.object({ ore: oreMassime('un giorno', 24).optional() }),
  'time/weekly-max': z.object({ ore: oreMassime('una settimana', 168).optional() }),
  'time/weekly-service-max': z.object({ servizi: z.record(z.string().min(1), oreMassime('una settimana', 168)).optional() }),
  'calendar/late-entry': z
    .object({ avvisoDaGiorni: giorni.optional(), erroreDaGiorni: giorni.optional() })
    .superRefine((p, ctx) => {
      if (p.avvisoDaGiorni !== undefined && p.erroreDaGiorni !== undefined && p.avvisoDaGiorni >= p.erroreDaGiorni) {
        ctx.addIssue({
          code: 'custom',
          path: ['avvisoDaGiorni'],
          message: `l'avviso (da ${p.avvisoDaGiorni} giorni) deve precedere l'errore (da ${p.erroreDaGiorni} giorni)`,
        });
      }
    }),
  'service/repeat': z.object({ servizi: codiciServizio.optional() }),
  'liquidazione/result-180': z.object({
    giorni: z.number().int({ error: (iss) => `atteso un numero intero di giorni, trovato ${String(iss.input)}` }).positive({ error: (iss) => `i giorni devono essere più di 0, trovato ${String(iss.input)}` }).optional(),
  }),
} satisfies Record<string, z.ZodObject>;

/**
 * Service codes a rule's parameters name, with the path inside `parametri`: the bando must define
 * them (a misspelt code would cap or protect nothing).
 */
export function serviceCodesInParams(ruleId: string, parametri: Record<string, unknown>): { path: (string | number)[]; codice: string }[] {
  const servizi = parametri.servizi;
  if (ruleId === 'time/weekly-service-max' && servizi && typeof servizi === 'object' && !Array.isArray(servizi)) {
    return Object.keys(servizi).map((codice) => ({ path: ['servizi', codice], codice }));
  }
  if (ruleId === 'service/repeat' && Array.isArray(servizi)) {
    return servizi.flatMap((codice, i) => (typeof codice === 'string' ? [{ path: ['servizi', i], codice }] : []));
  }
  return [];
}
