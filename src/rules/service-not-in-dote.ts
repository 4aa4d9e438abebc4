import type { Bando, TipoDote } from '../bandi/schema.js';
import type { PlanFinding, Rule, Severity } from './types.js';
import { finding } from './types.js';
import type { VocePip } from '../domain/pip.js';
import { onceSkipper } from './delivery-keys.js';

const ID = 'service/not-in-dote';

/** Skip reasons for the "not in the dote's type" part, when the type is unknown. */
export const TIPO_SENZA_DATABASE =
  'tipo di dote sconosciuto: nessun database né colonna tipo_dote (controllato solo che il servizio sia del bando)';
export const TIPO_DOTE_NON_NEL_DATABASE =
  'tipo di dote sconosciuto: dote assente dal database e nessuna colonna tipo_dote (controllato solo che il servizio sia del bando)';

/**
 * service/not-in-dote: a service code the bando does not know, or one the dote's type does not
 * include. The type comes from the database's dote or the CSV's `tipo_dote`; when it is unknown
 * only the code is checked against the bando, and the type part is reported as skipped (once),
 * unless every type of the bando includes the service (then the type does not matter). A
 * `tipo_dote` the bando does not know is field/value's finding, not a skip.
 */
const messages = {
  nessunBando: (d: { servizio: string }) => `servizio ${d.servizio} sconosciuto: nessun bando caricato lo prevede`,
  sconosciuto: (d: { servizio: string; bando: string }) => `servizio ${d.servizio} sconosciuto nel bando ${d.bando}`,
  nonNelTipo: (d: { servizio: string; tipo: string }) => `servizio ${d.servizio} non previsto dal tipo di dote ${d.tipo}`,
  nessunaTariffaCollettiva: (d: { servizio: string }) => `${d.servizio} non ha una tariffa collettiva: ore collettive non ammesse`,
};

export const serviceNotInDote: Rule<typeof messages> = {
  id: ID,
  messages,
  create(env) {
    const skip = onceSkipper(env, ID);
    const known = new Map<Bando, Set<string>>();
    // bando → type → services of the type (null: type unknown in the bando).
    const byType = new Map<Bando, Map<string, Set<string> | null>>();
    const codesOf = (b: Bando) => {
      let s = known.get(b);
      if (!s) {
        s = new Set(b.servizi.map((x) => x.codice));
        known.set(b, s);
      }
      return s;
    };
    const typeCodes = (b: Bando, tipo: string) => {
      let m = byType.get(b);
      if (!m) {
        m = new Map();
        byType.set(b, m);
      }
      let s = m.get(tipo);
      if (s === undefined) {
        const t = b.tipi.find((x) => x.codice === tipo);
        s = t ? new Set([...t.servizi, ...t.attivita.map((a) => a.servizio)]) : null;
        m.set(tipo, s);
      }
      return s;
    };
    // bando → services that every type of the bando includes.
    const inEveryType = new Map<Bando, Set<string>>();
    const everyTypeOf = (b: Bando) => {
      let s = inEveryType.get(b);
      if (!s) {
        s = new Set<string>();
        for (const code of codesOf(b)) {
          if (b.tipi.length && b.tipi.every((t) => typeCodes(b, t.codice)?.has(code))) s.add(code);
        }
        inEveryType.set(b, s);
      }
      return s;
    };
    return {
      row(r) {
        const bando = env.bandoOf(r);
        if (!bando) {
          env.report(r, { severity: 'error', column: 'servizio', messageId: 'nessunBando', data: { servizio: r.servizio } });
          return;
        }
        const s = env.setting(bando, ID);
        if (!s) return;
        if (!codesOf(bando).has(r.servizio)) {
          env.report(r, { severity: s.severita, column: 'servizio', messageId: 'sconosciuto', data: { servizio: r.servizio, bando: bando.id } });
          return;
        }
        const tipo = env.dote(r.doteId)?.tipo ?? r.tipoDote ?? null;
        if (!tipo) {
          if (!everyTypeOf(bando).has(r.servizio)) skip(env.hasDatabase ? TIPO_DOTE_NON_NEL_DATABASE : TIPO_SENZA_DATABASE);
          return;
        }
        const codes = typeCodes(bando, tipo);
        if (codes && !codes.has(r.servizio)) {
          env.report(r, { severity: s.severita, column: 'servizio', messageId: 'nonNelTipo', data: { servizio: r.servizio, tipo } });
        }
      },
    };
  },
};

/**
 * The same rule on a PIP (`pip imposta|varia`): a planned service the bando does not know or the
 * type does not include, and group hours on a service without a group rate.
 */
export function planNotInDote(severity: Severity, bando: Bando, tipo: TipoDote, plan: readonly VocePip[]): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const v of plan) {
    const s = bando.servizi.find((x) => x.codice === v.servizio);
    if (!s) out.push(finding(serviceNotInDote, severity, { messageId: 'sconosciuto', data: { servizio: v.servizio, bando: bando.id } }));
    else if (!tipo.servizi.includes(v.servizio)) out.push(finding(serviceNotInDote, severity, { messageId: 'nonNelTipo', data: { servizio: v.servizio, tipo: tipo.codice } }));
    else if (v.minutiCollettivi > 0 && s.tariffa.collettiva === undefined) {
      out.push(finding(serviceNotInDote, severity, { messageId: 'nessunaTariffaCollettiva', data: { servizio: v.servizio } }));
    }
  }
  return out;
}
