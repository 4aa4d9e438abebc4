import type { Said } from './types.js';
import { cachedParser } from '../csv/strings.js';
import { formatTime } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';

/**
 * field/hours: `ore` is not a duration or does not match end minus start. A duration is a number
 * of hours with a decimal comma or point (docs/csv.md) or hours and minutes, `H:MM` up to `HHH:MM`
 * (LibreOffice and Excel write a `[hh]:mm` cell so): `1,5`, `1.5`, `1:30` and `01:30` are all 90
 * minutes. Written hours are rounded by people (20 minutes is `0,33`): a difference under one
 * minute is accepted, `0,3` for 20 minutes is not.
 */
const messages = {
  nonNumeriche: (d: { ore: string }) => `ore "${d.ore}" non numeriche: scrivi ad esempio 1,5 o 1:30 (un'ora e mezza)`,
  minutiOltre: (d: { ore: string }) => `ore "${d.ore}": i minuti vanno da 00 a 59; scrivi ad esempio 1:30 o 1,5 per un'ora e mezza`,
  diverse: (d: { ore: string; inizio: number; fine: number }) =>
    `ore ${d.ore}, ma dalle ${formatTime(d.inizio)} alle ${formatTime(d.fine)} sono ${formatDurata(d.fine - d.inizio)}`,
};

const DECIMAL = /^\d+([.,]\d+)?$/;
const HOURS_MINUTES = /^(\d{1,3}):(\d{2})$/;

/** `ore` as written to minutes, or what is wrong with it. */
function parseOre(raw: string): number | Said<typeof messages> {
  if (DECIMAL.test(raw)) return Number(raw.replace(',', '.')) * 60;
  const hm = HOURS_MINUTES.exec(raw);
  if (!hm) return { messageId: 'nonNumeriche', data: { ore: raw } };
  const minuti = Number(hm[2]);
  if (minuti > 59) return { messageId: 'minutiOltre', data: { ore: raw } };
  return Number(hm[1]) * 60 + minuti;
}

export const fieldHours = {
  id: 'field/hours',
  messages,
  /** `ore` as written to minutes, or what is wrong with it (one cache per column). */
  parser(): (raw: string) => number | Said<typeof messages> {
    return cachedParser(parseOre);
  },
  /** What is wrong when `ore` (as minutes) differs from end minus start, else null. */
  mismatch(raw: string, oreMinutes: number, inizio: number, fine: number): Said<typeof messages> | null {
    if (Math.abs(oreMinutes - (fine - inizio)) < 1) return null;
    return { messageId: 'diverse', data: { ore: raw, inizio, fine } };
  },
} as const;
