import type { Rule } from './types.js';
import { formatTime } from '../domain/dates.js';

/** time/order: the end must come after the start (domain.md 2). */
export const timeOrder: Rule = {
  id: 'time/order',
  create(env) {
    return {
      row(r) {
        const bando = env.bandoOf(r);
        const s = bando ? env.setting(bando, 'time/order') : { severita: 'error' as const, parametri: {} };
        if (!s) return;
        if (r.fine <= r.inizio) {
          env.report(r, {
            rule: 'time/order',
            severity: s.severita,
            message: `fine alle ${formatTime(r.fine)}, non successiva all'inizio alle ${formatTime(r.inizio)}`,
            column: 'ora_fine',
          });
        }
      },
    };
  },
};
