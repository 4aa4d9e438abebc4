/**
 * Dates and times in the domain: dates are ISO strings `YYYY-MM-DD` or integer day numbers (days
 * since 1970-01-01), times are minutes since midnight. Parsing is hand-written (and cached by the
 * callers in the CSV hot loop): date-fns `parse` per row doubles the check time (measured).
 */
import { createRequire } from 'node:module';
import type { addMonths as AddMonths } from 'date-fns/addMonths';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isRealDate(+m[1]!, +m[2]!, +m[3]!);
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Reads a user date: `dd/mm/yyyy`, `d/m/yyyy` (also with `-` or `.` between Italian parts) or
 * `yyyy-mm-dd`. Returns the ISO date, or null when the text is not a real calendar date.
 */
export function parseUserDate(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
    return isRealDate(y, mo, d) ? iso(y, mo, d) : null;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const d = +m[1]!, mo = +m[2]!, y = +m[3]!;
    return isRealDate(y, mo, d) ? iso(y, mo, d) : null;
  }
  return null;
}

/** `HH:MM`, `H:MM`, `HH.MM`, `H.MM` (Italian usage) to minutes since midnight, or null. */
export function parseTime(s: string): number | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(s.trim());
  if (!m) return null;
  const h = +m[1]!, min = +m[2]!;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** Days since 1970-01-01 for an ISO date (UTC arithmetic, no time zones involved). */
export function dayNumber(isoDate: string): number {
  const y = +isoDate.slice(0, 4), m = +isoDate.slice(5, 7), d = +isoDate.slice(8, 10);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function isoFromDay(day: number): string {
  const dt = new Date(day * 86_400_000);
  return iso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** 0 = Monday … 6 = Sunday (ISO). 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday that starts the ISO week of `day`: a key for weekly totals. */
export function isoWeekStart(day: number): number {
  return day - weekday(day);
}

export function addDays(isoDate: string, n: number): string {
  return isoFromDay(dayNumber(isoDate) + n);
}

/**
 * date-fns is loaded on the first month added (a dote's end: nuova, ammetti, pip valida), not with
 * this module, which every command loads: importing it costs ~4 ms of each start-up (its
 * package.json is 199 KB; README "Prestazioni"). `require` because the use is synchronous.
 */
let addMonthsFns: typeof AddMonths | undefined;

/**
 * Calendar months, clamped to the month's last day (31/01 + 1 month = 28/02 or 29/02): date-fns'
 * month arithmetic, on the local calendar date at noon so that no time zone or DST change can
 * move the day.
 */
export function addMonths(isoDate: string, n: number): string {
  addMonthsFns ??= (createRequire(import.meta.url)('date-fns/addMonths') as { addMonths: typeof AddMonths }).addMonths;
  const dt = addMonthsFns(new Date(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10), 12), n);
  return iso(dt.getFullYear(), dt.getMonth() + 1, dt.getDate());
}

/** `28/06/2022` */
export function formatDateIt(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(toIso) - dayNumber(fromIso);
}
