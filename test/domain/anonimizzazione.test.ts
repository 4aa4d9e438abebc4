/** The pure part of anonymisation: mentions replaced, snapshots cleaned, the end of the last dote, what blocks it. */
import { describe, expect, it } from 'vitest';
import { anonimizzabileDal, bloccoAnonimizzazione, fineUltimaDote, identityScrubber, pseudonimo, scrubSnapshot, type DoteFine } from '../../src/domain/anonimizzazione.js';

const person = { id: 7, cf: 'RSSMRA80A01D150J', nome: 'Mario', cognome: 'Rossi', email: 'mario@example.it', telefono: '0372 123456', residenza: 'Via Po 3, Cremona', domicilio: null };

describe('identityScrubber', () => {
  const scrub = identityScrubber(person);
  it('replaces CF, names in either order, contacts and addresses, case ignored, whole words only', () => {
    expect(scrub('Colloquio con ROSSI MARIO (rssmra80a01d150j), mario@example.it')).toBe('Colloquio con ANON-7 (ANON-7), ANON-7');
    expect(scrub('Mario Rossi abita in Via Po 3, Cremona, tel. 0372 123456')).toBe('ANON-7 abita in ANON-7, tel. ANON-7');
    expect(scrub('Rossini e Marion non sono lui')).toBe('Rossini e Marion non sono lui');
  });
  it('does nothing when there is nothing to look for', () => {
    expect(identityScrubber({ ...person, cf: '', nome: '', cognome: '', email: null, telefono: null, residenza: null })('Mario')).toBe('Mario');
  });
});

describe('scrubSnapshot', () => {
  it('empties free texts and identity fields at any depth and replaces mentions elsewhere', () => {
    const json = JSON.stringify({ descrizione: 'con Mario', voci: [{ note: 'x', servizio: 'QD1' }], cartella: '/dati/pacchetto-rossi', data_nascita: '1980-01-01', minuti: 60 });
    expect(JSON.parse(scrubSnapshot(json, identityScrubber(person)))).toEqual({
      descrizione: null,
      voci: [{ note: null, servizio: 'QD1' }],
      cartella: '/dati/pacchetto-ANON-7',
      data_nascita: null,
      minuti: 60,
    });
  });
  it('treats a snapshot that is not JSON as text', () => {
    expect(scrubSnapshot('Mario Rossi', identityScrubber(person))).toBe('ANON-7');
  });
});

const dote = (d: Partial<DoteFine>): DoteFine => ({ id: 'D', stato: 'CONCLUSA', data_richiesta: '2021-01-01', data_rifiuto: null, data_conclusione: null, data_liquidazione: null, ...d });

describe('the retention period', () => {
  it('runs from the latest end: liquidation, else conclusion, else refusal, else request; with no doti from registration', () => {
    expect(
      fineUltimaDote(
        [
          dote({ id: 'A', data_conclusione: '2021-04-08', data_liquidazione: '2021-04-20' }),
          dote({ id: 'B', stato: 'RIFIUTATA', data_rifiuto: '2021-09-01' }),
          dote({ id: 'C', stato: 'CANCELLATA', data_richiesta: '2021-06-01' }),
        ],
        '2020-01-01',
      ),
    ).toEqual({ data: '2021-09-01', dote: 'B' });
    expect(fineUltimaDote([], '2020-01-01T10:00:00Z')).toEqual({ data: '2020-01-01', dote: null });
    expect(anonimizzabileDal('2021-04-20', 10)).toBe('2031-04-20');
  });
  it('is blocked by an open dote, or a concluded one not claimed', () => {
    expect(bloccoAnonimizzazione([dote({ stato: 'ATTIVA' })])).toEqual({ tipo: 'aperta', dote: 'D', stato: 'ATTIVA' });
    expect(bloccoAnonimizzazione([dote({ stato: 'AMMESSO AL SERVIZIO' })])?.tipo).toBe('aperta');
    expect(bloccoAnonimizzazione([dote({ data_conclusione: '2021-04-08' })])).toEqual({ tipo: 'non-liquidata', dote: 'D' });
    expect(bloccoAnonimizzazione([dote({ data_liquidazione: '2021-04-20' }), dote({ stato: 'RIFIUTATA' }), dote({ stato: 'CANCELLATA' })])).toBeNull();
  });
  it('names the person by the row id, not by anything derived from the CF', () => {
    expect(pseudonimo(42)).toBe('ANON-42');
  });
});
