/**
 * Codice fiscale of a natural person (D.M. 23/12/1976, Agenzia delle Entrate): 16 characters
 *   1-6   surname and name consonants/vowels (letters)
 *   7-8   year of birth (two digits)
 *   9     month letter A B C D E H L M P R S T (January … December)
 *   10-11 day of birth, +40 for women (01-31 men, 41-71 women)
 *   12-15 codice catastale of the comune (or Z + code of the foreign country)
 *   16    check character.
 * Omocodia: when two people would get the same code, the Agenzia replaces digits (rightmost
 * first) in positions 7, 8, 10, 11, 13, 14, 15 with L M N P Q R S T U V (0 … 9). The check
 * character is computed on the code as written (with the letters); date and comune are decoded
 * back. We accept a letter in any of those positions without enforcing the right-to-left order:
 * the check character already catches typos, and the order adds nothing to identify a person.
 *
 * Pure: no I/O, no clock unless `today` is omitted.
 */

export type CodiceFiscaleResult =
  | { ok: true; cf: string; dataNascita: string; sesso: 'M' | 'F'; codiceComune: string }
  | { ok: false; reason: string };

const MONTHS = 'ABCDEHLMPRST';
const OMOCODE = 'LMNPQRSTUV';
/** 0-based indexes of the positions that hold digits (or their omocode letters). */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

/** Values of characters in odd positions (1st, 3rd, … 15th), for digits 0-9 and letters A-Z. */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

const PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

function charIndex(c: string): number {
  const code = c.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 65; // digit value, or 0 for A … 25 for Z
}

/**
 * Sum of odd/even position values mod 26, as a letter. The codice fiscale check character (on its
 * first 15 characters) and the CIN of an Italian IBAN (on ABI + CAB + account) both use it.
 */
export function oddEvenCheckLetter(s: string): string {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const v = charIndex(s[i]!);
    // Positions are counted from 1: index 0 is the 1st (odd) position.
    sum += i % 2 === 0 ? ODD_VALUES[v]! : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The check character (16th) for the first 15 characters of a code. */
export function checkCharacter(first15: string): string {
  return oddEvenCheckLetter(first15.slice(0, 15));
}

/** Replaces omocode letters with their digits in the digit positions. */
function decodeOmocodia(cf: string): string {
  const chars = cf.split('');
  for (const i of DIGIT_POSITIONS) {
    const k = OMOCODE.indexOf(chars[i]!);
    if (k >= 0) chars[i] = String(k);
  }
  return chars.join('');
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysIn(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const MONTH_NAMES = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

/**
 * Validates a codice fiscale and decodes birth date, sex and comune.
 * `today` (ISO date, default the system date) fixes the century: the code holds only two digits
 * of the year, so we take the most recent year not after today — 2000+yy, unless that birth date
 * would be after `today`, then 1900+yy. (With today 2024-05-10: "85" → 1985, "10" → 2010,
 * "24" with a June date → 1924.) A person over 100 gets the wrong century; rare for this
 * caseload and unavoidable from the code alone.
 */
export function checkCodiceFiscale(input: string, today?: string): CodiceFiscaleResult {
  const cf = input.replace(/\s+/g, '').toUpperCase();
  if (cf.length === 0) return { ok: false, reason: 'codice fiscale vuoto' };
  if (cf.length !== 16) {
    return { ok: false, reason: `il codice fiscale deve avere 16 caratteri (ne ha ${cf.length})` };
  }
  if (!/^[A-Z0-9]+$/.test(cf)) return { ok: false, reason: 'il codice fiscale contiene caratteri non ammessi (solo lettere e cifre)' };
  if (!PATTERN.test(cf)) {
    return { ok: false, reason: explainPattern(cf) };
  }
  const expected = checkCharacter(cf.slice(0, 15));
  if (cf[15] !== expected) {
    return { ok: false, reason: `carattere di controllo errato: "${cf[15]}", atteso "${expected}" (codice mal trascritto?)` };
  }
  const plain = decodeOmocodia(cf);
  const yy = Number(plain.slice(6, 8));
  const month = MONTHS.indexOf(plain[8]!) + 1;
  let day = Number(plain.slice(9, 11));
  let sesso: 'M' | 'F' = 'M';
  if (day >= 41 && day <= 71) {
    sesso = 'F';
    day -= 40;
  } else if (day < 1 || day > 31) {
    return { ok: false, reason: `giorno di nascita ${plain.slice(9, 11)} non valido (01-31 per gli uomini, 41-71 per le donne)` };
  }
  const todayIso = today ?? new Date().toISOString().slice(0, 10);
  let year = 2000 + yy;
  const candidate = `${year}-${pad(month)}-${pad(Math.min(day, daysIn(year, month)))}`;
  if (candidate > todayIso) year = 1900 + yy;
  if (day > daysIn(year, month)) {
    return { ok: false, reason: `data di nascita impossibile: ${day} ${MONTH_NAMES[month - 1]} ${year}` };
  }
  return {
    ok: true,
    cf,
    dataNascita: `${year}-${pad(month)}-${pad(day)}`,
    sesso,
    codiceComune: plain.slice(11, 15),
  };
}

/**
 * What is wrong with a codice fiscale, in the words every command uses (`destinatario aggiungi`,
 * `nuova` and its questions), or null when it is valid.
 */
export function codiceFiscaleProblem(input: string, today?: string): string | null {
  const r = checkCodiceFiscale(input, today);
  return r.ok ? null : invalidCodiceFiscale(r.reason);
}

/** `codice fiscale non valido: <reason>`. */
export function invalidCodiceFiscale(reason: string): string {
  return `codice fiscale non valido: ${reason}`;
}

function explainPattern(cf: string): string {
  if (!/^[A-Z]{6}$/.test(cf.slice(0, 6))) return 'i primi 6 caratteri del codice fiscale (cognome e nome) devono essere lettere';
  if (!/^[0-9LMNPQRSTUV]{2}$/.test(cf.slice(6, 8))) return `anno di nascita "${cf.slice(6, 8)}" non valido (caratteri 7-8)`;
  if (!MONTHS.includes(cf[8]!)) return `lettera del mese "${cf[8]}" non valida (carattere 9: ammesse ${MONTHS.split('').join(' ')})`;
  if (!/^[0-9LMNPQRSTUV]{2}$/.test(cf.slice(9, 11))) return `giorno di nascita "${cf.slice(9, 11)}" non valido (caratteri 10-11)`;
  if (!/^[A-Z][0-9LMNPQRSTUV]{3}$/.test(cf.slice(11, 15))) return `codice del comune "${cf.slice(11, 15)}" non valido (caratteri 12-15: una lettera e tre cifre)`;
  return `carattere di controllo "${cf[15]}" non valido (deve essere una lettera)`;
}

/** Full years of age on `onIso` for someone born on `dataNascita` (both ISO). */
export function ageOn(dataNascita: string, onIso: string): number {
  const by = Number(dataNascita.slice(0, 4)), bmd = dataNascita.slice(5, 10);
  const oy = Number(onIso.slice(0, 4)), omd = onIso.slice(5, 10);
  // Born on 29/02: the birthday counts on 01/03 in non-leap years (omd "02-28" < "02-29").
  return oy - by - (omd < bmd ? 1 : 0);
}
