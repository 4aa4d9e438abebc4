/**
 * The writer protocol's elision of repeated text: what the main thread elides, the writer puts
 * back exactly, whatever the mix of operations, nulls and repeats.
 */
import { describe, expect, it } from 'vitest';
import { EROGAZIONE_TEXT, Op, SAME, TIMESHEET_TEXT, elide, restore } from '../../src/import/import-writer-protocol.js';

/** A small deterministic generator (the test must be the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function erogazione(r: () => number, n: number): unknown[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return [0, pick(['CR-1', 'CR-2', 'CR-30']), pick(['QD1', 'QF0']), pick(['2022-03-01', '2022-03-02']), 540, 600, 1, pick([1, null]), pick(['presenza', 'fad']), pick([0, 1]), 'P01', pick(['accoglienza', null, '']), pick(['2022-03-10', '2022-03-01']), n];
}

function timesheet(r: () => number, n: number): unknown[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return [1, 1, pick(['CR-1', 'CR-2']), pick(['QD1', 'QF0']), pick(['2022-03-01', '2022-03-02']), 540, 600, pick([0, 1]), pick(['colloquio', null]), n];
}

describe('import writer protocol', () => {
  it('restore gives back exactly what elide was given, over mixed operations', () => {
    const r = rng(42);
    const original: unknown[] = [];
    for (let n = 0; n < 2000; n++) {
      const k = r();
      if (k < 0.45) original.push(r() < 0.9 ? Op.InsertErogazione : Op.MaybeErogazione, ...erogazione(r, n));
      else if (k < 0.9) original.push(r() < 0.9 ? Op.InsertTimesheet : Op.MaybeTimesheet, ...timesheet(r, n));
      else original.push(Op.UpdateTimesheet, 600, 1, null, 'f.csv', n, '2022-03-10', n);
    }
    // The main thread's side, operation by operation.
    const sent = original.slice();
    const prevE: unknown[] = [];
    const prevT: unknown[] = [];
    let elided = 0;
    for (let i = 0; i < sent.length; ) {
      const op = sent[i] as number;
      if (op === Op.InsertErogazione || op === Op.MaybeErogazione) {
        elide(sent, i + 1, EROGAZIONE_TEXT, prevE);
        i += 15;
      } else if (op === Op.InsertTimesheet || op === Op.MaybeTimesheet) {
        elide(sent, i + 1, TIMESHEET_TEXT, prevT);
        i += 11;
      } else i += 8;
    }
    for (const v of sent) if (v === SAME) elided++;
    expect(elided).toBeGreaterThan(2000);
    expect(sent).not.toEqual(original);
    // The writer's side.
    const back = sent.slice();
    const rE: unknown[] = [];
    const rT: unknown[] = [];
    for (let i = 0; i < back.length; ) {
      const op = back[i] as number;
      if (op === Op.InsertErogazione || op === Op.MaybeErogazione) {
        restore(back, i + 1, EROGAZIONE_TEXT, rE);
        i += 15;
      } else if (op === Op.InsertTimesheet || op === Op.MaybeTimesheet) {
        restore(back, i + 1, TIMESHEET_TEXT, rT);
        i += 11;
      } else i += 8;
    }
    expect(back).toEqual(original);
  });

  it('elides only text columns: numbers equal to the marker are sent as they are', () => {
    const ops = [0, 'CR-1', 'QD1', '2022-03-01', 0, 0, 0, 0, 'presenza', 0, 'P01', null, '2022-03-10', 0];
    const prev: unknown[] = [];
    elide(ops, 0, EROGAZIONE_TEXT, prev);
    const second = ops.slice();
    elide(second, 0, EROGAZIONE_TEXT, prev);
    expect(second.filter((v, i) => v === SAME && !(EROGAZIONE_TEXT as readonly number[]).includes(i)).length).toBe(ops.filter((v, i) => v === 0 && !(EROGAZIONE_TEXT as readonly number[]).includes(i)).length);
    expect(EROGAZIONE_TEXT.every((c) => second[c] === SAME)).toBe(true);
  });
});
