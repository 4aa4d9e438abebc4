import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/domain/dates.js';

describe('addMonths (the end of a dote: 6 or 12 months from the PIP validation)', () => {
  it('keeps the day, or clamps it to the month’s last day', () => {
    expect(addMonths('2022-03-15', 12)).toBe('2023-03-15');
    expect(addMonths('2022-01-31', 1)).toBe('2022-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2022-08-31', 6)).toBe('2023-02-28');
    expect(addMonths('2022-03-31', -1)).toBe('2022-02-28');
  });
  it('crosses the DST change without moving the day', () => {
    expect(addMonths('2022-02-27', 1)).toBe('2022-03-27');
    expect(addMonths('2022-09-30', 1)).toBe('2022-10-30');
  });
});
