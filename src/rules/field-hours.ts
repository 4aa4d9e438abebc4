import { detach } from '../csv/strings.js';
import { formatTime } from '../domain/dates.js';

/**
 * field/hours: `ore` is not a number (decimal comma or point, cli.md) or does not match end minus
 * start. Written hours are rounded by people (20 minutes is `0,33`): a difference under one
 * minute is accepted, `0,3` for 20 minutes is not.
 */
export const fieldHours = {
  id: 'field/hours',
  parser(): (raw: string) => number | string {
    const cache = new Map<string, number | string>();
    // Consecutive rows often repeat a value (a day's rows, a session's times): compare first.
    let lastRaw = '';
    let lastValue: number | string = '';
    return (raw) => {
      if (raw === lastRaw) return lastValue;
      let v = cache.get(raw);
      if (v === undefined) {
        raw = detach(raw);
        v = /^\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) * 60 : `ore "${raw}" non numeriche: scrivi ad esempio 1,5 (una e mezza)`;
        if (cache.size > 50_000) cache.clear();
        cache.set(raw, v);
      }
      lastRaw = raw;
      lastValue = v;
      return v;
    };
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
