import { describe, expect, it } from 'vitest';
import { checkIban, formatIban, italianCin, normalizeIban } from '../../src/domain/iban.js';

/** Check digits for a country + BBAN, computed independently (BigInt) to build test IBANs. */
function withCheckDigits(country: string, bban: string): string {
  const digits = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98n - (BigInt(digits) % 97n);
  return `${country}${check.toString().padStart(2, '0')}${bban}`;
}

describe('checkIban', () => {
  it('accepts a valid Italian IBAN', () => {
    expect(checkIban('IT60X0542811101000000123456')).toEqual({ ok: true, iban: 'IT60X0542811101000000123456' });
  });

  it('accepts spaces and lowercase, and stores it normalised', () => {
    expect(checkIban(' it60 x054 2811 1010 0000 0123 456 ')).toEqual({ ok: true, iban: 'IT60X0542811101000000123456' });
    expect(normalizeIban('it60-x054')).toBe('IT60X054');
  });

  it('refuses wrong check digits', () => {
    const r = checkIban('IT61X0542811101000000123456');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/cifre di controllo/);
    // Two swapped digits in the account.
    expect(checkIban('IT60X0542811101000000124356').ok).toBe(false);
  });

  it('refuses a wrong length', () => {
    const r = checkIban('IT60X054281110100000012345');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/27 caratteri \(questo ne ha 26\)/);
    const long = checkIban('IT60X05428111010000001234567');
    expect(long.ok).toBe(false);
  });

  it('refuses a malformed Italian BBAN (CIN must be a letter, ABI and CAB digits)', () => {
    const r = checkIban(withCheckDigits('IT', '10542811101000000123456'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/CIN \(una lettera\), ABI/);
  });

  it('refuses a wrong CIN even when the check digits are right', () => {
    const iban = withCheckDigits('IT', 'Y0542811101000000123456');
    const r = checkIban(iban);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/CIN dell'IBAN errato: "Y", atteso "X"/);
    expect(italianCin('0542811101000000123456')).toBe('X');
  });

  it('accepts foreign IBANs with valid check digits, refuses bad ones', () => {
    expect(checkIban('DE89 3704 0044 0532 0130 00').ok).toBe(true);
    expect(checkIban('DE88370400440532013000').ok).toBe(false);
    expect(checkIban('XX12').ok).toBe(false);
  });

  it('refuses garbage', () => {
    expect(checkIban('').ok).toBe(false);
    expect(checkIban('IT60X05428111010000001234/6').ok).toBe(false);
    expect(checkIban('0542811101000000123456').ok).toBe(false);
  });
});

describe('formatIban', () => {
  it('groups by four', () => {
    expect(formatIban('IT60X0542811101000000123456')).toBe('IT60 X054 2811 1010 0000 0123 456');
  });
});
