import type { RegolaSetting } from '../bandi/schema.js';
import type { PlanFinding, Rule } from './types.js';
import { finding } from './types.js';
import type { VocePip } from '../domain/pip.js';
import { memoByBando, onceSkipper } from './delivery-keys.js';

const ID = 'service/repeat';

/** The services that cannot be repeated: the bando's parameter `servizi` (default QD2, Q0C). */
function servicesOf(s: RegolaSetting): Set<string> {
  const list = s.parametri.servizi;
  return new Set(Array.isArray(list) ? list.map(String) : ['QD2', 'Q0C']);
}

/**
 * service/repeat: Cremona, "RIPETIBILITA' DEI SERVIZI": a person who had a disability dote in a
 * previous annualità cannot receive the colloquio specialistico (QD2) or the bilancio di
 * competenze (Q0C) again. The services are the bando's parameter `servizi`; the history is the
 * database's (DoteInfo.doteAnnualitaPrecedente: an earlier dote of another bando, or an external
 * disability dote). Without a database the rule is skipped. Reported on every such row.
 */
const messages = {
  nonRipetibile: (d: { servizio: string; persona: string }) => `${d.servizio} non ripetibile: ${d.persona} ha già avuto una dote in un'annualità precedente`,
  nonRipetibileNelPip: (d: { servizio: string; cf: string }) => `${d.servizio} non ripetibile: ${d.cf} ha avuto una dote disabili in un'annualità precedente`,
};

export const serviceRepeat: Rule<typeof messages> = {
  id: ID,
  messages,
  create(env) {
    const skip = onceSkipper(env, ID);
    const configOf = memoByBando((b) => {
      const s = env.setting(b, ID);
      return s ? { severity: s.severita, servizi: servicesOf(s) } : null;
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
        env.report(r, { severity: c.severity, column: 'servizio', messageId: 'nonRipetibile', data: { servizio: r.servizio, persona: info.cf || 'la persona' } });
      },
    };
  },
};

/**
 * The same rule on a PIP (`pip imposta|varia`): a person who had a disability dote in a previous
 * annualità cannot have QD2 or Q0C planned ("non saranno ammesse ripetizioni nè del colloquio
 * specialistico, nè del bilancio di competenze già erogati"). As an error it refuses the plan;
 * as a warning it is left to the deliveries.
 */
export function planRepeat(setting: RegolaSetting | null, previousAnnualita: boolean, cf: string, plan: readonly VocePip[]): PlanFinding[] {
  if (!setting || setting.severita !== 'error' || !previousAnnualita) return [];
  const servizi = servicesOf(setting);
  return plan
    .filter((v) => servizi.has(v.servizio))
    .map((v) => finding(serviceRepeat, 'error', { messageId: 'nonRipetibileNelPip', data: { servizio: v.servizio, cf } }));
}
