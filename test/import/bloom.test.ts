/** The Bloom filter behind importa's "added earlier in this call?": never a false "not seen". */
import { describe, expect, it } from 'vitest';
import { BloomFilter } from '../../src/import/bloom.js';

describe('BloomFilter', () => {
  it('says "maybe" for every key added before, and rarely for a new one', () => {
    const f = new BloomFilter(200_000);
    const key = (g: number, day: number, start: number) => g * 2 ** 28 + (day + 32768) * 1440 + start;
    let falseMaybe = 0;
    for (let g = 0; g < 50; g++) for (let day = 0; day < 500; day++) for (const s of [540, 600, 660, 720]) if (f.testAndAdd(key(g, day, s))) falseMaybe++;
    // 100,000 distinct keys in a filter sized for 200,000 (2^22 bits, 42 a key): expected ~0.002% false "maybe".
    expect(falseMaybe).toBeLessThan(100);
    for (let g = 0; g < 50; g++) for (let day = 0; day < 500; day += 7) expect(f.testAndAdd(key(g, day, 600))).toBe(true);
    // Keys above 2^32 (large groups) are told apart too.
    expect(f.testAndAdd(key(40_000, 1, 540))).toBe(false);
    expect(f.testAndAdd(key(40_000, 1, 540))).toBe(true);
  });
});
