import type { Rule } from './types.js';
import { memoByBando } from './delivery-keys.js';

const ID = 'timesheet/one-professional';

/**
 * timesheet/one-professional: each professional has exactly one timesheet (Cremona, allegato 011),
 * so a timesheet file names one professional. Reported at the first row of each professional
 * after the first one.
 */
export const timesheetOneProfessional: Rule = {
  id: ID,
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
        env.report(r, {
          rule: ID,
          severity: s.severita,
          message: `secondo professionista nel timesheet: ${r.professionista} (il file è di ${first}); un timesheet per professionista`,
          column: 'professionista',
        });
      },
    };
  },
};
