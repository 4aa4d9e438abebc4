/**
 * The values typed on the command line, one reader per kind: dates, times of day, days of the
 * year, `CODICE=ORE[:coll]`, ids, whole numbers, enumerations, and the few free texts with a
 * shape (e-mail, telephone, annualità, a list of service codes). Each turns the text into the typed
 * value the use cases take, or into the one-line Italian message that names the option
 * (`--data: data non valida "x" (…)`), which the command layer raises as a usage error (exit 2).
 *
 * No zod here: `--oggi` (context.ts) is read with the same `date` on every command, including
 * those that never load zod (`dote mostra`: start-up, README "Prestazioni"). The zod schemas of
 * the commands wrap these readers (kinds.ts), so each message is written once.
 */
import { parseTime, parseUserDate } from '../domain/dates.js';
import { FASCE, parseFascia } from '../domain/fascia.js';
import { MODALITA, parseModalita } from '../domain/modalita.js';
import type { Modalita } from '../bandi/schema.js';
import type { ServizioSpec } from '../domain/pip.js';
import { LIMITI, controlIn, lengthOf } from '../domain/testo.js';

/** A value read, or why not, as the whole message (it names the option). */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (message: string): Read<never> => ({ ok: false, message });

/** Italian agreement of "non valido/non valida" with the option's noun (la data, lo stato, la modalità). */
export type Genere = 'm' | 'f';
const nonValido = (g: Genere) => (g === 'f' ? 'non valida' : 'non valido');

/** A date, `GG/MM/AAAA` (also `G/M/AAAA`) or `AAAA-MM-GG`, to ISO `AAAA-MM-GG`. */
/** A month, `AAAA-MM` or `MM/AAAA` → `AAAA-MM`. */
export function mese(option: string, text: string): Read<string> {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(t);
  let y = m?.[1], mo = m ? +m[2]! : 0;
  if (!m) {
    m = /^(\d{1,2})\/(\d{4})$/.exec(t);
    y = m?.[2];
    mo = m ? +m[1]! : 0;
  }
  if (!y || mo < 1 || mo > 12) return no(`${option}: mese non valido "${text}" (formato AAAA-MM o MM/AAAA, es. 2022-03)`);
  return ok(`${y}-${String(mo).padStart(2, '0')}`);
}

/** A size in decimal units, `5MB`, `800 KB`, `2,5MB` → bytes (PEC providers state their limits so); at least 1 KB. */
export function dimensione(option: string, text: string): Read<number> {
  // At most three decimals: a thousandth of a KB is a byte, of a MB a KB; more would be rounded away.
  const m = /^\s*(\d+(?:[.,]\d{1,3})?)\s*(KB|MB)\s*$/i.exec(text);
  const n = m ? Number(m[1]!.replace(',', '.')) * (m[2]!.toUpperCase() === 'MB' ? 1_000_000 : 1_000) : NaN;
  if (!m || !(n >= 1_000 && n <= MAX_BYTES)) return no(`${option}: valore non valido "${text}": atteso un numero seguito da KB o MB (es. 5MB, 800KB), da 1KB a 2000MB`);
  return ok(Math.round(n));
}

/** The largest size taken (2000MB): a PEC message is limited to tens of MB; more is a typing slip. */
const MAX_BYTES = 2_000_000_000;

export function date(option: string, text: string): Read<string> {
  const d = parseUserDate(text);
  return d ? ok(d) : no(`${option}: data non valida "${text}" (formato GG/MM/AAAA o AAAA-MM-GG, es. 28/06/2022)`);
}

