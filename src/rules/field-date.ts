import type { Said } from './types.js';
import { cachedParser } from '../csv/strings.js';
import { dayNumber, parseUserDate } from '../domain/dates.js';

export interface ParsedDate {
  iso: string;
  day: number;
}

/**
 * field/date: a date that is not a real calendar date, or not written `dd/mm/yyyy`, `d/m/yyyy`
 * or `yyyy-mm-dd` (docs/csv.md, Valori). A time of midnight after the date (`21/03/2022 00:00:00`,
 * as spreadsheets export date cells) is accepted. Parsing is by hand with a cache per distinct
 * text: a calendar has few distinct dates, and a date library per row doubles the check time
 * (measured on the benchmark files).
 */
const messages = {
  inesistente: (d: { testo: string }) => `data inesistente: "${d.testo}"`,
  formato: (d: { testo: string }) => `data "${d.testo}" non nel formato gg/mm/aaaa o aaaa-mm-gg`,
};

export const fieldDate = {
  id: 'field/date',
  messages,
  /** A date as written to its ISO form and day number, or what is wrong with it. */
  parser(): (raw: string) => ParsedDate | Said<typeof messages> {
    return cachedParser(parseDate);
  },
} as const;

function parseDate(raw: string): ParsedDate | Said<typeof messages> {
  const text = raw.replace(/\s+00:00(:00)?$/, '');
  const iso = parseUserDate(text);
  if (iso) return { iso, day: dayNumber(iso) };
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$|^\d{4}-\d{1,2}-\d{1,2}$/.test(text.trim())) return { messageId: 'inesistente', data: { testo: raw } };
  return { messageId: 'formato', data: { testo: raw } };
}
