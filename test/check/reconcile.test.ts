import { describe, expect, it } from 'vitest';
import { PairMap } from '../../src/check/pair-map.js';
import { Reconciler } from '../../src/check/reconcile.js';
import type { DeliveryRow } from '../../src/rules/types.js';
import { dayNumber } from '../../src/domain/dates.js';

describe('PairMap', () => {
  it('adds, finds, deletes and survives growth and tombstones', () => {
    const m = new PairMap(4);
    for (let i = 0; i < 5000; i++) m.add(i % 7, i * 2 ** 30, i);
    expect(m.size).toBe(5000);
    for (let i = 0; i < 5000; i += 2) m.delete(m.find(i % 7, i * 2 ** 30));
    expect(m.size).toBe(2500);
    for (let i = 0; i < 5000; i++) expect(m.find(i % 7, i * 2 ** 30) >= 0).toBe(i % 2 === 1);
    for (let i = 0; i < 20000; i++) m.add(8, i, -i); // reuses deleted slots, rehashes
    expect(m.get(m.find(8, 1234))).toBe(-1234);
    let n = 0;
    m.forEach(() => n++);
    expect(n).toBe(22500);
    expect(m.find(3, 0.5)).toBe(-1);
  });
});

function row(kind: 'calendario' | 'timesheet', line: number, data: string, inizio: string, fine: string, extra: Partial<DeliveryRow> = {}): DeliveryRow {
  const t = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return {
    kind, file: kind, line, doteId: 'CR-1', servizio: 'QT8', data, day: dayNumber(data), inizio: t(inizio), fine: t(fine),
    minuti: t(fine) - t(inizio), professionista: 'P01', cf: null, modalita: 'presenza', collettiva: false, sede: null, registrataIl: null, ...extra,
  };
}

function findings(rows: [DeliveryRow, number][], database = true, skipped: string[] = []): string[] {
  const rec = new Reconciler(() => ({ severita: 'error', parametri: {} }), (key) => key, { database, skip: (rule, reason) => skipped.push(`${rule}: ${reason}`) });
  for (const [r, fi] of rows) rec.row(r, fi, undefined);
  return rec.finish().map((f) => `${f.file}:${f.line} ${f.rule}`).sort();
}

