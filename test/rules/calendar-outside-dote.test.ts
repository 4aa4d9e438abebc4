import { describe, expect, it } from 'vitest';
import { calendarOutsideDote } from '../../src/rules/calendar-outside-dote.js';
import { at, doteInfo, row, runRows } from './delivery-rows.js';

const rules = [calendarOutsideDote];
const day = (data: string, line: number) => row({ data, inizio: '09:00', fine: '10:00', doteId: 'JC-1', line });

describe('calendar/outside-dote', () => {
  it('allows the first and last day of the dote, reports the days outside', () => {
    const doti = [doteInfo({ id: 'JC-1', inizio: '2022-06-01', fine: '2022-06-30' })];
    const res = runRows(rules, [day('2022-05-31', 2), day('2022-06-01', 3), day('2022-06-30', 4), day('2022-07-01', 5)], { doti });
    expect(at(res)).toEqual(['calendario.csv:2 calendar/outside-dote', 'calendario.csv:5 calendar/outside-dote']);
    expect(res.findings[0]!.message).toBe("attività il 31/05/2022, prima dell'inizio della dote JC-1 (01/06/2022)");
    expect(res.findings[1]!.message).toBe('attività il 01/07/2022, dopo la fine della dote JC-1 (30/06/2022)');
  });

  it('reports a dote not started yet', () => {
    const res = runRows(rules, [day('2022-06-01', 2)], { doti: [doteInfo({ id: 'JC-1', inizio: null, fine: null, stato: 'PROPOSTA' })] });
    expect(at(res)).toEqual(['calendario.csv:2 calendar/outside-dote']);
  });

  it('is skipped, with its reason, without a database or for a dote the database does not know', () => {
    const noDb = runRows(rules, [day('2022-06-01', 2), day('2022-06-02', 3)]);
    expect(noDb.findings).toEqual([]);
    expect(noDb.skipped).toEqual([{ rule: 'calendar/outside-dote', reason: 'date della dote sconosciute: nessun database' }]);
    const unknown = runRows(rules, [day('2022-06-01', 2)], { hasDatabase: true });
    expect(unknown.skipped).toEqual([{ rule: 'calendar/outside-dote', reason: 'dote sconosciuta nel database' }]);
  });
});
