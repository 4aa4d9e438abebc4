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
const messages = {
  primaDellaPrecedente: (d: { data: string; inizio: number; dataPrecedente: string; inizioPrecedente: number }) =>
    `${formatDateIt(d.data)} ${formatTime(d.inizio)} viene prima della riga precedente (${formatDateIt(d.dataPrecedente)} ${formatTime(d.inizioPrecedente)}): il timesheet va in ordine cronologico`,
};

export const timesheetOrder: Rule<typeof messages> = {
  id: ID,
  messages,
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
              severity: s.severita,
              column: 'data',
              messageId: 'primaDellaPrecedente',
              data: { data: r.data, inizio: r.inizio, dataPrecedente: prevData, inizioPrecedente: prevStart },
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
