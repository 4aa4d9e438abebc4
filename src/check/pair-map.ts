/**
 * A hash map from a key pair (a small non-negative integer, a number up to 2^52) to a number, in
 * typed arrays: 20 bytes a slot, no object per entry. The batch checker keeps one entry per
 * unreconciled row and, for importa, one per new delivery; a JavaScript Map of a million entries
 * would cost four times the memory (boxed numbers, hash table nodes) and push a 1-million-row
 * check past its memory budget.
 */
const EMPTY = -1;
const DELETED = -2;

export class PairMap {
  private groups: Int32Array;
  private keys: Float64Array;
  private values: Float64Array;
  private mask: number;
  private used = 0; // live + deleted slots
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity) cap *= 2;
    this.groups = new Int32Array(cap).fill(EMPTY);
    this.keys = new Float64Array(cap);
    this.values = new Float64Array(cap);
    this.mask = cap - 1;
  }

  private static hash(group: number, key: number): number {
    const lo = key >>> 0;
    const hi = (key - lo) / 4294967296;
    let h = Math.imul(lo ^ Math.imul(hi + group * 0x27d4eb2d, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 13)) >>> 0;
  }

  /** The slot holding (group, key), or -1. */
  find(group: number, key: number): number {
    let i = PairMap.hash(group, key) & this.mask;
    for (;;) {
      const g = this.groups[i]!;
      if (g === EMPTY) return -1;
      if (g === group && this.keys[i] === key) return i;
      i = (i + 1) & this.mask;
    }
  }

  get(slot: number): number {
    return this.values[slot]!;
  }

  set(slot: number, value: number): void {
    this.values[slot] = value;
  }

  /** Adds (group, key) → value; the pair must not be in the map. */
  add(group: number, key: number, value: number): void {
    if ((this.used + 1) * 4 > this.groups.length * 3) this.rehash();
    let i = PairMap.hash(group, key) & this.mask;
    for (;;) {
      const g = this.groups[i]!;
      if (g === EMPTY || g === DELETED) break;
      i = (i + 1) & this.mask;
    }
    if (this.groups[i] === EMPTY) this.used++;
    this.groups[i] = group;
    this.keys[i] = key;
    this.values[i] = value;
    this.size++;
  }

  delete(slot: number): void {
    this.groups[slot] = DELETED;
    this.size--;
  }

  /** Calls `fn` for every entry. */
  forEach(fn: (group: number, key: number, value: number) => void): void {
    for (let i = 0; i < this.groups.length; i++) {
      const g = this.groups[i]!;
      if (g >= 0) fn(g, this.keys[i]!, this.values[i]!);
    }
  }

  /** Grows when live entries fill the table, else only clears the deleted slots. */
  private rehash(): void {
    const og = this.groups, ok = this.keys, ov = this.values;
    // At most three quarters full (live and deleted slots), at most half full of live entries
    // after a rehash: a million entries take 2^21 slots, 40 MB.
    let cap = og.length;
    while (this.size * 2 > cap) cap *= 2;
    this.groups = new Int32Array(cap).fill(EMPTY);
    this.keys = new Float64Array(cap);
    this.values = new Float64Array(cap);
    this.mask = cap - 1;
    this.used = this.size;
    for (let j = 0; j < og.length; j++) {
      const g = og[j]!;
      if (g < 0) continue;
      let i = PairMap.hash(g, ok[j]!) & this.mask;
      while (this.groups[i] !== EMPTY) i = (i + 1) & this.mask;
      this.groups[i] = g;
      this.keys[i] = ok[j]!;
      this.values[i] = ov[j]!;
    }
  }
}
