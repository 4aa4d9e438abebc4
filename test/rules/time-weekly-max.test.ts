import { describe, expect, it } from 'vitest';
import { timeWeeklyMax } from '../../src/rules/time-weekly-max.js';
import { at, row, runRows } from './delivery-rows.js';

const rules = [timeWeeklyMax];
// ISO week 26 of 2022: Monday 27/06 to Sunday 03/07.
const week = ['2022-06-27', '2022-06-28', '2022-06-29', '2022-06-30', '2022-07-01'];

describe('time/weekly-max (Job Coach manual 3.2: at most 40 hours a week)', () => {
  it('allows the 40th hour of an ISO week and reports the 41st', () => {
    const forty = week.map((d, i) => row({ data: d, inizio: '08:00', fine: '16:00', line: i + 2 }));
    expect(at(runRows(rules, forty))).toEqual([]);
    const res = runRows(rules, [...forty, row({ data: '2022-07-02', inizio: '09:00', fine: '10:00', line: 7 }), row({ data: '2022-07-02', inizio: '10:00', fine: '11:00', line: 8 })]);
    expect(at(res)).toEqual(['calendario.csv:7 time/weekly-max']);
    expect(res.findings[0]!.message).toBe('41 ore nella settimana dal 27/06/2022 al 03/07/2022 per RSSMRA80A01H501U, oltre il massimo di 40 ore a settimana');
  });

  it('starts again on Monday, also across the new year', () => {
    const forty = week.map((d, i) => row({ data: d, inizio: '08:00', fine: '16:00', line: i + 2 }));
    expect(at(runRows(rules, [...forty, row({ data: '2022-07-04', inizio: '08:00', fine: '09:00' })]))).toEqual([]);
    // Monday 26/12/2022 to Sunday 01/01/2023 is one ISO week.
    const yearEnd = ['2022-12-27', '2022-12-28', '2022-12-29', '2022-12-30', '2022-12-31'].map((d) => row({ data: d, inizio: '08:00', fine: '16:00' }));
    const res = runRows(rules, [...yearEnd, row({ data: '2023-01-01', inizio: '08:00', fine: '08:30', line: 99 })]);
    expect(at(res)).toEqual(['calendario.csv:99 time/weekly-max']);
    expect(at(runRows(rules, [...yearEnd, row({ data: '2023-01-02', inizio: '08:00', fine: '08:30' })]))).toEqual([]);
  });
});