describe('Reconciler', () => {
  it('matches rows one to one by dote, service, date, start, end and professional, in any order', () => {
    expect(
      findings([
        [row('timesheet', 2, '2022-03-21', '09:00', '10:00'), 1],
        [row('calendario', 5, '2022-03-21', '09:00', '10:00'), 0],
        [row('calendario', 6, '2022-03-22', '09:00', '10:00'), 0],
        [row('timesheet', 3, '2022-03-22', '09:00', '10:00'), 1],
      ]),
    ).toEqual([]);
  });

  it('a row written twice needs two matches: the later one is reported', () => {
    expect(
      findings([
        [row('calendario', 5, '2022-03-21', '09:00', '10:00'), 0],
        [row('calendario', 9, '2022-03-21', '09:00', '10:00'), 0],
        [row('timesheet', 2, '2022-03-21', '09:00', '10:00'), 1],
      ]),
    ).toEqual(['0:9 reconcile/missing-timesheet', '1:2 reconcile/total']);
  });

  it('a different end is no match; totals per professional, dote and service', () => {
    expect(
      findings([
        [row('calendario', 2, '2022-03-21', '09:00', '10:00'), 0],
        [row('timesheet', 2, '2022-03-21', '09:00', '10:30'), 1],
        [row('calendario', 3, '2022-03-22', '09:00', '10:00', { doteId: 'CR-2' }), 0],
        [row('timesheet', 3, '2022-03-22', '09:00', '10:00', { doteId: 'CR-2' }), 1],
      ]),
    ).toEqual(['0:2 reconcile/missing-timesheet', '1:2 reconcile/missing-calendar', '1:2 reconcile/total']);
  });

  it('leaves out the professionals without a timesheet in the call', () => {
    expect(findings([[row('calendario', 2, '2022-03-21', '09:00', '10:00', { professionista: 'P02' }), 0], [row('timesheet', 2, '2022-03-21', '11:00', '12:00'), 1], [row('calendario', 3, '2022-03-21', '11:00', '12:00'), 0]])).toEqual([]);
  });

  it('matches a row with a chain of rows of the other side that covers it exactly, both ways', () => {
    expect(
      findings([
        // One calendar delivery, two timesheet rows; the order of arrival does not matter.
        [row('timesheet', 2, '2022-05-11', '09:00', '10:00'), 1],
        [row('calendario', 2, '2022-05-11', '09:00', '11:00'), 0],
        [row('timesheet', 3, '2022-05-11', '10:00', '11:00'), 1],
        // Three calendar deliveries, one timesheet row.
        [row('calendario', 3, '2022-05-12', '09:00', '09:30'), 0],
        [row('calendario', 4, '2022-05-12', '09:30', '10:00'), 0],
        [row('calendario', 5, '2022-05-12', '10:00', '12:00'), 0],
        [row('timesheet', 4, '2022-05-12', '09:00', '12:00'), 1],
      ]),
    ).toEqual([]);
  });

  it('a chain with a gap, an overlap or another end covers nothing: every row is reported', () => {
    const ts = (line: number, inizio: string, fine: string, data = '2022-05-11') => [row('timesheet', line, data, inizio, fine), 1] as [DeliveryRow, number];
    const cal = (line: number, inizio: string, fine: string, data = '2022-05-11') => [row('calendario', line, data, inizio, fine), 0] as [DeliveryRow, number];
    const missing = (lines: number[], tsLines: number[]) => [...lines.map((l) => `0:${l} reconcile/missing-timesheet`), ...tsLines.map((l) => `1:${l} reconcile/missing-calendar`)];
    expect(findings([cal(2, '09:00', '11:00'), ts(2, '09:00', '10:00'), ts(3, '10:15', '11:00')])).toEqual([...missing([2], [2, 3]), '1:3 reconcile/total'].sort());
    expect(findings([cal(2, '09:00', '11:00'), ts(2, '09:00', '10:15'), ts(3, '10:00', '11:00')])).toEqual([...missing([2], [2, 3]), '1:3 reconcile/total'].sort());
    expect(findings([cal(2, '09:00', '11:00'), ts(2, '09:00', '10:00'), ts(3, '10:00', '11:30')])).toEqual([...missing([2], [2, 3]), '1:3 reconcile/total'].sort());
    // Another day, or another dote, is another chain even when the hours would fit.
    expect(findings([cal(2, '09:00', '11:00'), ts(2, '09:00', '10:00'), ts(3, '10:00', '11:00', '2022-05-12')])).toEqual(missing([2], [2, 3]).sort());
    expect(findings([cal(2, '09:00', '11:00'), ts(2, '09:00', '10:00'), [row('timesheet', 3, '2022-05-11', '10:00', '11:00', { doteId: 'CR-2' }), 1]])).toEqual(
      [...missing([2], [2, 3]), '1:2 reconcile/total', '1:3 reconcile/total'].sort(),
    );
  });

  it('exact matches come first, and a row takes part in one match only', () => {
    const cal = (line: number, inizio: string, fine: string) => [row('calendario', line, '2022-05-11', inizio, fine), 0] as [DeliveryRow, number];
    const ts = (line: number, inizio: string, fine: string) => [row('timesheet', line, '2022-05-11', inizio, fine), 1] as [DeliveryRow, number];
    // 9-10 matches 9-10 exactly: 9-11 is left with 10-11 alone.
    expect(findings([cal(2, '09:00', '11:00'), cal(3, '09:00', '10:00'), ts(2, '09:00', '10:00'), ts(3, '10:00', '11:00')])).toEqual(['0:2 reconcile/missing-timesheet', '1:3 reconcile/missing-calendar', '1:3 reconcile/total']);
    // Two identical calendar rows, one split pair in the timesheet: the later row is reported.
    expect(findings([cal(2, '09:00', '11:00'), cal(3, '09:00', '11:00'), ts(2, '09:00', '10:00'), ts(3, '10:00', '11:00')])).toEqual(['0:3 reconcile/missing-timesheet', '1:3 reconcile/total']);
    // Where several chains fit, one is taken (the earliest ends first): 9-10, 10-10:30, 10:30-11;
    // 10-11 is left over, an hour the calendar does not have.
    expect(findings([cal(2, '09:00', '11:00'), ts(2, '09:00', '10:00'), ts(3, '10:00', '10:30'), ts(4, '10:00', '11:00'), ts(5, '10:30', '11:00')])).toEqual(['1:4 reconcile/missing-calendar', '1:5 reconcile/total']);
  });

  it('without a database, a professional of the timesheets on no calendar row is skipped, not reported', () => {
    const skipped: string[] = [];
    const rows: [DeliveryRow, number][] = [
      [row('calendario', 2, '2022-03-21', '09:00', '10:00', { professionista: 'Mario Rossi' }), 0],
      [row('timesheet', 2, '2022-03-21', '09:00', '10:00'), 1],
      [row('calendario', 3, '2022-03-21', '11:00', '12:00', { professionista: 'Anna Verdi' }), 0],
      [row('timesheet', 2, '2022-03-21', '11:00', '12:30', { professionista: 'Anna Verdi' }), 2],
    ];
    // Anna Verdi is in both and is reconciled; P01 (the timesheet's name for Mario Rossi) is not.
    expect(findings(rows, false, skipped)).toEqual(['0:3 reconcile/missing-timesheet', '2:2 reconcile/missing-calendar', '2:2 reconcile/total']);
    const reason = 'professionista "P01" dei timesheet non trovato nei calendari: senza database codice e nome non si collegano (indica --db)';
    expect(skipped.sort()).toEqual([`reconcile/missing-calendar: ${reason}`, `reconcile/missing-timesheet: ${reason}`, `reconcile/total: ${reason}`]);
    // With a database the keys are registry codes: P01's hours are truly missing from the calendar.
    const none: string[] = [];
    expect(findings(rows, true, none)).toEqual(['0:3 reconcile/missing-timesheet', '1:2 reconcile/missing-calendar', '1:2 reconcile/total', '2:2 reconcile/missing-calendar', '2:2 reconcile/total']);
    expect(none).toEqual([]);
  });
});
