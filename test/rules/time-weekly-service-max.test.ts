import { describe, expect, it } from 'vitest';
import { timeWeeklyServiceMax } from '../../src/rules/time-weekly-service-max.js';
import { at, row, runRows } from './delivery-rows.js';

const rules = [timeWeeklyServiceMax];
const qtp = { servizio: 'QTP', doteId: 'COV-1' };

describe('time/weekly-service-max (Cremona: QTP at most 1 hour a week)', () => {
  it('allows 1 hour of QTP in an ISO week, reports the row that goes over', () => {
    expect(at(runRows(rules, [row({ ...qtp, data: '2022-03-07', inizio: '09:00', fine: '09:30' }), row({ ...qtp, data: '2022-03-11', inizio: '09:00', fine: '09:30' })]))).toEqual([]);
    const res = runRows(rules, [
      row({ ...qtp, data: '2022-03-07', inizio: '09:00', fine: '09:30', line: 2 }),
      row({ ...qtp, data: '2022-03-11', inizio: '09:00', fine: '09:31', line: 3 }),
      row({ ...qtp, data: '2022-03-14', inizio: '09:00', fine: '10:00', line: 4 }),
    ]);
    expect(at(res)).toEqual(['calendario.csv:3 time/weekly-service-max']);
    expect(res.findings[0]!.message).toBe('QTP: 1 ora e 1 minuto nella settimana dal 07/03/2022 al 13/03/2022 per RSSMRA80A01H501U, oltre il massimo di 1 ora a settimana');
  });

  it('ignores services without a weekly cap and bandi that turn the rule off', () => {
    expect(at(runRows(rules, [row({ servizio: 'QT8', doteId: 'C', data: '2022-03-07', inizio: '09:00', fine: '15:00' })]))).toEqual([]);
    expect(at(runRows(rules, [row({ data: '2022-03-07', inizio: '09:00', fine: '15:00' })]))).toEqual([]);
  });
});
