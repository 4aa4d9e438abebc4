import { describe, expect, it } from 'vitest';
import { timeWindow } from '../../src/rules/time-window.js';
import { at, row, runRows } from './delivery-rows.js';

describe('time/window (Job Coach manual 3.2: from 07:30 to 23:00)', () => {
  it('allows a start at 07:30 and an end at 23:00, refuses 07:29 and 23:01', () => {
    const res = runRows([timeWindow], [
      row({ data: '2022-06-28', inizio: '07:30', fine: '08:30', line: 2 }),
      row({ data: '2022-06-28', inizio: '22:00', fine: '23:00', line: 3 }),
      row({ data: '2022-06-29', inizio: '07:29', fine: '08:30', line: 4 }),
      row({ data: '2022-06-29', inizio: '22:00', fine: '23:01', line: 5 }),
    ]);
    expect(at(res)).toEqual(['calendario.csv:4 time/window', 'calendario.csv:5 time/window']);
  });
});
