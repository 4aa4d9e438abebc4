import { describe, expect, it } from 'vitest';
import { calendarHoliday, PATRONO_SENZA_DATABASE } from '../../src/rules/calendar-holiday.js';
import { at, row, runRows } from './delivery-rows.js';

const rules = [calendarHoliday];
const day = (data: string, extra: Record<string, unknown> = {}) => row({ data, inizio: '09:00', fine: '10:00', ...extra });

describe('calendar/holiday (Job Coach manual 3.2: never on public holidays)', () => {
  it('reports Easter Sunday and Monday 2022 (17 and 18 April), not the days around them', () => {
    const res = runRows(rules, [day('2022-04-16', { line: 2 }), day('2022-04-17', { line: 3 }), day('2022-04-18', { line: 4 }), day('2022-04-19', { line: 5 })]);
    expect(at(res)).toEqual(['calendario.csv:3 calendar/holiday', 'calendario.csv:4 calendar/holiday']);
    expect(res.findings[1]!.message).toBe("attività il 18/04/2022, giorno festivo: Lunedì dell'Angelo (Pasquetta)");
    expect(res.findings[1]!.severity).toBe('error');
  });

  it('reports Sundays and fixed national holidays', () => {
    const res = runRows(rules, [day('2022-06-26', { line: 2 }), day('2022-06-02', { line: 3 }), day('2022-04-25', { line: 4 }), day('2022-06-27', { line: 5 })]);
    expect(at(res)).toEqual(['calendario.csv:2 calendar/holiday', 'calendario.csv:3 calendar/holiday', 'calendario.csv:4 calendar/holiday']);
    expect(res.findings[0]!.message).toBe('attività il 26/06/2022, domenica');
  });

  it("reports the sede's patron day only for that sede", () => {
    const patroni = { Padova: '06-13', Verona: '05-21' };
    const res = runRows(rules, [day('2022-06-13', { sede: 'Padova', line: 2 }), day('2022-06-13', { sede: 'Verona', line: 3 }), day('2022-06-13', { line: 4 })], { patroni });
    expect(at(res)).toEqual(['calendario.csv:2 calendar/holiday']);
    expect(res.findings[0]!.message).toBe('attività il 13/06/2022, festa del santo patrono della sede Padova');
  });

  it('is a warning for Cremona (our rule)', () => {
    const res = runRows(rules, [day('2021-11-13', { servizio: 'QD2', sede: 'Cremona', doteId: 'C1' })], { patroni: { Cremona: '11-13' } });
    expect(res.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  describe('patron day without a database (docs/comandi.md: skipped rules are listed with a reason)', () => {
    const cremona = (data: string, line: number, extra: Record<string, unknown> = {}) =>
      day(data, { servizio: 'QD2', sede: 'Cremona', doteId: 'C1', line, ...extra });

    it('says once that the patron day is unknown, and still checks Sundays and national holidays', () => {
      // 13/11/2021 is Cremona's patron day (a Saturday); 14/11/2021 a Sunday; 08/12/2021 a holiday.
      const res = runRows(rules, [cremona('2021-11-13', 2), cremona('2021-11-14', 3), cremona('2021-12-08', 4), cremona('2021-11-15', 5)]);
      expect(at(res)).toEqual(['calendario.csv:3 calendar/holiday', 'calendario.csv:4 calendar/holiday']);
      expect(res.findings[0]!.message).toBe('attività il 14/11/2021, domenica');
      expect(res.skipped).toEqual([
        { rule: 'calendar/holiday', reason: 'patrono della sede sconosciuto: nessun database (domeniche e festività nazionali controllate)' },
      ]);
      expect(PATRONO_SENZA_DATABASE).toBe(res.skipped[0]!.reason);
    });

    it('is not skipped for rows without a sede', () => {
      const res = runRows(rules, [day('2022-06-13', { line: 2 }), day('2022-06-12', { line: 3 })]);
      expect(at(res)).toEqual(['calendario.csv:3 calendar/holiday']);
      expect(res.skipped).toEqual([]);
    });

    it('is not skipped with a database that knows the sede, and the findings are as before', () => {
      const rows = [cremona('2021-11-13', 2), cremona('2021-11-14', 3), cremona('2021-11-15', 4)];
      const res = runRows(rules, rows, { hasDatabase: true, patroni: { Cremona: '11-13' } });
      expect(at(res)).toEqual(['calendario.csv:2 calendar/holiday', 'calendario.csv:3 calendar/holiday']);
      expect(res.findings[0]!.message).toBe('attività il 13/11/2021, festa del santo patrono della sede Cremona');
      expect(res.skipped).toEqual([]);
    });
  });
});
