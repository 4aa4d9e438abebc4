import type { Rule } from './types.js';
import { memoByBando, onceSkipper } from './delivery-keys.js';

const ID = 'service/repeat';

/**
 * service/repeat: Cremona, "RIPETIBILITA' DEI SERVIZI": a person who had a disability dote in a
 * previous annualità cannot receive the colloquio specialistico (QD2) or the bilancio di
 * competenze (Q0C) again. The services are the bando's parameter `servizi`; the history is the
 * database's (DoteInfo.doteAnnualitaPrecedente: an earlier dote of another bando, or an external
 * disability dote). Without a database the rule is skipped. Reported on every such row.
 */
export const serviceRepeat: Rule = {
  id: ID,
  create(env) {
    const skip = onceSkipper(env, ID);
    const configOf = memoByBando((b) => {
      const s = env.setting(b, ID);
      if (!s) return null;
      const list = s.parametri.servizi;
      return { severity: s.severita, servizi: new Set(Array.isArray(list) ? list.map(String) : ['QD2', 'Q0C']) };
    });
    return {
      row(r) {
        const bando = env.bandoOf(r);
        if (!bando) return;
        const c = configOf(bando);
        if (!c || !c.servizi.has(r.servizio)) return;
        if (!env.hasDatabase) {
          skip('doti delle annualità precedenti sconosciute: nessun database');
          return;
        }
        const info = env.dote(r.doteId);
        if (!info || !info.doteAnnualitaPrecedente) return;
        env.report(r, {
          rule: ID,
          severity: c.severity,
          message: `${r.servizio} non ripetibile: ${info.cf || 'la persona'} ha già avuto una dote in un'annualità precedente`,
          column: 'servizio',
        });
      },
    };
  },
};
