/**
 * A Bloom filter of integer keys (up to 2^53), in one Int32Array: "certainly not seen" or "maybe
 * seen". importa uses it to know, without a query and in a few bytes per row, that a row's key
 * was not added earlier in the same call; a "maybe" is checked for real by the writer thread.
 */
export class BloomFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  /**
   * Sized for `expected` keys at `bitsPerKey` or more (the size is a power of two). importa expects
   * a key per 40 bytes of file, rows of 100 bytes are more usual: at 12 bits for the 40 bytes
   * (about 5 false "maybe" in 1,000 with rows that short, 3 in 100,000 with rows of 100 bytes; a
   * "maybe" costs the writer one query). It was 24 bits: for 2,000,000 rows a filter of 16 MB
   * instead of 8, and 5 probes that miss the processor's caches cost three times as long.
   */
  constructor(expected: number, bitsPerKey = 12, minBits = 1 << 16) {
    let m = minBits;
    while (m < expected * bitsPerKey && m < 2 ** 31) m *= 2;
    this.bits = new Int32Array(m / 32);
    this.mask = m - 1;
  }

  /** Adds the key; true when it may have been added before. */
  testAndAdd(key: number): boolean {
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) | 0;
    let h1 = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
    h1 ^= h1 >>> 15;
    h1 = Math.imul(h1, 0x85ebca6b);
    h1 ^= h1 >>> 13;
    let h2 = Math.imul(hi ^ Math.imul(lo, 0x165667b1), 0xc2b2ae35);
    h2 ^= h2 >>> 16;
    h2 = (Math.imul(h2, 0x27d4eb2f) ^ (h2 >>> 15)) | 1;
    let seen = true;
    for (let i = 0; i < 5; i++) {
      const b = (h1 + Math.imul(i, h2)) & this.mask;
      const w = b >>> 5;
      const bit = 1 << (b & 31);
      if ((this.bits[w]! & bit) === 0) {
        seen = false;
        this.bits[w]! |= bit;
      }
    }
    return seen;
  }
}
