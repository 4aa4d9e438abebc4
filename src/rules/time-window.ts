import type { Rule } from './types.js';
import { formatTime, parseTime } from '../domain/dates.js';

/**
 * time/window: no activity starts before the window or ends after it. Job Coach manual, 3.2:
 * "Le attività non possono iniziare prima delle ore 7.30 e non possono terminare oltre le ore
 * 23.00". The window is the bando's parameter (inizio, fine as HH:MM).
 */
export const timeWindow: Rule = {
  id: 'time/window',
  create(env) {
    return {
      row(r) {
        const bando = env.bandoOf(r);
        if (!bando) return;
        const s = env.setting(bando, 'time/window');
        if (!s) return;
        const from = parseTime(String(s.parametri.inizio ?? '07:30')) ?? 450;
        const to = parseTime(String(s.parametri.fine ?? '23:00')) ?? 1380;
        if (r.inizio < from) {
          env.report(r, { rule: 'time/window', severity: s.severita, message: `inizio alle ${formatTime(r.inizio)}, prima delle ${formatTime(from)}`, column: 'ora_inizio' });
        } else if (r.fine > to) {
          env.report(r, { rule: 'time/window', severity: s.severita, message: `fine alle ${formatTime(r.fine)}, dopo le ${formatTime(to)}`, column: 'ora_fine' });
        }
      },
    };
  },
};
