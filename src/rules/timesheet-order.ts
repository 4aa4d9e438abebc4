import type { Rule } from './types.js';
import { formatDateIt, formatTime } from '../domain/dates.js';
import { memoByBando } from './delivery-keys.js';

const ID = 'timesheet/order';

/**
 * timesheet/order: a timesheet's rows are in chronological order, by date and then start time
 * (Cremona, "Calendario, timesheet e registri": one timesheet per professional "in ordine
 * cronologico"). Each row is compared with the row before it in the same file, so one misplaced
 * row is one finding, not one for every row after it.
 */
export const timesheetOrder: Rule = {
  id: ID,
  create(env) {
    let file: string | null = null;
    let prevDay = 0;
    let prevStart = 0;
    let prevData = '';
    const settingOf = memoByBando((b) => env.setting(b, ID));
    return {
      row(r) {
        if (r.kind !== 'timesheet') return;
        if (r.file !== file) {
          file = r.file;
          prevDay = r.day;
          prevStart = r.inizio;
          prevData = r.data;
          return;
        }
        const earlier = r.day < prevDay || (r.day === prevDay && r.inizio < prevStart);
        if (earlier) {
          const bando = env.bandoOf(r);
          const s = bando ? settingOf(bando) : { severita: 'error' as const, parametri: {} };
          if (s) {
            env.report(r, {
              rule: ID,
              severity: s.severita,
              message: `${formatDateIt(r.data)} ${formatTime(r.inizio)} viene prima della riga precedente (${formatDateIt(prevData)} ${formatTime(prevStart)}): il timesheet va in ordine cronologico`,
              column: 'data',
            });
          }
        }
        prevDay = r.day;
        prevStart = r.inizio;
        prevData = r.data;
      },
    };
  },
};
