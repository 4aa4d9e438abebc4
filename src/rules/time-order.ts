import type { Rule } from './types.js';
import { formatTime } from '../domain/dates.js';

/** time/order: the end must come after the start (README "Regole"). */
const messages = {
  fineNonSuccessiva: (d: { inizio: number; fine: number }) => `fine alle ${formatTime(d.fine)}, non successiva all'inizio alle ${formatTime(d.inizio)}`,
};

export const timeOrder: Rule<typeof messages> = {
  id: 'time/order',
  messages,
  create(env) {
    return {
      row(r) {
        const bando = env.bandoOf(r);
        const s = bando ? env.setting(bando, 'time/order') : { severita: 'error' as const, parametri: {} };
        if (!s) return;
        if (r.fine <= r.inizio) {
          env.report(r, { severity: s.severita, column: 'ora_fine', messageId: 'fineNonSuccessiva', data: { inizio: r.inizio, fine: r.fine } });
        }
      },
    };
  },
};
