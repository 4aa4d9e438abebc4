/**
 * Italian public holidays, computed here rather than with date-holidays: the national list plus
 * Easter Monday is small and stable, date-holidays costs ~200 ms to import and ~40 MB, and it has
 * no patron days for our comuni anyway. Patron days come from each sede's
 * configuration (the Job Coach manual: the patron saint's day of the sede's comune).
 */
import { dayNumber, isoFromDay, weekday } from './dates.js';

/** Gregorian Easter Sunday (anonymous Gregorian algorithm), as a day number. */
export function easterSunday(year: number): number {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** Fixed national holidays (L. 260/1949 and later), as MM-DD. */
const FIXED: Record<string, string> = {
  '01-01': 'Capodanno',
  '01-06': 'Epifania',
  '04-25': 'Festa della Liberazione',
  '05-01': 'Festa del Lavoro',
  '06-02': 'Festa della Repubblica',
  '08-15': 'Ferragosto',
  '11-01': 'Ognissanti',
  '12-08': 'Immacolata Concezione',
  '12-25': 'Natale',
  '12-26': 'Santo Stefano',
};

const easterCache = new Map<number, number>();

/**
 * The name of the national holiday on this day, "domenica" for a Sunday, or null.
 * `patrono` is the sede's patron day as MM-DD (e.g. Cremona "11-13").
 */
export function holidayName(day: number, patrono?: string | null): string | null {
  const isoDate = isoFromDay(day);
  const md = isoDate.slice(5);
  const fixed = FIXED[md];
  if (fixed) return fixed;
  const year = +isoDate.slice(0, 4);
  let easter = easterCache.get(year);
  if (easter === undefined) {
    easter = easterSunday(year);
    easterCache.set(year, easter);
  }
  if (day === easter) return 'Pasqua';
  if (day === easter + 1) return "Lunedì dell'Angelo (Pasquetta)";
  if (patrono && md === patrono) return 'festa del santo patrono';
  if (weekday(day) === 6) return 'domenica';
  return null;
}

/** Working day: Monday to Friday, not a national holiday (the Cremona bando, Working days). */
export function isWorkingDay(day: number, patrono?: string | null): boolean {
  return weekday(day) < 5 && holidayName(day, patrono) === null;
}

/**
 * The date `n` working days after `fromIso` (the start day itself does not count): the day by
 * which something due "entro n giorni lavorativi" must happen.
 */
export function addWorkingDays(fromIso: string, n: number): string {
  let day = dayNumber(fromIso);
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDay(day)) left--;
  }
  return isoFromDay(day);
}
