import { describe, expect, it } from 'vitest';
import { checkPartitaIva, partitaIvaCheckDigit } from '../../src/domain/partita-iva.js';
import { liquidazioneResult180 } from '../../src/rules/liquidazione-result-180.js';

describe('partita IVA (DM 23/12/1976: Luhn-like check digit)', () => {
  it('accepts real numbers, with spaces, dots or the IT prefix', () => {
    // 00488410010: a published partita IVA (TIM S.p.A.).
    expect(checkPartitaIva('00488410010')).toEqual({ ok: true, partitaIva: '00488410010' });
    expect(checkPartitaIva('IT 0123 4567 897')).toEqual({ ok: true, partitaIva: '01234567897' });
    expect(checkPartitaIva('012.345.678.97')).toEqual({ ok: true, partitaIva: '01234567897' });
    expect(partitaIvaCheckDigit('0123456789')).toBe(7);
  });

  it('refuses a wrong check digit, a wrong length, letters and the all-zero number, saying why', () => {
    expect(checkPartitaIva('01234567890')).toEqual({ ok: false, reason: "cifra di controllo errata: l'ultima cifra dovrebbe essere 7" });
    // Two adjacent digits swapped: the check digit catches it.
    expect(checkPartitaIva('10234567897').ok).toBe(false);
    expect(checkPartitaIva('0123456789')).toEqual({ ok: false, reason: 'servono 11 cifre, ne ha 10' });
    expect(checkPartitaIva('0123456789A')).toEqual({ ok: false, reason: 'sono ammesse solo cifre' });
    expect(checkPartitaIva('00000000000')).toEqual({ ok: false, reason: 'le prime sette cifre non possono essere tutte zero' });
  });
});

describe('liquidazione/result-180 for the business start-up (checkImpresa)', () => {
  const check = (impresa: { denominazione: string; iscrizione: string } | null) => liquidazioneResult180.checkImpresa("avvio d'impresa", impresa, '2021-04-01', 'warning').map((f) => f.messageId);
  it('warns when no business is recorded, or when it was registered before the dote started', () => {
    expect(check(null)).toEqual(['nessunaImpresa']);
    expect(check({ denominazione: 'X', iscrizione: '2021-03-31' })).toEqual(['impresaPrecedente']);
  });
  it('is silent for a business registered on the dote start day or after', () => {
    expect(check({ denominazione: 'X', iscrizione: '2021-04-01' })).toEqual([]);
    expect(check({ denominazione: 'X', iscrizione: '2021-06-30' })).toEqual([]);
  });
});
