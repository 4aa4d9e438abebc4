import type { Said } from './types.js';
import { cachedParser } from '../csv/strings.js';
import { formatTime } from '../domain/dates.js';

/**
 * field/hours: `ore` is not a number (decimal comma or point, docs/comandi.md) or does not match end minus
 * start. Written hours are rounded by people (20 minutes is `0,33`): a difference under one
 * minute is accepted, `0,3` for 20 minutes is not.
 */
const messages = {
  nonNumeriche: (d: { ore: string }) => `ore "${d.ore}" non numeriche: scrivi ad esempio 1,5 (una e mezza)`,
  diverse: (d: { ore: string; inizio: number; fine: number }) => {
    const h = (d.fine - d.inizio) / 60;
    const expected = (Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0+$/, '')).replace('.', ',');
    return `ore ${d.ore}, ma dalle ${formatTime(d.inizio)} alle ${formatTime(d.fine)} sono ${expected}`;
  },
};

export const fieldHours = {
  id: 'field/hours',
  messages,
  /** `ore` as written to minutes, or what is wrong with it. */
  parser(): (raw: string) => number | Said<typeof messages> {
    return cachedParser((raw) => (/^\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) * 60 : { messageId: 'nonNumeriche' as const, data: { ore: raw } }));
  },
  /** What is wrong when `ore` (as minutes) differs from end minus start, else null. */
  mismatch(raw: string, oreMinutes: number, inizio: number, fine: number): Said<typeof messages> | null {
    if (Math.abs(oreMinutes - (fine - inizio)) < 1) return null;
    return { messageId: 'diverse', data: { ore: raw, inizio, fine } };
  },
} as const;
