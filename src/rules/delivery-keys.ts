/**
 * Compact keys for the aggregate delivery rules. The CSV checker streams millions of rows through
 * the same rule modules, so their state must stay small: strings (people, professionals, doti,
 * services, files) are interned once to small integers, and a day's or a week's total lives in a
 * Map keyed by one number built from those integers. No DeliveryRow is ever retained.
 */
import type { Bando, RegolaSetting } from '../bandi/schema.js';
import type { DeliveryRow, RuleEnv } from './types.js';
import { formatHours } from '../domain/money.js';

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

/** Strings to dense integers, for numeric map keys. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.ids.set(s, i);
      this.values.push(s);
    }
    return i;
  }
}

/**
 * The person a row belongs to: the codice fiscale of the row, else the one the database knows
 * for the dote, else the dote itself (one dote is one person).
 */
export function personOf(env: RuleEnv, r: DeliveryRow): string {
  if (r.cf) return r.cf;
  const cf = env.dote(r.doteId)?.cf;
  return cf ? cf : `dote ${r.doteId}`;
}

/** Minutes as `9:00`, `40:30`: hours and minutes, as people count worked hours. */
export function hoursMinutes(min: number): string {
  const m = min % 60;
  return `${Math.floor(min / 60)}:${m < 10 ? '0' : ''}${m}`;
}

/** `8 ore`, `1 ora`, `1,5 ore`. */
export function hoursWord(min: number): string {
  return `${formatHours(min)} ${min === 60 ? 'ora' : 'ore'}`;
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
export function onceSkipper(env: RuleEnv, ruleId: string): (reason: string) => void {
  const seen = new Set<string>();
  return (reason) => {
    if (seen.has(reason)) return;
    seen.add(reason);
    env.skip(ruleId, reason);
  };
}
