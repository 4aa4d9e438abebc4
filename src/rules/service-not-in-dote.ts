import type { Bando } from '../bandi/schema.js';
import type { Rule } from './types.js';
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
export const serviceNotInDote: Rule = {
  id: ID,
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
          env.report(r, { rule: ID, severity: 'error', message: `servizio ${r.servizio} sconosciuto: nessun bando caricato lo prevede`, column: 'servizio' });
          return;
        }
        const s = env.setting(bando, ID);
        if (!s) return;
        if (!codesOf(bando).has(r.servizio)) {
          env.report(r, { rule: ID, severity: s.severita, message: `servizio ${r.servizio} sconosciuto nel bando ${bando.id}`, column: 'servizio' });
          return;
        }
        const tipo = env.dote(r.doteId)?.tipo ?? r.tipoDote ?? null;
        if (!tipo) {
          if (!everyTypeOf(bando).has(r.servizio)) skip(env.hasDatabase ? TIPO_DOTE_NON_NEL_DATABASE : TIPO_SENZA_DATABASE);
          return;
        }
        const codes = typeCodes(bando, tipo);
        if (codes && !codes.has(r.servizio)) {
          env.report(r, { rule: ID, severity: s.severita, message: `servizio ${r.servizio} non previsto dal tipo di dote ${tipo}`, column: 'servizio' });
        }
      },
    };
  },
};
