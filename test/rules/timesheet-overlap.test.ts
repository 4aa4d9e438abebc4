import { describe, expect, it } from 'vitest';
import { timesheetOverlap } from '../../src/rules/timesheet-overlap.js';
import { at, candidate, row, runRows } from './delivery-rows.js';

const rules = [timesheetOverlap];
const r = (inizio: string, fine: string, line: number, extra: Record<string, unknown> = {}) => row({ data: '2022-06-28', inizio, fine, line, ...extra });

describe('timesheet/overlap', () => {
  it('allows touching intervals, reports the later of two overlapping ones naming the earlier', () => {
    expect(at(runRows(rules, [r('10:00', '11:00', 2), r('11:00', '12:00', 3, { doteId: 'JC-2' })]))).toEqual([]);
    const res = runRows(rules, [r('10:00', '11:00', 2), r('10:59', '12:00', 3, { doteId: 'JC-2' })]);
    expect(at(res)).toEqual(['calendario.csv:3 timesheet/overlap']);
    expect(res.findings[0]!.message).toBe('P01 impegnato il 28/06/2022 dalle 10:59 alle 12:00 e nello stesso momento in calendario.csv:2 (10:00-11:00)');
  });

  it('looks across files of the same kind, never between a calendar row and its timesheet row', () => {
    const ts = { kind: 'timesheet', file: 'timesheet-b.csv' };
    const res = runRows(rules, [
      r('10:00', '12:00', 2),
      r('10:00', '12:00', 2, ts),
      r('11:00', '12:00', 5, { kind: 'timesheet', file: 'foglio-a.csv' }),
      r('10:00', '12:00', 3, { professionista: 'P02' }),
      r('10:00', '12:00', 4, { data: '2022-06-29' }),
    ]);
    expect(at(res)).toEqual(['foglio-a.csv:5 timesheet/overlap']);
    expect(res.findings[0]!.message).toContain('timesheet-b.csv:2');
  });

  it('treats group rows at the same time as one session; an individual row during it overlaps', () => {
    const g = { collettiva: true };
    expect(at(runRows(rules, [r('10:00', '12:00', 2, g), r('10:00', '12:00', 3, { ...g, doteId: 'JC-2' })]))).toEqual([]);
    expect(at(runRows(rules, [r('10:00', '12:00', 2, g), r('11:00', '11:30', 3, { doteId: 'JC-2' })]))).toEqual(['calendario.csv:3 timesheet/overlap']);
  });

  it('keeps a repeated interval once but still reports every row that overlaps it', () => {
    const g = { collettiva: true };
    // A session of three, then an individual row in it, then the same session's hours again.
    const res = runRows(rules, [
      r('10:00', '12:00', 2, g),
      r('10:00', '12:00', 3, { ...g, doteId: 'JC-2' }),
      r('10:00', '12:00', 4, { ...g, doteId: 'JC-3' }),
      r('11:00', '11:30', 5, { doteId: 'JC-4' }),
      r('11:15', '11:45', 6, { doteId: 'JC-5' }),
    ]);
    expect(at(res)).toEqual(['calendario.csv:5 timesheet/overlap', 'calendario.csv:6 timesheet/overlap']);
    expect(res.findings[0]!.message).toContain('calendario.csv:2 (10:00-12:00)');
    // Three identical individual rows: the second and the third are each reported.
    expect(at(runRows(rules, [r('09:00', '10:00', 2), r('09:00', '10:00', 3, { doteId: 'JC-2' }), r('09:00', '10:00', 4, { doteId: 'JC-3' })]))).toEqual([
      'calendario.csv:3 timesheet/overlap',
      'calendario.csv:4 timesheet/overlap',
    ]);
  });

  it('at entry, names the erogazione already in that slot', () => {
    const existing = [r('10:00', '12:00', 0, { kind: 'erogazione', file: '', erogazioneId: 37 })];
    const f = candidate(rules, existing, r('11:00', '13:00', 0, { kind: 'erogazione', file: '' }));
    expect(f.map((x) => x.message)).toEqual(["P01 impegnato il 28/06/2022 dalle 11:00 alle 13:00 e nello stesso momento nell'erogazione 37 (10:00-12:00)"]);
    expect(candidate(rules, existing, r('12:00', '13:00', 0, { kind: 'erogazione', file: '' }))).toEqual([]);
  });
});
