import type { Rule } from './types.js';
import { formatTime, parseTime } from '../domain/dates.js';

/**
 * time/window: no activity starts before the window or ends after it. Job Coach manual, 3.2:
 * "Le attività non possono iniziare prima delle ore 7.30 e non possono terminare oltre le ore
 * 23.00". The window is the bando's parameter (inizio, fine as HH:MM).
 */
const messages = {
  primaDi: (d: { inizio: number; da: number }) => `inizio alle ${formatTime(d.inizio)}, prima delle ${formatTime(d.da)}`,
  dopoDi: (d: { fine: number; a: number }) => `fine alle ${formatTime(d.fine)}, dopo le ${formatTime(d.a)}`,
};

export const timeWindow: Rule<typeof messages> = {
  id: 'time/window',
  messages,
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
          env.report(r, { severity: s.severita, column: 'ora_inizio', messageId: 'primaDi', data: { inizio: r.inizio, da: from } });
        } else if (r.fine > to) {
          env.report(r, { severity: s.severita, column: 'ora_fine', messageId: 'dopoDi', data: { fine: r.fine, a: to } });
        }
      },
    };
  },
};
