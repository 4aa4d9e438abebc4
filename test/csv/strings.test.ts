import { describe, expect, it } from 'vitest';
import { cachedParser } from '../../src/csv/strings.js';

describe('cachedParser', () => {
  it('parses each distinct text once and returns the value or the message', () => {
    const seen: string[] = [];
    const parse = cachedParser((raw) => {
      seen.push(raw);
      return /^\d+$/.test(raw) ? Number(raw) : `"${raw}" non numerico`;
    });
    expect(['1', '1', '2', '1', 'x', 'x', '2'].map(parse)).toEqual([1, 1, 2, 1, '"x" non numerico', '"x" non numerico', 2]);
    expect(seen).toEqual(['1', '2', 'x']);
  });

  it('keeps working past the cache limit (the cache is emptied, values stay right)', () => {
    let calls = 0;
    const parse = cachedParser((raw) => {
      calls++;
      return raw.length;
    });
    for (let i = 0; i < 50_010; i++) expect(parse(`v${i}`)).toBe(String(i).length + 1);
    expect(calls).toBe(50_010);
    expect(parse('v0')).toBe(2);
    expect(calls).toBe(50_011);
  });
});