/** A time of day, `HH:MM`, `H:MM`, `HH.MM` or `H.MM`, to minutes since midnight. */
export function time(option: string, text: string): Read<number> {
  const t = parseTime(text);
  return t === null ? no(`${option}: orario non valido "${text}" (formato HH:MM, es. 09:30)`) : ok(t);
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_NAMES = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

/**
 * A day of the year (a patron saint's day), `GG/MM` (also `G/M`, `GG-MM`, `GG.MM`), to `MM-DD`.
 * 29/02 is accepted: a feast on that day exists only in leap years, but it is a real date.
 */
export function dayOfYear(option: string, text: string): Read<string> {
  const t = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(t);
  if (!m) return no(`${option}: giorno non valido "${t}" (formato GG/MM, es. 13/11)`);
  const d = Number(m[1]), mo = Number(m[2]);
  if (mo < 1 || mo > 12) return no(`${option}: mese non valido in "${t}" (formato GG/MM, es. 13/11)`);
  if (d < 1 || d > DAYS[mo - 1]!) return no(`${option}: il giorno ${t} non esiste (${MONTH_NAMES[mo - 1]} ha ${DAYS[mo - 1]} giorni)`);
  return ok(`${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** The most hours one service of a PIP can have (10.000): beyond is a typing slip, not a plan. */
export const MAX_ORE_SERVIZIO = 10_000;
/** The most hours a week has, for weekly contract hours. */
export const MAX_ORE_SETTIMANA = 168;

/**
 * Hours as typed, `\d+` with at most two decimals after a comma or point, to whole minutes; or
 * why not: more than two decimals (`1.00000000001` would be stored as 1 hour), not whole minutes
 * (0,01 is 36 seconds; 0,33 is 20 minutes, as field/hours reads it), more than `max` hours. The digits are never read as one float, so a
 * number of any length is compared, not turned into Infinity.
 */
function decimalHours(digits: string, max: number): number | 'decimali' | 'minuti' | 'troppe' {
  const [intPart, frac = ''] = digits.replace(',', '.').split('.') as [string, string?];
  if (frac.length > 2) return 'decimali';
  const whole = intPart.replace(/^0+(?=\d)/, '');
  const hundredths = Number(frac.padEnd(2, '0'));
  // Two decimals are a whole number of minutes rounded to the hundredth, as people write them
  // (0,33 is 20 minutes, 0,67 is 40): the minutes whose rounding gives back these hundredths.
  const minutes = Math.round((hundredths * 60) / 100);
  if (Math.round((minutes * 100) / 60) !== hundredths) return 'minuti';
  if (whole.length > String(max).length || Number(whole) > max || (Number(whole) === max && hundredths > 0)) return 'troppe';
  return Number(whole) * 60 + minutes;
}

/**
 * One `CODICE=ORE[:coll]`: `QT6=4`, `QD2=1,5`, `QF0=40:coll` (group hours). Hours take a decimal
 * comma or point, at most two decimals, and must be whole minutes (0,25 = 15 minutes; 0,01 is
 * refused); at most MAX_ORE_SERVIZIO.
 */
export function servizioOre(option: string, text: string): Read<ServizioSpec> {
  const m = /^\s*([A-Za-z0-9-]+)\s*=\s*(\d+(?:[.,]\d+)?)\s*(?::\s*(coll|collettiva|collettive|ind|individuale|individuali))?\s*$/i.exec(text);
  if (!m) return no(`${option} "${text}": formato CODICE=ORE oppure CODICE=ORE:coll (es. QT6=4, QF0=40:coll, QD2=1,5)`);
  const h = decimalHours(m[2]!, MAX_ORE_SERVIZIO);
  if (h === 'decimali') return no(`${option} "${text}": al massimo due decimali nelle ore (es. 1,5 o 0,25)`);
  if (h === 'minuti') return no(`${option} "${text}": ${m[2]} ore non sono un numero intero di minuti`);
  if (h === 'troppe') return no(`${option} "${text}": al massimo ${MAX_ORE_SERVIZIO.toLocaleString('it-IT')} ore`);
  return ok({
    servizio: m[1]!.toUpperCase(),
    minuti: h,
    collettiva: Boolean(m[3] && m[3].toLowerCase().startsWith('coll')),
  });
}

/** Hours in a week, greater than zero (`38`, `37,5`, `20.25`) → minutes; two decimals, whole minutes, at most 168. */
export function ore(option: string, text: string): Read<number> {
  const t = text.trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(t)) return no(`${option}: "${text}" non è un numero di ore (es. 38 o 37,5)`);
  const h = decimalHours(t, MAX_ORE_SETTIMANA);
  if (h === 'decimali') return no(`${option}: "${text}" ore: al massimo due decimali (es. 37,5)`);
  if (h === 'minuti') return no(`${option}: ${t} ore non sono un numero intero di minuti`);
  if (h === 'troppe') return no(`${option}: "${text}" ore: al massimo ${MAX_ORE_SETTIMANA} (le ore di una settimana)`);
  return h > 0 ? ok(h) : no(`${option}: le ore devono essere più di zero`);
}

/** The same service and mode twice in one list of `CODICE=ORE[:coll]`: the message, or null. */
export function servizioRepeated(option: string, specs: readonly ServizioSpec[]): string | null {
  const seen = new Set<string>();
  for (const s of specs) {
    const key = `${s.servizio}${s.collettiva ? ':coll' : ''}`;
    if (seen.has(key)) return `${option} ${key} indicato due volte`;
    seen.add(key);
  }
  return null;
}

/** A record's id, a whole number from 1 (an erogazione: `37`). `what` names it: "id di erogazione". */
export function id(what: string, text: string): Read<number> {
  const t = text.trim();
  return /^\d+$/.test(t) && Number.isSafeInteger(Number(t)) && Number(t) >= 1 ? ok(Number(t)) : no(`${what} non valido: "${text}" (un numero, es. 37)`);
}

/** A whole number in [min, max]; `expected` says what in words ("un numero di giorni, es. 15"). */
export function integer(option: string, text: string, o: { min: number; max: number; expected: string; genere?: Genere }): Read<number> {
  const t = text.trim();
  const n = Number(t);
  return /^\d+$/.test(t) && Number.isSafeInteger(n) && n >= o.min && n <= o.max ? ok(n) : no(`${option}: "${text}" ${nonValido(o.genere ?? 'm')} (${o.expected})`);
}

/** A Cremona fascia di intensità di aiuto, read as the CSV column is (domain/fascia.ts: 1-4). */
export function fascia(option: string, text: string): Read<number> {
  const f = parseFascia(text);
  return f === null ? no(`${option}: "${text}" non valida (${FASCE.slice(0, -1).join(', ')} o ${FASCE.at(-1)})`) : ok(f);
}

/** A delivery mode, read as the CSV column is (domain/modalita.ts: also "in presenza", "a distanza"…). */
export function modalita(option: string, text: string): Read<Modalita> {
  const m = parseModalita(text);
  return m === undefined ? no(`${option}: "${text}" non valida (${MODALITA.join(', ')})`) : ok(m);
}

export { LIMITI } from '../domain/testo.js';

/** What is wrong with a text to be stored (domain/testo.ts), or null. */
export function testoProblem(text: string, max: number): string | null {
  const c = controlIn(text);
  if (c) return `carattere di controllo ${c.carattere} non ammesso (posizione ${c.posizione})`;
  const n = lengthOf(text);
  return n > max ? `testo troppo lungo: ${n.toLocaleString('it-IT')} caratteri, al massimo ${max.toLocaleString('it-IT')}` : null;
}

/** Free text as given, with no control character and at most `max` characters. */
export function testo(option: string, text: string, max: number): Read<string> {
  const why = testoProblem(text, max);
  return why ? no(`${option}: ${why}`) : ok(text);
}

/** Free text as stored: trimmed, inner runs of spaces made one. */
const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');

/** An e-mail (or PEC) address, lightly: something@domain.tld, no spaces. */
export function email(option: string, text: string): Read<string> {
  const v = tidy(text);
  const why = testoProblem(v, LIMITI.nome);
  if (why) return no(`${option}: ${why}`);
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) ? ok(v) : no(`${option}: indirizzo non valido "${v}" (es. nome@dominio.it)`);
}

/** A telephone number: digits, spaces, `. / ( ) -`, a `+` in front. */
export function telefono(option: string, text: string): Read<string> {
  const v = tidy(text);
  return /^\+?[0-9][0-9 ./()-]{4,}$/.test(v) ? ok(v) : no(`${option}: numero non valido "${v}" (cifre, spazi, + all'inizio; es. 0372 123456)`);
}

/** An annualità: `2019-2020`, `2019/2020` (consecutive years) or `2021`, to `2019-2020` / `2021`. */
export function annualita(option: string, text: string): Read<string> {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/]\s*(\d{4})$/.exec(t);
  if (m && Number(m[2]) === Number(m[1]) + 1) return ok(`${m[1]}-${m[2]}`);
  if (!m && /^\d{4}$/.test(t)) return ok(t);
  return no(`${option}: "${text}" non valida (es. 2019-2020 oppure 2021)`);
}

/**
 * Service codes separated by `,` or `;`: the bando codes (QD2, Q0C, …) upper case, the words
 * `inserimento` / `mantenimento` (the employer-side results the repeat rule looks at) lower case;
 * each once.
 */
export function codiciServizio(option: string, text: string): Read<string[]> {
  const out: string[] = [];
  for (const raw of text.split(/[,;]/)) {
    const t = raw.trim();
    if (!t) continue;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(t)) return no(`${option}: "${t}" non è un codice di servizio (es. QD2,Q0C,inserimento,mantenimento)`);
    const low = t.toLowerCase();
    const v = low === 'inserimento' || low === 'mantenimento' ? low : t.toUpperCase();
    if (!out.includes(v)) out.push(v);
  }
  return ok(out);
}

/**
 * One of a list, matched after `normalise` (by default: trimmed, lower case) against the
 * normalised values and aliases; the message lists the values.
 */
export function oneOf<T extends string | number>(
  option: string,
  text: string,
  values: readonly T[],
  o: { genere?: Genere; normalise?: (s: string) => string; aliases?: Readonly<Record<string, T>> } = {},
): Read<T> {
  const norm = o.normalise ?? ((s: string) => s.trim().toLowerCase());
  const key = norm(text);
  const found = values.find((v) => norm(String(v)) === key) ?? (o.aliases && Object.hasOwn(o.aliases, key) ? o.aliases[key] : undefined);
  return found !== undefined ? ok(found) : no(`${option}: "${text}" ${nonValido(o.genere ?? 'm')} (${values.join(', ')})`);
}
