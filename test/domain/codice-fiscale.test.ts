import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, checkCodiceFiscale } from '../../src/domain/codice-fiscale.js';

const TODAY = '2024-05-10';

function ok(cf: string, today = TODAY) {
  const r = checkCodiceFiscale(cf, today);
  if (!r.ok) throw new Error(`atteso valido, ${cf}: ${r.reason}`);
  return r;
}
function ko(cf: string, today = TODAY): string {
  const r = checkCodiceFiscale(cf, today);
  if (r.ok) throw new Error(`atteso non valido: ${cf}`);
  return r.reason;
}

describe('checkCharacter', () => {
  it('matches the published examples', () => {
    // Agenzia delle Entrate / Wikipedia examples.
    expect(checkCharacter('RSSMRA85T10A562')).toBe('S');
    expect(checkCharacter('MRTMTT25D09F205')).toBe('Z');
  });
});

describe('checkCodiceFiscale', () => {
  it('accepts a regular male code and decodes date, sex, comune', () => {
    expect(ok('RSSMRA85T10A562S')).toEqual({ ok: true, cf: 'RSSMRA85T10A562S', dataNascita: '1985-12-10', sesso: 'M', codiceComune: 'A562' });
  });

  it('normalises lowercase and spaces', () => {
    expect(ok(' rssmra 85t10 a562s ').cf).toBe('RSSMRA85T10A562S');
  });

  it('accepts a female code (day + 40)', () => {
    const r = ok('VRDLRA90A41H501V');
    expect(r.sesso).toBe('F');
    expect(r.dataNascita).toBe('1990-01-01');
    expect(r.codiceComune).toBe('H501');
  });

  it('accepts omocode variants and decodes them back', () => {
    // 2 → N in position 15, check character recomputed.
    const one = ok('RSSMRA85T10A56NH');
    expect(one.cf).toBe('RSSMRA85T10A56NH');
    expect(one.dataNascita).toBe('1985-12-10');
    expect(one.codiceComune).toBe('A562');
    // 6 → S, 2 → N: two substitutions.
    expect(ok('RSSMRA85T10A5SNK'.slice(0, 15) + checkCharacter('RSSMRA85T10A5SN')).codiceComune).toBe('A562');
    // Substitutions in the year and day too.
    const body = 'RSSMRAUR' + 'T' + 'ML' + 'A' + 'RSN';
    const all = ok(body + checkCharacter(body));
    expect(all.dataNascita).toBe('1985-12-10');
    expect(all.codiceComune).toBe('A562');
  });

  it('refuses a wrong check character and says which one was expected', () => {
    expect(ko('RSSMRA85T10A562X')).toMatch(/carattere di controllo errato: "X", atteso "S"/);
  });

  it('refuses a wrong length', () => {
    expect(ko('RSSMRA85T10A562')).toMatch(/16 caratteri \(ne ha 15\)/);
    expect(ko('')).toMatch(/vuoto/);
  });

  it('refuses characters out of the pattern', () => {
    expect(ko('RSSMRA85T10A562-')).toMatch(/caratteri non ammessi/);
    expect(ko('RSS1RA85T10A562S')).toMatch(/primi 6 caratteri/);
    expect(ko('RSSMRA8AT10A562S')).toMatch(/anno di nascita/);
    expect(ko('RSSMRA85F10A562S')).toMatch(/lettera del mese "F"/);
    expect(ko('RSSMRA85T1AA562S')).toMatch(/giorno di nascita/);
    expect(ko('RSSMRA85T101562S')).toMatch(/codice del comune/);
    expect(ko('RSSMRA85T10A5625')).toMatch(/carattere di controllo "5"/);
  });

  it('refuses impossible days: 30 February, 31 April, day 32-40 and over 71', () => {
    expect(ko('BNCGLI00B30F205M')).toMatch(/impossibile: 30 febbraio 2000/);
    expect(ko('RSSMRA85D31F205L')).toMatch(/impossibile: 31 aprile 1985/);
    const b35 = 'RSSMRA85A35F205';
    expect(ko(b35 + checkCharacter(b35))).toMatch(/giorno di nascita 35 non valido/);
    const b72 = 'RSSMRA85A72F205';
    expect(ko(b72 + checkCharacter(b72))).toMatch(/giorno di nascita 72 non valido/);
    // Female 30 February: 70.
    const f70 = 'RSSMRA85B70F205';
    expect(ko(f70 + checkCharacter(f70))).toMatch(/impossibile: 30 febbraio 1985/);
  });

  it('29 February only in leap years', () => {
    expect(ok('BNCGLI00B29F205F').dataNascita).toBe('2000-02-29');
    expect(ko('BNCGLI01B29F205G')).toMatch(/29 febbraio 2001/);
  });

  it('chooses the century: the most recent year not after today', () => {
    expect(ok('RSSMRA10A01L736B').dataNascita).toBe('2010-01-01');
    expect(ok('RSSMRA85T10A562S').dataNascita).toBe('1985-12-10');
    // "24" with a December date, checked in May 2024: 1924, not a birth in the future.
    const b = 'RSSMRA24T10A562';
    expect(ok(b + checkCharacter(b), '2024-05-10').dataNascita).toBe('1924-12-10');
    expect(ok(b + checkCharacter(b), '2025-01-01').dataNascita).toBe('2024-12-10');
    // "10" checked in 2005: 1910.
    expect(ok('RSSMRA10A01L736B', '2005-06-01').dataNascita).toBe('1910-01-01');
  });
});

describe('ageOn', () => {
  it('counts full years', () => {
    expect(ageOn('1985-12-10', '2024-12-09')).toBe(38);
    expect(ageOn('1985-12-10', '2024-12-10')).toBe(39);
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });
});
