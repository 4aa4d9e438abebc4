import { describe, expect, it } from 'vitest';
import { AZIONI_EROGAZIONE, attivitaDopoAvvio, azioniConsentite, concludiAttivita, isViva, statoDopo, type AzioneErogazione } from '../../src/domain/erogazione-state.js';
import { EROGAZIONE_STATI, type StatoErogazione } from '../../src/domain/dote-stati.js';
import { RefusedError, TransitionNotAllowed } from '../../src/errors.js';

// Job Coach manual 3.1-3.2: every state × action pair; null = refused.
const TABLE: Record<StatoErogazione, Record<AzioneErogazione, StatoErogazione | null>> = {
  INSERITA: { modifica: 'INSERITA', programma: 'PROGRAMMATA', avvia: null, concludi: null, annulla: 'ANNULLATA', 'chiudi-negativamente': null },
  PROGRAMMATA: { modifica: null, programma: null, avvia: 'AVVIATA', concludi: null, annulla: null, 'chiudi-negativamente': 'CHIUSA NEGATIVAMENTE' },
  AVVIATA: { modifica: null, programma: null, avvia: null, concludi: 'EROGATA', annulla: null, 'chiudi-negativamente': 'CHIUSA NEGATIVAMENTE' },
  EROGATA: { modifica: null, programma: null, avvia: null, concludi: null, annulla: null, 'chiudi-negativamente': null },
  ANNULLATA: { modifica: null, programma: null, avvia: null, concludi: null, annulla: null, 'chiudi-negativamente': null },
  'CHIUSA NEGATIVAMENTE': { modifica: null, programma: null, avvia: null, concludi: null, annulla: null, 'chiudi-negativamente': null },
};

describe('erogazione state machine', () => {
  const cases = EROGAZIONE_STATI.flatMap((stato) => AZIONI_EROGAZIONE.map((azione) => ({ stato, azione, next: TABLE[stato][azione] })));

  it.each(cases)('$stato + $azione → $next', ({ stato, azione, next }) => {
    if (next) {
      expect(statoDopo(stato, azione)).toBe(next);
    } else {
      expect(() => statoDopo(stato, azione)).toThrow(TransitionNotAllowed);
    }
  });

  it('names the state and the allowed actions when refusing', () => {
    expect(() => statoDopo('PROGRAMMATA', 'modifica', "L'erogazione 37")).toThrow(
      `L'erogazione 37 è nello stato PROGRAMMATA: l'azione "modifica" non è consentita (azioni consentite: avvia, chiudi-negativamente)`,
    );
    expect(() => statoDopo('EROGATA', 'annulla')).toThrow(/nessuna azione consentita: stato finale/);
  });

  it('lists the allowed actions per state, as the manual\'s screens show them', () => {
    expect(azioniConsentite('INSERITA')).toEqual(['modifica', 'programma', 'annulla']);
    expect(azioniConsentite('PROGRAMMATA')).toEqual(['avvia', 'chiudi-negativamente']);
    expect(azioniConsentite('AVVIATA')).toEqual(['concludi', 'chiudi-negativamente']);
    for (const s of ['EROGATA', 'ANNULLATA', 'CHIUSA NEGATIVAMENTE'] as const) expect(azioniConsentite(s)).toEqual([]);
  });

  it('frees the slot only when annulled or closed negatively', () => {
    expect(EROGAZIONE_STATI.filter((s) => !isViva(s))).toEqual(['ANNULLATA', 'CHIUSA NEGATIVAMENTE']);
  });
});

describe('Job Coach activity states (manual 3.3)', () => {
  it('starts with the first delivery started, once', () => {
    expect(attivitaDopoAvvio('PROPOSTA')).toBe('INIZIATA');
    expect(attivitaDopoAvvio('INIZIATA')).toBe('INIZIATA');
  });

  it('concludes with at least one EROGATA delivery, never twice', () => {
    expect(concludiAttivita('INIZIATA', 1, 'JC-AN')).toBe('TERMINATA');
    expect(concludiAttivita('PROPOSTA', 2, 'JC-AN')).toBe('TERMINATA');
    expect(() => concludiAttivita('INIZIATA', 0, "L'attività JC-AN")).toThrow(RefusedError);
    expect(() => concludiAttivita('INIZIATA', 0, "L'attività JC-AN")).toThrow(/almeno una/);
    expect(() => concludiAttivita('TERMINATA', 3, "L'attività JC-AN")).toThrow(TransitionNotAllowed);
  });
});
