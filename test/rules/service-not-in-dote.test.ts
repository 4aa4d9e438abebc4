import { describe, expect, it } from 'vitest';
import { serviceNotInDote } from '../../src/rules/service-not-in-dote.js';
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
});
