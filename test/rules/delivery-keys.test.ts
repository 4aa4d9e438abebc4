import { describe, expect, it } from 'vitest';
import { IntMap, Totals, dayKey } from '../../src/rules/delivery-keys.js';

describe('IntMap (compact state of the aggregate rules)', () => {
  it('agrees with a Map over many keys, through growth, up to 2^53', () => {
    const m = new IntMap(4);
    const ref = new Map<number, number>();
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 50_000; i++) {
      const key = i % 3 === 0 ? rnd() * 4096 + (i % 4096) : i % 3 === 1 ? dayKey(rnd() % 100_000, 19_000 + (i % 365)) : i;
      const s = m.slot(key);
      m.set(s, m.get(s) + 1);
      ref.set(key, (ref.get(key) ?? 0) + 1);
    }
    m.set(m.slot(2 ** 53 - 2), 5);
    ref.set(2 ** 53 - 2, 5);
    expect(m.size).toBe(ref.size);
    for (const [k, v] of ref) expect(m.get(m.find(k))).toBe(v);
    expect(m.find(123_456_789_012)).toBe(-1);
    expect(m.get(m.slot(0))).toBe(ref.get(0) ?? 0);
  });

  it('Totals add up and report a key once', () => {
    const t = new Totals();
    expect(t.add(10, 240)).toBe(240);
    expect(t.add(10, 241)).toBe(481);
    t.markReported(10);
    expect(t.add(10, 60)).toBe(-1);
    expect(t.add(11, 60)).toBe(60);
  });
});
