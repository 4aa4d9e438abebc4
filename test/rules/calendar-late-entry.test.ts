import { describe, expect, it } from 'vitest';
import { calendarLateEntry } from '../../src/rules/calendar-late-entry.js';
import { row, runRows } from './delivery-rows.js';

const rules = [calendarLateEntry];
const entry = (registrataIl: string | null, extra: Record<string, unknown> = {}) => row({ data: '2022-06-28', inizio: '10:00', fine: '12:00', registrataIl, ...extra });
const sev = (registrataIl: string, extra: Record<string, unknown> = {}) => runRows(rules, [entry(registrataIl, extra)]).findings.map((f) => f.severity);

describe('calendar/late-entry', () => {
  it('Job Coach: fine the day before, warning from the delivery day to 7 days after, error from the 8th day', () => {
    expect(sev('2022-06-27')).toEqual([]);
    expect(sev('2022-06-28')).toEqual(['warning']);
    expect(sev('2022-07-05')).toEqual(['warning']);
    expect(sev('2022-07-06')).toEqual(['error']);
    const f = runRows(rules, [entry('2022-07-06')]).findings[0]!;
    expect(f.message).toBe("registrata il 06/07/2022, 8 giorni dopo l'erogazione del 28/06/2022: oltre i 7 giorni consentiti");
    expect(runRows(rules, [entry('2022-07-01')]).findings[0]!.message).toBe("registrata il 01/07/2022, 3 giorni dopo l'erogazione");
  });

  it('Cremona: a warning after 7 days only (our rule)', () => {
    const q = { servizio: 'QD2', doteId: 'C1' };
    expect(sev('2022-06-28', q)).toEqual([]);
    expect(sev('2022-07-05', q)).toEqual([]);
    expect(sev('2022-07-06', q)).toEqual(['warning']);
    expect(sev('2022-09-06', q)).toEqual(['warning']);
  });

  it('is skipped when the registration date is unknown', () => {
    const res = runRows(rules, [entry(null)]);
    expect(res.findings).toEqual([]);
    expect(res.skipped).toEqual([{ rule: 'calendar/late-entry', reason: 'data di registrazione sconosciuta: colonna registrata_il assente o vuota' }]);
  });

  it('timesheet rows without registrata_il (not a timesheet column) do not make it skipped', () => {
    const ts = { kind: 'timesheet' as const, file: 'timesheet.csv' };
    const res = runRows(rules, [entry('2022-06-27'), entry(null, ts), entry(null, ts)]);
    expect(res.findings).toEqual([]);
    expect(res.skipped).toEqual([]);
    // A calendar row without it still does, whatever the timesheets say.
    expect(runRows(rules, [entry(null, ts), entry(null)]).skipped.map((s) => s.rule)).toEqual(['calendar/late-entry']);
  });
});
