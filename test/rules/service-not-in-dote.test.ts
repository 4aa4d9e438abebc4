import { describe, expect, it } from 'vitest';
import { serviceNotInDote, TIPO_DOTE_NON_NEL_DATABASE, TIPO_SENZA_DATABASE } from '../../src/rules/service-not-in-dote.js';
import { at, doteInfo, row, runRows, CREMONA } from './delivery-rows.js';

const rules = [serviceNotInDote];
const r = (servizio: string, line: number, extra: Record<string, unknown> = {}) => row({ servizio, doteId: 'C1', data: '2022-03-01', inizio: '09:00', fine: '10:00', line, ...extra });

describe('service/not-in-dote', () => {
  it('reports a code the bando does not know, or that no bando knows', () => {
    const res = runRows(rules, [r('QD2', 2), r('QZZ', 3), r('XYZ', 4)]);
    expect(at(res)).toEqual(['calendario.csv:3 service/not-in-dote', 'calendario.csv:4 service/not-in-dote']);
    expect(res.findings[0]!.message).toBe('servizio QZZ sconosciuto nel bando cremona-2021');
  });

  it("reports a service outside the dote's type, from the database or the tipo_dote column", () => {
    const csv = runRows(rules, [r('QTP', 2, { tipoDote: 'D1-INS' }), r('QTP', 3, { tipoDote: 'D2-COV' }), r('QTP', 4, { tipoDote: 'NON-ESISTE' })]);
    expect(at(csv)).toEqual(['calendario.csv:2 service/not-in-dote']);
    expect(csv.findings[0]!.message).toBe('servizio QTP non previsto dal tipo di dote D1-INS');
    const db = runRows(rules, [r('QT5', 2), r('QT0', 3)], { doti: [doteInfo({ id: 'C1', bando: CREMONA, tipo: 'D2-MAN' })] });
    expect(at(db)).toEqual(['calendario.csv:2 service/not-in-dote', 'calendario.csv:3 service/not-in-dote']);
  });

  it('knows the Job Coach activities of each voucher type', () => {
    const doti = [doteInfo({ id: 'JC-1', tipo: 'JC-BASE' })];
    const res = runRows(rules, [r('JC-AL', 2, { doteId: 'JC-1' }), r('JC-AL-R', 3, { doteId: 'JC-1' })], { doti });
    expect(at(res)).toEqual(['calendario.csv:3 service/not-in-dote']);
  });

  describe('dote type unknown (docs/comandi.md: skipped rules are listed with a reason)', () => {
    const senzaDb = 'tipo di dote sconosciuto: nessun database né colonna tipo_dote (controllato solo che il servizio sia del bando)';

    it('without a database nor tipo_dote: skips the type part once, still reports unknown codes', () => {
      const res = runRows(rules, [r('QT5', 2), r('QZZ', 3), r('QTP', 4), r('QT5', 5, { doteId: 'C2' })]);
      expect(at(res)).toEqual(['calendario.csv:3 service/not-in-dote']);
      expect(res.findings[0]!.message).toBe('servizio QZZ sconosciuto nel bando cremona-2021');
      expect(res.skipped).toEqual([{ rule: 'service/not-in-dote', reason: senzaDb }]);
      expect(TIPO_SENZA_DATABASE).toBe(senzaDb);
    });

    it('is not skipped for a service that every type of the bando includes', () => {
      // QD2 is in every Cremona type, JC-AN in every Job Coach voucher: the type does not matter.
      const res = runRows(rules, [r('QD2', 2), r('JC-AN', 3, { doteId: 'JC-1' })]);
      expect(at(res)).toEqual([]);
      expect(res.skipped).toEqual([]);
    });

    it('skips a Job Coach service of one voucher type only', () => {
      const res = runRows(rules, [r('JC-AL-R', 2, { doteId: 'JC-2' })]);
      expect(at(res)).toEqual([]);
      expect(res.skipped).toEqual([{ rule: 'service/not-in-dote', reason: senzaDb }]);
    });

    it('is not skipped with a tipo_dote column, and the findings are as before', () => {
      const res = runRows(rules, [r('QT5', 2, { tipoDote: 'D2-MAN' }), r('QT5', 3, { tipoDote: 'D1-IMP' }), r('QZZ', 4, { tipoDote: 'D1-IMP' })]);
      expect(at(res)).toEqual(['calendario.csv:2 service/not-in-dote', 'calendario.csv:4 service/not-in-dote']);
      expect(res.findings[0]!.message).toBe('servizio QT5 non previsto dal tipo di dote D2-MAN');
      expect(res.skipped).toEqual([]);
    });

    it('is not skipped for a tipo_dote the bando does not know (field/value reports it)', () => {
      const res = runRows(rules, [r('QT5', 2, { tipoDote: 'NON-ESISTE' })]);
      expect(at(res)).toEqual([]);
      expect(res.skipped).toEqual([]);
    });

    it('is not skipped with a database that knows the dote', () => {
      const doti = [doteInfo({ id: 'C1', bando: CREMONA, tipo: 'D2-MAN' })];
      const res = runRows(rules, [r('QT5', 2), r('QD2', 3), r('QZZ', 4)], { doti });
      expect(at(res)).toEqual(['calendario.csv:2 service/not-in-dote', 'calendario.csv:4 service/not-in-dote']);
      expect(res.findings[0]!.message).toBe('servizio QT5 non previsto dal tipo di dote D2-MAN');
      expect(res.skipped).toEqual([]);
    });

    it('with a database that does not know the dote (field/value reports it): says so', () => {
      const doti = [doteInfo({ id: 'C1', bando: CREMONA, tipo: 'D2-MAN' })];
      const res = runRows(rules, [r('QT5', 2, { doteId: 'C9' })], { doti });
      expect(at(res)).toEqual([]);
      expect(res.skipped).toEqual([{ rule: 'service/not-in-dote', reason: TIPO_DOTE_NON_NEL_DATABASE }]);
    });
  });
});
