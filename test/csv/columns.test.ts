import { describe, expect, it } from 'vitest';
import { kindFromName, matchHeader, normalizeHeaderName } from '../../src/csv/columns.js';

describe('header names', () => {
  it('match case-, accent- and space-insensitively, aliases included', () => {
    expect(normalizeHeaderName('MODALITÀ_EROGAZIONE')).toBe('modalitaerogazione');
    expect(normalizeHeaderName('  Data Erogazione ')).toBe('dataerogazione');
    const h = matchHeader(['\uFEFFID Dote', 'Voce di spesa', 'Data Erogazione', 'Ora inizio', 'ALLE', 'Totale ore', 'Coach', 'CF', 'Modalità', 'Individuale/Collettiva', 'Sportello', 'Note', 'Data inserimento', 'Fascia', 'Tipo dote']);
    expect(h.missing).toEqual([]);
    expect(h.unknown).toEqual(['Individuale/Collettiva']);
    expect(h.index).toMatchObject({ id_dote: 0, servizio: 1, data: 2, ora_inizio: 3, ora_fine: 4, ore: 5, professionista: 6, codice_fiscale: 7, modalita: 8, sede: 10, descrizione: 11, registrata_il: 12, fascia: 13, tipo_dote: 14 });
  });

  it('report missing required columns, unknown and duplicate ones; empty cells name nothing', () => {
    const h = matchHeader(['pip', 'codice', 'giorno', 'dalle', 'colore', 'operatore', 'docente', '', '']);
    expect(h.missing).toEqual(['ora_fine']);
    expect(h.unknown).toEqual(['colore']);
    expect(h.duplicates).toEqual([{ column: 'professionista', names: ['operatore', 'docente'] }]);
    expect(h.fieldCount).toBe(9);
  });

  it('a file is a timesheet when its name says timesheet or foglio', () => {
    expect(kindFromName('dati/Timesheet-Rossi.csv')).toBe('timesheet');
    expect(kindFromName('FOGLIO_ORE_marzo.csv')).toBe('timesheet');
    expect(kindFromName('timesheet/calendario.csv')).toBe('calendario');
    expect(kindFromName('calendario.csv')).toBe('calendario');
  });
});
