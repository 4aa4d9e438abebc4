import { cachedParser } from '../csv/strings.js';
import { formatTime } from '../domain/dates.js';

/**
 * field/hours: `ore` is not a number (decimal comma or point, cli.md) or does not match end minus
 * start. Written hours are rounded by people (20 minutes is `0,33`): a difference under one
 * minute is accepted, `0,3` for 20 minutes is not.
 */
export const fieldHours = {
  id: 'field/hours',
  parser(): (raw: string) => number | string {
    return cachedParser((raw) => (/^\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) * 60 : `ore "${raw}" non numeriche: scrivi ad esempio 1,5 (una e mezza)`));
  },
  /** The message when `ore` (as minutes) differs from end minus start, else null. */
  mismatch(raw: string, oreMinutes: number, inizio: number, fine: number): string | null {
    const actual = fine - inizio;
    if (Math.abs(oreMinutes - actual) < 1) return null;
    const h = actual / 60;
    const expected = (Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0+$/, '')).replace('.', ',');
    return `ore ${raw}, ma dalle ${formatTime(inizio)} alle ${formatTime(fine)} sono ${expected}`;
  },
} as const;
