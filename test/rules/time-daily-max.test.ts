import { describe, expect, it } from 'vitest';
import { timeDailyMax } from '../../src/rules/time-daily-max.js';
import { at, candidate, doteInfo, row, runRows } from './delivery-rows.js';

const rules = [timeDailyMax];

describe('time/daily-max (Job Coach manual 3.2: at most 8 hours a day)', () => {
  it('allows exactly 8 hours and reports 8 h 01 at the row that crosses the cap, once', () => {
    const ok = runRows(rules, [
      row({ data: '2022-06-28', inizio: '07:30', fine: '11:30', line: 2 }),
      row({ data: '2022-06-28', inizio: '12:00', fine: '16:00', line: 3 }),
    ]);
    expect(at(ok)).toEqual([]);
    const over = runRows(rules, [
      row({ data: '2022-06-28', inizio: '07:30', fine: '11:30', line: 2 }),
      row({ data: '2022-06-28', inizio: '12:00', fine: '16:01', line: 3 }),
      row({ data: '2022-06-28', inizio: '17:00', fine: '18:00', line: 4 }),
    ]);
    expect(at(over)).toEqual(['calendario.csv:3 time/daily-max']);
    expect(over.findings[0]!.severity).toBe('error');
    expect(over.findings[0]!.message).toBe('8 ore e 1 minuto il 28/06/2022 per RSSMRA80A01H501U, oltre il massimo di 8 ore al giorno');
  });

  it('counts each person, day and kind apart; group hours count for each participant', () => {
    const res = runRows(rules, [
      row({ data: '2022-06-28', inizio: '08:00', fine: '16:00', line: 2 }),
      row({ data: '2022-06-29', inizio: '08:00', fine: '16:00', line: 3 }),
      row({ data: '2022-06-28', inizio: '08:00', fine: '16:00', line: 4, cf: 'VRDLGU85M01L736X' }),
      // The same delivery in the timesheet is not counted twice.
      row({ data: '2022-06-28', inizio: '08:00', fine: '16:00', line: 2, kind: 'timesheet', file: 'timesheet-p01.csv' }),
      // A group session adds to the participant's own day.
      row({ data: '2022-06-29', inizio: '16:00', fine: '17:00', line: 5, collettiva: true }),
    ]);
    expect(at(res)).toEqual(['calendario.csv:5 time/daily-max']);
  });

  it('finds the person through the database dote when the row has no codice fiscale, else by dote', () => {
    const doti = [doteInfo({ id: 'A', cf: 'RSSMRA80A01H501U' }), doteInfo({ id: 'B', cf: 'RSSMRA80A01H501U' })];
    const res = runRows(rules, [
      row({ data: '2022-06-28', inizio: '08:00', fine: '12:00', doteId: 'A', cf: null }),
      row({ data: '2022-06-28', inizio: '13:00', fine: '17:30', doteId: 'B', cf: null }),
    ], { doti });
    expect(res.findings.map((f) => f.message)).toEqual(['8 ore e 30 minuti il 28/06/2022 per RSSMRA80A01H501U, oltre il massimo di 8 ore al giorno']);
    const noDb = runRows(rules, [
      row({ data: '2022-06-28', inizio: '08:00', fine: '12:00', doteId: 'JC-X', cf: null }),
      row({ data: '2022-06-28', inizio: '13:00', fine: '17:30', doteId: 'JC-Y', cf: null }),
    ]);
    expect(at(noDb)).toEqual([]);
  });

  it('is off for Cremona', () => {
    expect(at(runRows(rules, [row({ data: '2022-06-28', inizio: '08:00', fine: '18:00', servizio: 'QD2', doteId: 'C1' })]))).toEqual([]);
  });

  it('at entry, reports the candidate that crosses the cap over the existing deliveries', () => {
    const existing = [row({ data: '2022-06-28', inizio: '08:00', fine: '15:00', kind: 'erogazione', erogazioneId: 1 })];
    const ok = candidate(rules, existing, row({ data: '2022-06-28', inizio: '15:00', fine: '16:00', kind: 'erogazione' }));
    expect(ok).toEqual([]);
    const over = candidate(rules, existing, row({ data: '2022-06-28', inizio: '15:00', fine: '16:01', kind: 'erogazione' }));
    expect(over.map((f) => f.rule)).toEqual(['time/daily-max']);
  });
});
