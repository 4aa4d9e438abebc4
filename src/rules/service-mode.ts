import type { Bando } from '../bandi/schema.js';
import type { Rule } from './types.js';

const ID = 'service/mode';

/**
 * service/mode: a delivery mode the service does not allow. Cremona, "Modalità di erogazione":
 * in person by default; at a distance only training (QF0, QF0-COV: FAD sincrona) and active job
 * search (QT6: strumenti telematici tracciabili); tutoring (QT8) never by telephone. Which modes a
 * service allows is the catalogue's `modalita` list; in person is always allowed.
 */
const messages = {
  nonConsentita: (d: { modalita: string; servizio: string; consentite: readonly string[] }) =>
    `modalità ${d.modalita} non consentita per ${d.servizio} (consentite: ${d.consentite.join(', ')})`,
};

export const serviceMode: Rule<typeof messages> = {
  id: ID,
  messages,
  create(env) {
    const modes = new Map<Bando, Map<string, readonly string[]>>();
    const modesOf = (b: Bando) => {
      let m = modes.get(b);
      if (!m) {
        m = new Map(b.servizi.map((s) => [s.codice, s.modalita]));
        modes.set(b, m);
      }
      return m;
    };
    return {
      row(r) {
        if (r.modalita === 'presenza') return;
        const bando = env.bandoOf(r);
        if (!bando) return;
        const s = env.setting(bando, ID);
        if (!s) return;
        const allowed = modesOf(bando).get(r.servizio);
        if (!allowed || allowed.includes(r.modalita)) return;
        const list = allowed.includes('presenza') ? allowed : ['presenza', ...allowed];
        env.report(r, { severity: s.severita, column: 'modalita', messageId: 'nonConsentita', data: { modalita: r.modalita, servizio: r.servizio, consentite: list } });
      },
    };
  },
};
