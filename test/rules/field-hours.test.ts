import { describe, expect, it } from 'vitest';
import { fieldHours } from '../../src/rules/field-hours.js';


const parse = fieldHours.parser();

describe('field/hours: the `ore` cell as written', () => {
  it.each([
    ['1,5', 90],
    ['1.5', 90],
    ['1:30', 90],
    ['01:30', 90],
    ['0:20', 20],
    ['8', 480],
    ['100:00', 6000],
  ])('%s is %i minutes', (raw, minutes) => expect(parse(raw)).toBe(minutes));

  it('refuses minutes past 59 and words, with a message that says why and what to write', () => {
    const said = parse('1:75');
    expect(said).toEqual({ messageId: 'minutiOltre', data: { ore: '1:75' } });
    expect(fieldHours.messages.minutiOltre({ ore: '1:75' })).toBe('ore "1:75": i minuti vanno da 00 a 59; scrivi ad esempio 1:30 o 1,5 per un\'ora e mezza');
    expect(parse('uno')).toEqual({ messageId: 'nonNumeriche', data: { ore: 'uno' } });
    expect(parse('1:5')).toEqual({ messageId: 'nonNumeriche', data: { ore: '1:5' } });
    expect(parse('1234:00')).toEqual({ messageId: 'nonNumeriche', data: { ore: '1234:00' } });
  });

  it('says a mismatch as a duration, never as a clock time', () => {
    const m = fieldHours.mismatch('2', 120, 9 * 60, 11 * 60 + 30)!;
    expect(fieldHours.messages.diverse(m.data as never)).toBe('ore 2, ma dalle 09:00 alle 11:30 sono 2 ore e 30 minuti');
    expect(fieldHours.mismatch('2:30', 150, 9 * 60, 11 * 60 + 30)).toBeNull();
  });
});
