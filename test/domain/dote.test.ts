/** Doti as plain values: priority categories, requirements, end dates, effective states, ids (Cremona seed; Job Coach manual, 2). */
import { describe, expect, it } from 'vitest';
import { loadCatalogues } from '../../src/bandi/load.js';
import {
  categoriePrioritarie,
  dataFineDote,
  nextId,
  prefissoId,
  requisitiMancanti,
  sameAzienda,
  statoEffettivo,
  termineAmmissione,
  tipoRisultato,
  type Persona,
} from '../../src/domain/dote.js';

const cats = loadCatalogues();
const cremona = cats.get('cremona-2021');
const jc = cats.get('veneto-jc-2022');
const tipo = (c: string) => cremona.tipi.find((t) => t.codice === c)!;

const base: Persona = {
  cf: 'RSSMRA80A01D150J',
  dataNascita: '1980-01-01',
  disabilita: 'fisica',
  l68: true,
  did: true,
  occupato: false,
  ammortizzatoriCovid: false,
  nuovoIscritto: false,
};
const codes = (p: Partial<Persona>, fascia: number | null = 2, data = '2021-05-10') => categoriePrioritarie({ ...base, ...p }, fascia, data).map((c) => c.codice);

describe('priority categories of line D1 a (age at the request date)', () => {
  // Born 10/05/2003: 17 on the eve of the 18th birthday, 18 on it.
  it.each([
    ['2003-05-11', 17, []],
    ['2003-05-10', 18, ['eta-18-29']],
    ['1991-05-10', 30, []],
    ['1991-05-11', 29, ['eta-18-29']],
    ['1975-05-11', 45, []],
    ['1975-05-10', 46, ['eta-oltre-45']],
  ])('born %s: %i years on 10/05/2021', (nascita, _eta, expected) => {
    expect(codes({ dataNascita: nascita })).toEqual(expected);
  });

  it('uses the request date, not today', () => {
    expect(codes({ dataNascita: '2003-05-10' }, 2, '2021-05-09')).toEqual([]);
    expect(codes({ dataNascita: '1991-05-10' }, 2, '2021-05-09')).toEqual(['eta-18-29']);
  });

  it('psychic, intellectual and sensory disabilities; not physical or plurima', () => {
    expect(codes({ disabilita: 'psichica' })).toEqual(['disabilita-psichica']);
    expect(codes({ disabilita: 'intellettiva' })).toEqual(['disabilita-psichica']);
    expect(codes({ disabilita: 'sensoriale' })).toEqual(['disabilita-sensoriale']);
    expect(codes({ disabilita: 'fisica' })).toEqual([]);
    expect(codes({ disabilita: 'plurima' })).toEqual([]);
  });

  it('new registrations only in fascia 3 and 4', () => {
    expect(codes({ nuovoIscritto: true }, 2)).toEqual([]);
    expect(codes({ nuovoIscritto: true }, 3)).toEqual(['nuovo-iscritto-fascia-3-4']);
    expect(codes({ nuovoIscritto: true }, 4)).toEqual(['nuovo-iscritto-fascia-3-4']);
  });

  it('no birth date: no age category', () => {
    expect(codes({ dataNascita: null })).toEqual([]);
  });
});

describe('requirements of each type (catalogue requisiti)', () => {
  it('D1: unemployed, L. 68/99, DID', () => {
    expect(requisitiMancanti(tipo('D1-INS'), base)).toEqual([]);
    const r = requisitiMancanti(tipo('D1-INS'), { ...base, occupato: true, l68: false, did: false });
    expect(r).toHaveLength(3);
    expect(r.join(' ')).toMatch(/occupato.*L\. 68\/99.*DID/);
  });
  it('D2-MAN: employed; D2-COV: employed after Covid shock absorbers', () => {
    expect(requisitiMancanti(tipo('D2-MAN'), base)).toEqual([expect.stringMatching(/non è occupato/)]);
    expect(requisitiMancanti(tipo('D2-MAN'), { ...base, occupato: true })).toEqual([]);
    expect(requisitiMancanti(tipo('D2-COV'), { ...base, occupato: true })).toEqual([expect.stringMatching(/ammortizzatori/)]);
    expect(requisitiMancanti(tipo('D2-COV'), { ...base, occupato: true, ammortizzatoriCovid: true })).toEqual([]);
  });
  it('result kinds come from the catalogue', () => {
    expect(['D1-INS', 'D1-IMP', 'D2-MAN', 'D2-COV'].map((c) => tipoRisultato(tipo(c)))).toEqual(['inserimento', null, 'mantenimento', 'mantenimento']);
  });
  it('company names compare without case and punctuation', () => {
    expect(sameAzienda('Rossi S.r.l.', 'ROSSI SRL')).toBe(true);
    expect(sameAzienda('Rossi S.r.l.', 'Bianchi SRL')).toBe(false);
    expect(sameAzienda(null, 'x')).toBe(false);
  });
});

