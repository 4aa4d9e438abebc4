/**
 * The PIP (piano di intervento personalizzato) of a Cremona dote as plain values: the services
 * planned with their individual and group hours, the fascia's caps, and the value in cents.
 * Hours are integer minutes and money integer cents; the value of a service is its rate × its
 * hours computed exactly (valueOfMinutes), individual and group hours each at their own rate.
 */
import type { Bando, TipoDote } from '../bandi/schema.js';
import { valueOfMinutes } from './money.js';

export interface VocePip {
  servizio: string;
  minutiIndividuali: number;
  minutiCollettivi: number;
}

/**
 * The hours of one service and mode to set in a plan (individual, or group with `collettiva`);
 * 0 removes them. Read from `--servizio CODICE=ORE[:coll]` by the command layer.
 */
export interface ServizioSpec {
  servizio: string;
  minuti: number;
  collettiva: boolean;
}

/**
 * Applies the specs to a plan: each sets the individual or group hours of a service; services
 * not named keep their hours (`pip varia` keeps the rest of the plan; `pip imposta` starts from
 * an empty one), 0 hours remove them. A service with no hours left disappears. Each service and
 * mode comes at most once (the command layer refuses a repeated `--servizio`); a repeat would
 * simply replace the earlier hours.
 */
export function applySpecs(base: readonly VocePip[], specs: readonly ServizioSpec[]): VocePip[] {
  const plan = new Map(base.map((v) => [v.servizio, { ...v }]));
  for (const s of specs) {
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
