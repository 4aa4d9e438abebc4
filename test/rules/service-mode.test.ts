import { describe, expect, it } from 'vitest';
import { serviceMode } from '../../src/rules/service-mode.js';
import { at, row, runRows } from './delivery-rows.js';

const rules = [serviceMode];
const r = (servizio: string, modalita: string, line: number) =>
  row({ servizio, modalita: modalita as never, doteId: 'C1', data: '2022-03-01', inizio: '09:00', fine: '10:00', line });

describe('service/mode (Cremona, "Modalità di erogazione")', () => {
  it('allows distance only for training (FAD) and active job search (telematica); never tutoring by telephone', () => {
    const res = runRows(rules, [
      r('QF0', 'fad', 2),
      r('QF0-COV', 'fad', 3),
      r('QT6', 'telematica', 4),
      r('QT8', 'presenza', 5),
      r('QT8', 'telefonica', 6),
      r('QT6', 'fad', 7),
      r('QD2', 'telematica', 8),
    ]);
    expect(at(res)).toEqual(['calendario.csv:6 service/mode', 'calendario.csv:7 service/mode', 'calendario.csv:8 service/mode']);
    expect(res.findings[0]!.message).toBe('modalità telefonica non consentita per QT8 (consentite: presenza)');
  });

  it('is off for Job Coach', () => {
    expect(at(runRows(rules, [row({ modalita: 'telefonica', data: '2022-06-28', inizio: '09:00', fine: '10:00' })]))).toEqual([]);
  });
});
