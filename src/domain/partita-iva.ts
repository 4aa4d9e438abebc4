/**
 * Partita IVA (DPR 633/1972, art. 35; DM 23/12/1976): eleven digits, the first seven the
 * taxpayer's number, the next three the office (provincial code), the last a check digit computed
 * like Luhn's: digits in odd places (1st, 3rd, …, 9th) added as they are, digits in even places
 * doubled (minus 9 when over 9), and the check digit brings the sum to a multiple of 10. A
 * D1-IMP claim rests on it (the business started): a mistyped number is a rejected request.
 */
export type PartitaIvaResult = { ok: true; partitaIva: string } | { ok: false; reason: string };

/** Removes spaces and dots, and the `IT` prefix of the VAT form (`IT01234567897`). */
export function normalizePartitaIva(input: string): string {
  return input.replace(/[\s.]+/g, '').replace(/^IT/i, '');
}

/** The check digit of the first ten digits. */
export function partitaIvaCheckDigit(ten: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = ten.charCodeAt(i) - 48;
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10;
}

export function checkPartitaIva(input: string): PartitaIvaResult {
  const p = normalizePartitaIva(input);
  if (!/^\d+$/.test(p)) return { ok: false, reason: 'sono ammesse solo cifre' };
  if (p.length !== 11) return { ok: false, reason: `servono 11 cifre, ne ha ${p.length}` };
  if (/^0{7}/.test(p)) return { ok: false, reason: 'le prime sette cifre non possono essere tutte zero' };
  const expected = partitaIvaCheckDigit(p.slice(0, 10));
  if (expected !== p.charCodeAt(10) - 48) return { ok: false, reason: `cifra di controllo errata: l'ultima cifra dovrebbe essere ${expected}` };
  return { ok: true, partitaIva: p };
}