describe('end date: 6 or 12 months, from validation or activation, clamped to 30/06/2022', () => {
  it('fascia 1-2: 6 months, fascia 3-4: 12 months from activation while not validated', () => {
    expect(dataFineDote(cremona, 1, '2021-04-01', null)).toBe('2021-10-01');
    expect(dataFineDote(cremona, 2, '2021-04-01', null)).toBe('2021-10-01');
    expect(dataFineDote(cremona, 3, '2021-04-01', null)).toBe('2022-04-01');
    expect(dataFineDote(cremona, 4, '2021-04-01', null)).toBe('2022-04-01');
  });
  it('from the validation once validated', () => {
    expect(dataFineDote(cremona, 1, '2021-04-01', '2021-05-03')).toBe('2021-11-03');
    expect(dataFineDote(cremona, 3, '2021-04-01', '2021-05-03')).toBe('2022-05-03');
  });
  it('calendar months clamped to the month end', () => {
    expect(dataFineDote(cremona, 1, '2021-08-31', null)).toBe('2022-02-28');
  });
  it('never past the bando end', () => {
    expect(dataFineDote(cremona, 3, '2021-08-31', null)).toBe('2022-06-30');
    expect(dataFineDote(cremona, 2, '2022-01-15', null)).toBe('2022-06-30');
    expect(dataFineDote(cremona, 3, '2021-06-30', '2021-07-01')).toBe('2022-06-30');
    expect(dataFineDote(cremona, 1, '2021-12-30', null)).toBe('2022-06-30');
  });
  it('Job Coach: to the bando end', () => {
    expect(dataFineDote(jc, null, '2022-07-01', null)).toBe(jc.fine);
  });
});

describe('effective state: unanswered requests are CANCELLATA after 7 days', () => {
  const req = { stato: 'PROPOSTA', data_notifica: '2022-06-28', data_fine: null, data_ammissione: null, bando: 'veneto-jc-2022' };
  it('the 7th day is the last for an answer', () => {
    expect(termineAmmissione(jc, '2022-06-28')).toBe('2022-07-05');
    expect(statoEffettivo(jc, req, '2022-07-05')).toEqual({ stato: 'PROPOSTA', automatico: null });
    expect(statoEffettivo(jc, req, '2022-07-06')).toEqual({ stato: 'CANCELLATA', automatico: expect.stringMatching(/05\/07\/2022/) });
  });
  it('an admitted voucher past its end is closed automatically', () => {
    const d = { ...req, stato: 'AMMESSO AL SERVIZIO', data_ammissione: '2022-07-01', data_fine: '2023-12-31' };
    expect(statoEffettivo(jc, d, '2023-12-31').stato).toBe('AMMESSO AL SERVIZIO');
    expect(statoEffettivo(jc, d, '2024-01-01').stato).toBe('CONCLUSA');
  });
  it('Cremona doti keep their state', () => {
    const d = { stato: 'ATTIVA', data_notifica: null, data_fine: '2021-10-01', data_ammissione: null, bando: 'cremona-2021' };
    expect(statoEffettivo(cremona, d, '2022-01-01').stato).toBe('ATTIVA');
  });
});

describe('generated ids', () => {
  it('CR-YYYY-NNNN per year', () => {
    expect(prefissoId('cremona-2021', '2022-03-01')).toBe('CR-2022-');
    expect(nextId('CR-2022-', [])).toBe('CR-2022-0001');
    expect(nextId('CR-2022-', ['CR-2022-0001', 'CR-2022-0009', 'CR-2021-0042'])).toBe('CR-2022-0010');
  });
});
