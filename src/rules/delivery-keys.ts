/**
 * Compact keys for the aggregate delivery rules. The CSV checker streams millions of rows through
 * the same rule modules, so their state must stay small: strings (people, professionals, doti,
 * services, files) are interned once to small integers, and a day's or a week's total lives in a
 * Map keyed by one number built from those integers. No DeliveryRow is ever retained.
 */
import type { Bando, RegolaSetting } from '../bandi/schema.js';
import type { DeliveryRow, SharedEnv } from './types.js';

/**
 * Kinds are counted apart: the same delivery may be in a calendar and in a timesheet (and in the
 * database), and counting it once per kind avoids counting it twice.
 */
export function kindIndex(kind: DeliveryRow['kind']): number {
  return kind === 'calendario' ? 0 : kind === 'timesheet' ? 1 : 2;
}
export const KINDS = 3;

/** Day numbers from 1900 to 2200 fit in [0, 2^17) once shifted by 2^15. */
export const DAY_SPAN = 131_072;
const DAY_SHIFT = 32_768;

export function dayKey(base: number, day: number): number {
  return base * DAY_SPAN + day + DAY_SHIFT;
}

/**
 * A hash map from integer keys (0 ≤ key < 2^53) to int32 values, in typed arrays (open addressing,
 * linear probing). A day's or a week's totals for a million person-days take ~24 MB here against
 * ~70 MB in a Map with heap-number keys, and the CSV checker must stay within its memory budget.
 * Use `slot(key)` to find or insert (value 0), then `get`/`set` on the slot.
 */
export class IntMap {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private static hash(key: number): number {
    const lo = key >>> 0;
    const hi = (key - lo) / 4294967296;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 13)) >>> 0;
  }

  /** The slot of `key`, inserted with value 0 when missing. Slots change when the map grows. */
  slot(key: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const stored = key + 1; // 0 marks an empty slot
    let i = IntMap.hash(key) & this.mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === stored) return i;
      if (k === 0) {
        this.keys[i] = stored;
        this.size++;
        return i;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** The slot of `key`, or -1. */
  find(key: number): number {
    const stored = key + 1;
    let i = IntMap.hash(key) & this.mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === stored) return i;
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  get(slot: number): number {
    return this.vals[slot]!;
  }

  set(slot: number, value: number): void {
    this.vals[slot] = value;
  }

  private grow(): void {
    const oldKeys = this.keys, oldVals = this.vals;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.vals = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!;
      if (k === 0) continue;
      let i = IntMap.hash(k - 1) & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.vals[i] = oldVals[j]!;
    }
  }
}

/**
 * Running totals per key that report once: `add` returns the new total, or -1 when the key was
 * already reported (then nothing is added). `markReported` freezes a key.
 */
export class Totals {
  private readonly map = new IntMap();
  /** Whether the key has a total (or was reported). */
  has(key: number): boolean {
    return this.map.find(key) >= 0;
  }
  add(key: number, minutes: number): number {
    const s = this.map.slot(key);
    const prev = this.map.get(s);
    if (prev < 0) return -1;
    const total = prev + minutes;
    this.map.set(s, total);
    return total;
  }
  markReported(key: number): void {
    this.map.set(this.map.slot(key), -1);
  }
}

/** Strings to dense integers, for numeric map keys. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  private last = '';
  private lastId = -1;
  id(s: string): number {
    // Consecutive rows mostly share the value (the same string object): no hashing then.
    if (s === this.last && this.lastId >= 0) return this.lastId;
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.ids.set(s, i);
      this.values.push(s);
    }
    this.last = s;
    this.lastId = i;
    return i;
  }
}

/**
 * The person a row belongs to: the codice fiscale of the row, else the one the database knows
 * for the dote, else the dote itself (one dote is one person).
 */
export function personOf(env: SharedEnv, r: DeliveryRow): string {
  if (r.cf) return r.cf;
  const cf = env.dote(r.doteId)?.cf;
  return cf ? cf : `dote ${r.doteId}`;
}

/** A numeric parameter of a rule setting, or the default. */
export function numberParam(s: RegolaSetting, name: string, fallback: number): number {
  const v = s.parametri[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Per-bando memo of a value derived from the rule setting (parsed once, not per row). */
export function memoByBando<T>(fn: (bando: Bando) => T): (bando: Bando) => T {
  const m = new Map<Bando, T>();
  return (b) => {
    let v = m.get(b);
    if (v === undefined && !m.has(b)) {
      v = fn(b);
      m.set(b, v);
    }
    return v as T;
  };
}

/** Reports a skip once per reason (the env shows it once anyway; this saves the calls). */
export function onceSkipper(env: SharedEnv, ruleId: string): (reason: string) => void {
  const seen = new Set<string>();
  return (reason) => {
    if (seen.has(reason)) return;
    seen.add(reason);
    env.skip(ruleId, reason);
  };
}
