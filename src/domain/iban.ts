/**
 * IBAN (ISO 13616): two letters of country, two check digits, the national account number (BBAN).
 * Valid when the number read as "BBAN + country + check digits", letters as 10 … 35, is 1 mod 97.
 * Italian IBANs (27 characters) carry a BBAN of CIN (one letter), ABI (5 digits), CAB (5 digits)
 * and the account (12 letters or digits); the CIN is itself a check letter on ABI+CAB+account,
 * computed with the odd/even tables of the codice fiscale (CNR/ABI rules), so we check it too: a
 * payment sent to a mistyped IBAN is a lost liquidation. Other countries get the mod-97 check and
 * the generic length (15-34), not a per-country table: the operators are Italian, a foreign IBAN
 * is rare here, and its check digits still catch typos.
 */
import { oddEvenCheckLetter } from './codice-fiscale.js';

export type IbanResult = { ok: true; iban: string } | { ok: false; reason: string };

/** Removes spaces (and the dashes some forms print), upper case. */
export function normalizeIban(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** Groups of four, as printed on forms: `IT60 X054 2811 1010 0000 0123 456`. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

function mod97(s: string): number {
  let rest = 0;
  for (const c of s) {
    const code = c.charCodeAt(0);
    const v = code >= 65 ? String(code - 55) : c;
    for (const d of v) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest;
}

/** The CIN check letter on ABI + CAB + account (22 characters). */
export function italianCin(abiCabConto: string): string {
  return oddEvenCheckLetter(abiCabConto);
}

export function checkIban(input: string): IbanResult {
  const iban = normalizeIban(input);
  if (!iban) return { ok: false, reason: 'IBAN vuoto' };
  if (!/^[A-Z0-9]+$/.test(iban)) return { ok: false, reason: 'IBAN con caratteri non ammessi (solo lettere e cifre)' };
  if (!/^[A-Z]{2}[0-9]{2}/.test(iban)) return { ok: false, reason: "l'IBAN inizia con la sigla del paese (2 lettere) e 2 cifre di controllo, es. IT60" };
  if (iban.startsWith('IT')) {
    if (iban.length !== 27) return { ok: false, reason: `un IBAN italiano ha 27 caratteri (questo ne ha ${iban.length})` };
    if (!/^IT[0-9]{2}[A-Z][0-9]{5}[0-9]{5}[A-Z0-9]{12}$/.test(iban)) {
      return { ok: false, reason: 'IBAN italiano non ben formato: dopo IT e le 2 cifre di controllo vengono il CIN (una lettera), ABI (5 cifre), CAB (5 cifre) e il conto (12 caratteri)' };
    }
  } else if (iban.length < 15 || iban.length > 34) {
    return { ok: false, reason: `lunghezza dell'IBAN non valida: ${iban.length} caratteri (da 15 a 34)` };
  }
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) {
    return { ok: false, reason: 'cifre di controllo dell\'IBAN errate (codice mal trascritto?)' };
  }
  if (iban.startsWith('IT')) {
    const cin = italianCin(iban.slice(5));
    if (cin !== iban[4]) return { ok: false, reason: `CIN dell'IBAN errato: "${iban[4]}", atteso "${cin}"` };
  }
  return { ok: true, iban };
}
