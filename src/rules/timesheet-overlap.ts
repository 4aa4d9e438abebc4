import type { Rule } from './types.js';
import { formatDateIt, formatTime } from '../domain/dates.js';
import { Interner, KINDS, dayKey, kindIndex } from './delivery-keys.js';

const ID = 'timesheet/overlap';
const FILE_SPAN = 2 ** 32;

/**
 * timesheet/overlap: a professional in two individual deliveries at the same time, across files
 * and PIPs (Cremona: "quando un professionista lavora su più PIP nello stesso periodo … calendario
 * e timesheet devono riconciliarsi"). Intervals overlap when they share a positive length
 * (10:00-11:00 and 11:00-12:00 do not). Two group (collettiva) deliveries are one group session,
 * not an overlap; an individual delivery during a group session is. Rows are compared with rows of
 * the same kind only: a calendar row and its own timesheet row are the same delivery. The later
 * row in stream order is reported, naming the earlier one.
 *
 * State: per (professional, kind, day) a flat number array of [interval, reference] pairs, where
 * interval = (start × 2048 + end) × 2 + group and reference = file × 2^32 + line, or -id for an
 * erogazione.
 */
export const timesheetOverlap: Rule = {
  id: ID,
  create(env) {
    const profs = new Interner();
    const files = new Interner();
    const slots = new Map<number, number[]>();
    const describe = (ref: number, start: number, end: number) => {
      const where = ref < 0 ? `nell'erogazione ${-ref}` : `in ${files.values[Math.floor(ref / FILE_SPAN)]}:${ref % FILE_SPAN}`;
      return `${where} (${formatTime(start)}-${formatTime(end)})`;
    };
    return {
      row(r) {
        if (r.fine <= r.inizio) return;
        const bando = env.bandoOf(r);
        const s = bando ? env.setting(bando, ID) : { severita: 'error' as const, parametri: {} };
        if (!s) return;
        const key = dayKey(profs.id(r.professionista) * KINDS + kindIndex(r.kind), r.day);
        let list = slots.get(key);
        if (!list) {
          list = [];
          slots.set(key, list);
        }
        const group = r.collettiva ? 1 : 0;
        for (let i = 0; i < list.length; i += 2) {
          const packed = list[i]!;
          const otherGroup = packed & 1;
          if (group && otherGroup) continue;
          const t = (packed - otherGroup) / 2;
          const end = t % 2048;
          const start = (t - end) / 2048;
          if (r.inizio < end && start < r.fine) {
            env.report(r, {
              rule: ID,
              severity: s.severita,
              message:
                `${r.professionista} impegnato il ${formatDateIt(r.data)} dalle ${formatTime(r.inizio)} alle ${formatTime(r.fine)} ` +
                `e nello stesso momento ${describe(list[i + 1]!, start, end)}`,
            });
            break;
          }
        }
        const ref = r.kind === 'erogazione' && r.erogazioneId !== undefined ? -r.erogazioneId : files.id(r.file) * FILE_SPAN + r.line;
        list.push((r.inizio * 2048 + r.fine) * 2 + group, ref);
      },
    };
  },
};
