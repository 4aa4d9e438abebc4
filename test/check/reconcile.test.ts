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

function findings(rows: [DeliveryRow, number][]): string[] {
  const rec = new Reconciler(() => ({ severita: 'error', parametri: {} }));
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
});
