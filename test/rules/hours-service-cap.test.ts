import { describe, expect, it } from 'vitest';
import { hoursServiceCap } from '../../src/rules/hours-service-cap.js';
import { at, doteInfo, row, runRows } from './delivery-rows.js';

const rules = [hoursServiceCap];

describe('hours/service-cap', () => {
  it("Job Coach: the activity's hours are allowed, the row that goes over is reported once", () => {
    const doti = [doteInfo({ id: 'JC-1', cap: new Map([['JC-AN', { individuale: 240, collettiva: 0 }]]) })];
    const an = (d: string, inizio: string, fine: string, line: number) => row({ doteId: 'JC-1', servizio: 'JC-AN', data: d, inizio, fine, line });
    expect(at(runRows(rules, [an('2022-06-28', '09:00', '11:00', 2), an('2022-06-29', '09:00', '11:00', 3)], { doti }))).toEqual([]);
    const res = runRows(rules, [an('2022-06-28', '09:00', '11:00', 2), an('2022-06-29', '09:00', '11:01', 3), an('2022-06-30', '09:00', '10:00', 4)], { doti });
    expect(at(res)).toEqual(['calendario.csv:3 hours/service-cap']);
    expect(res.findings[0]!.message).toBe(
      "Le ore delle erogazioni superano le ore definite nella attività: JC-AN 4 ore e 1 minuto (2 ore già programmate, avviate o erogate + 2 ore e 1 minuto di questa), definite nell'attività: 4 ore",
    );
  });

  it('Job Coach has no group hours: a group delivery counts against 0', () => {
    const doti = [doteInfo({ id: 'JC-1', cap: new Map([['JC-AN', { individuale: 240, collettiva: 0 }]]) })];
    const res = runRows(rules, [row({ doteId: 'JC-1', servizio: 'JC-AN', data: '2022-06-28', inizio: '09:00', fine: '10:00', collettiva: true })], { doti });
    expect(res.findings.map((f) => f.rule)).toEqual(['hours/service-cap']);
  });

  it("Cremona from the CSV's fascia and tipo_dote columns: individual and group hours apart", () => {
    const ctx = { doteId: 'C1', fascia: 3, tipoDote: 'D1-INS' };
    // QD2 fascia 3: 2 hours; QF0 fascia 3: 40 individual / 60 group.
    const res = runRows(rules, [
      row({ ...ctx, servizio: 'QD2', data: '2022-03-01', inizio: '09:00', fine: '11:00', line: 2 }),
      row({ ...ctx, servizio: 'QF0', data: '2022-03-02', inizio: '09:00', fine: '19:00', line: 3, collettiva: true }),
      row({ ...ctx, servizio: 'QF0', data: '2022-03-02', inizio: '09:00', fine: '19:00', line: 4 }),
      row({ ...ctx, servizio: 'QD2', data: '2022-03-03', inizio: '09:00', fine: '09:01', line: 5 }),
    ]);
    expect(at(res)).toEqual(['calendario.csv:5 hours/service-cap']);
    expect(res.findings[0]!.message).toBe('QD2: 2 ore e 1 minuto in erogazioni individuali per la dote C1, oltre il massimale di 2 ore della fascia 3');
  });

  it('counts calendar and timesheet apart, so one delivery in both is not counted twice', () => {
    const ctx = { doteId: 'C1', fascia: 1, tipoDote: 'D1-INS', servizio: 'QD2', data: '2022-03-01', inizio: '09:00', fine: '10:00' };
    expect(at(runRows(rules, [row({ ...ctx }), row({ ...ctx, kind: 'timesheet', file: 'timesheet.csv' })]))).toEqual([]);
  });

  it('is skipped without fascia: no database', () => {
    const res = runRows(rules, [row({ doteId: 'C1', servizio: 'QD2', data: '2022-03-01', inizio: '09:00', fine: '19:00' })]);
    expect(res.findings).toEqual([]);
    expect(res.skipped).toEqual([{ rule: 'hours/service-cap', reason: 'fascia sconosciuta: nessun database' }]);
  });
});
