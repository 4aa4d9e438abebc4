/**
 * The PIP (piano di intervento personalizzato) of a Cremona dote as plain values: the services
 * planned with their individual and group hours, the fascia's caps, and the value in cents.
 * Hours are integer minutes and money integer cents; the value of a service is its rate × its
 * hours computed exactly (valueOfMinutes), individual and group hours each at their own rate.
 */
import type { Bando, TipoDote } from '../bandi/schema.js';
import { UsageError } from '../errors.js';
import { formatHours, valueOfMinutes } from './money.js';

export interface VocePip {
  servizio: string;
  minutiIndividuali: number;
  minutiCollettivi: number;
}

/** One `--servizio CODICE=ORE[:coll]` option. */
export interface ServizioSpec {
  servizio: string;
  minuti: number;
  collettiva: boolean;
}

/**
 * Reads `QT6=4`, `QD2=1,5`, `QF0=40:coll` (group hours). Hours take a decimal comma or point and
 * must be whole minutes (0,25 = 15 minutes; 0,01 is refused).
 */
export function parseServizioSpec(text: string): ServizioSpec {
  const m = /^\s*([A-Za-z0-9-]+)\s*=\s*(\d+(?:[.,]\d+)?)\s*(?::\s*(coll|collettiva|collettive|ind|individuale|individuali))?\s*$/i.exec(text);
  if (!m) {
    throw new UsageError(`--servizio "${text}": formato CODICE=ORE oppure CODICE=ORE:coll (es. QT6=4, QF0=40:coll, QD2=1,5)`);
  }
  const [intPart, frac = ''] = m[2]!.replace(',', '.').split('.');
  const fracMinutes = frac ? Number(`0.${frac}`) * 60 : 0;
  if (Math.abs(fracMinutes - Math.round(fracMinutes)) > 1e-9) {
    throw new UsageError(`--servizio "${text}": ${m[2]} ore non sono un numero intero di minuti`);
  }
  return {
    servizio: m[1]!.toUpperCase(),
    minuti: Number(intPart) * 60 + Math.round(fracMinutes),
    collettiva: Boolean(m[3] && m[3].toLowerCase().startsWith('coll')),
  };
}

/**
 * Applies the options to a plan: each option sets the individual or group hours of a service;
 * services not named keep their hours (`pip varia` keeps the rest of the plan; `pip imposta`
 * starts from an empty one), `CODICE=0` removes them. A service with no hours left disappears.
 */
export function applySpecs(base: readonly VocePip[], specs: readonly ServizioSpec[]): VocePip[] {
  const seen = new Set<string>();
  const plan = new Map(base.map((v) => [v.servizio, { ...v }]));
  for (const s of specs) {
    const key = `${s.servizio}:${s.collettiva ? 'coll' : 'ind'}`;
    if (seen.has(key)) {
      throw new UsageError(`--servizio ${s.servizio}${s.collettiva ? ':coll' : ''} indicato due volte`);
    }
    seen.add(key);
    const v = plan.get(s.servizio) ?? { servizio: s.servizio, minutiIndividuali: 0, minutiCollettivi: 0 };
    if (s.collettiva) v.minutiCollettivi = s.minuti;
    else v.minutiIndividuali = s.minuti;
    plan.set(s.servizio, v);
  }
  return [...plan.values()].filter((v) => v.minutiIndividuali > 0 || v.minutiCollettivi > 0);
}

/** Catalogue order, so a plan always reads in the same order as the bando's tables. */
export function sortPlan(bando: Bando, plan: readonly VocePip[]): VocePip[] {
  const order = new Map(bando.servizi.map((s, i) => [s.codice, i]));
  return [...plan].sort((a, b) => (order.get(a.servizio) ?? 999) - (order.get(b.servizio) ?? 999) || a.servizio.localeCompare(b.servizio));
}

export interface RigaValore extends VocePip {
  tariffaIndividualeCent: number;
  tariffaCollettivaCent: number | null;
  valoreIndividualeCent: number;
  valoreCollettivoCent: number;
  valoreCent: number;
}

/** Value of each service and of the plan, in cents. */
export function planValue(bando: Bando, plan: readonly VocePip[]): { righe: RigaValore[]; totaleCent: number } {
  const righe = plan.map((v) => {
    const s = bando.servizi.find((x) => x.codice === v.servizio);
    const ti = s?.tariffa.individuale ?? 0;
    const tc = s?.tariffa.collettiva ?? null;
    const vi = valueOfMinutes(ti, v.minutiIndividuali);
    const vc = valueOfMinutes(tc ?? 0, v.minutiCollettivi);
    return { ...v, tariffaIndividualeCent: ti, tariffaCollettivaCent: tc, valoreIndividualeCent: vi, valoreCollettivoCent: vc, valoreCent: vi + vc };
  });
  return { righe, totaleCent: righe.reduce((a, r) => a + r.valoreCent, 0) };
}

/** The result paid once if achieved (inserimento, avvio d'impresa, mantenimento), by fascia. */
export function risultatoCent(tipo: TipoDote, fascia: number | null): number | null {
  if (!tipo.risultato || fascia === null) return null;
  return tipo.risultato.importi[String(fascia) as '1' | '2' | '3' | '4'] ?? null;
}
