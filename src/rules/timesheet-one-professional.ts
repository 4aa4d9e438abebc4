import type { Rule } from './types.js';
import { memoByBando } from './delivery-keys.js';

const ID = 'timesheet/one-professional';

/**
 * timesheet/one-professional: each professional has exactly one timesheet (Cremona, allegato 011),
 * so a timesheet file names one professional. Reported at the first row of each professional
 * after the first one.
 */
const messages = {
  secondo: (d: { professionista: string; primo: string }) =>
    `secondo professionista nel timesheet: ${d.professionista} (il file è di ${d.primo}); un timesheet per professionista`,
};

export const timesheetOneProfessional: Rule<typeof messages> = {
  id: ID,
  messages,
  create(env) {
    let file: string | null = null;
    let first = '';
    let seen = new Set<string>();
    const settingOf = memoByBando((b) => env.setting(b, ID));
    return {
      row(r) {
        if (r.kind !== 'timesheet') return;
        if (r.file !== file) {
          file = r.file;
          first = r.professionista;
          seen = new Set([first]);
          return;
        }
        if (r.professionista === first || seen.has(r.professionista)) return;
        seen.add(r.professionista);
        const bando = env.bandoOf(r);
        const s = bando ? settingOf(bando) : { severita: 'error' as const, parametri: {} };
        if (!s) return;
        env.report(r, { severity: s.severita, column: 'professionista', messageId: 'secondo', data: { professionista: r.professionista, primo: first } });
      },
    };
  },
};
