import type { Said } from './types.js';
import { cachedParser } from '../csv/strings.js';
import { dayNumber, formatDateIt, isoFromDay, parseUserDate } from '../domain/dates.js';

export interface ParsedDate {
  iso: string;
  day: number;
}

/**
 * field/date: a date that is not a real calendar date, or not written `dd/mm/yyyy`, `d/m/yyyy`
 * or `yyyy-mm-dd` (docs/csv.md, Valori). A time of midnight after the date (`21/03/2022 00:00:00`,
 * as spreadsheets export date cells) is accepted. Parsing is by hand with a cache per distinct
 * text: a calendar has few distinct dates, and a date library per row doubles the check time
 * (measured on the benchmark files). Every message names its column (a row has two dates: `data`, `registrata_il`)
 * and the usual spreadsheet slips say what the date was meant to be: a date cell left in General
 * format (a serial number), a two-digit year, the weekday in front.
 */
const messages = {
  inesistente: (d: { testo: string; colonna: string }) => `data inesistente nella colonna ${d.colonna}: "${d.testo}"`,
  formato: (d: { testo: string; colonna: string }) => `data "${d.testo}" nella colonna ${d.colonna} non nel formato gg/mm/aaaa o aaaa-mm-gg`,
  seriale: (d: { testo: string; colonna: string; data: string }) =>
    `data "${d.testo}" nella colonna ${d.colonna} scritta come numero (una cella di data in formato Generale del foglio di calcolo): è il ${formatDateIt(d.data)}, formatta la colonna come data`,
  annoCorto: (d: { testo: string; colonna: string; data: string }) => `data "${d.testo}" nella colonna ${d.colonna} con l'anno di due cifre: scrivi ${formatDateIt(d.data)}`,
  giornoSettimana: (d: { testo: string; colonna: string; data: string }) =>
    `data "${d.testo}" nella colonna ${d.colonna} con il giorno della settimana davanti: scrivi solo ${formatDateIt(d.data)}`,
};

type DateSaid = Said<typeof messages>;
/** What is wrong with a date's text, before it is known which column it came from. */
export type DateProblem = { [K in DateSaid['messageId']]: { messageId: K; data: Omit<Extract<DateSaid, { messageId: K }>['data'], 'colonna'> } }[DateSaid['messageId']];

const inColumn = new WeakMap<DateProblem, Map<string, DateSaid>>();

export const fieldDate = {
  id: 'field/date',
  messages,
  /** A date as written to its ISO form and day number, or what is wrong with it. */
  parser(): (raw: string) => ParsedDate | DateProblem {
    return cachedParser(parseDate);
  },
  /**
   * The problem as a finding about column `colonna`; the same for every row with the same text
   * (the parser returns one problem per distinct text): a slip repeated down a column is the case.
   */
  at(p: DateProblem, colonna: string): DateSaid {
    let byColumn = inColumn.get(p);
    if (!byColumn) inColumn.set(p, (byColumn = new Map()));
    let said = byColumn.get(colonna);
    if (!said) byColumn.set(colonna, (said = { messageId: p.messageId, data: { ...p.data, colonna } } as DateSaid));
    return said;
  },
} as const;

/**
 * Spreadsheet serial days (Excel, LibreOffice): day 1 is 1899-12-31 and 1900 counts a 29 February
 * that did not exist, so from serial 61 on, a serial is days after 1899-12-30. Serials from 2000
 * to 2099 only: a five-digit number is a date cell only where a delivery's date can be.
 */
const SERIAL_EPOCH = dayNumber('1899-12-30');
const SERIAL_FROM = dayNumber('2000-01-01') - SERIAL_EPOCH;
const SERIAL_TO = dayNumber('2099-12-31') - SERIAL_EPOCH;

/** Italian weekday names, whole or short (`mer`, `mer.`), with or without the accent. */
const WEEKDAY = /^(lun|mar|mer|gio|ven|sab|dom)[a-zàèéìòù]*\.?,?\s+(\S.*)$/i;

function parseDate(raw: string): ParsedDate | DateProblem {
  const text = raw.replace(/\s+00:00(:00)?$/, '');
  const iso = parseUserDate(text);
  if (iso) return { iso, day: dayNumber(iso) };
  const t = text.trim();
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$|^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) return { messageId: 'inesistente', data: { testo: raw } };
  if (/^\d{5}$/.test(t) && +t >= SERIAL_FROM && +t <= SERIAL_TO) return { messageId: 'seriale', data: { testo: raw, data: isoFromDay(SERIAL_EPOCH + +t) } };
  const short = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})$/.exec(t);
  const meant = short ? parseUserDate(`${short[1]}/${short[3]}/20${short[4]}`) : null;
  if (meant) return { messageId: 'annoCorto', data: { testo: raw, data: meant } };
  const wd = WEEKDAY.exec(t);
  const rest = wd ? parseUserDate(wd[2]!.replace(/\s+00:00(:00)?$/, '')) : null;
  if (rest) return { messageId: 'giornoSettimana', data: { testo: raw, data: rest } };
  return { messageId: 'formato', data: { testo: raw } };
}
