/**
 * The findings store (src/check/findings.ts): whatever is spilled to disk, reading gives the order
 * an in-memory stable sort by (file, line) gives, every time it is read; and the JSON written
 * finding by finding is the bytes of JSON.stringify(doc, null, 2).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { FindingStore, type Diagnostic } from '../../src/check/findings.js';
import { stringSink, writeJsonDocument } from '../../src/output/stream.js';

/** Findings in the order rules report them: mostly by line, with aggregate ones after the file. */
function findings(n: number): { fi: number; d: Diagnostic }[] {
  const out: { fi: number; d: Diagnostic }[] = [];
  let seed = 7;
  const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
  for (let i = 0; i < n; i++) {
    const fi = Math.min(2, Math.floor((3 * i) / n));
    const line = rand(5) === 0 ? 2 + rand(200) : 2 + Math.floor(i / 3);
    const rule = ['field/date', 'time/order', 'timesheet/overlap'][rand(3)]!;
    out.push({ fi, d: { file: `f${fi}.csv`, line, rule, severity: rand(4) ? 'error' : 'warning', message: `n. ${i}: "virgolette"\ne a capo`, column: rand(2) ? 'data' : null } });
  }
  return out;
}

const stableSort = (xs: { fi: number; d: Diagnostic }[]) =>
  xs
    .map((x, i) => ({ ...x, i }))
    .sort((a, b) => a.fi - b.fi || a.d.line - b.d.line || a.i - b.i)
    .map((x) => x.d);

/** The descriptors this process has open (Linux). */
const openFds = () => readdirSync('/proc/self/fd').length;
const spillDirs = () => readdirSync(tmpdir()).filter((n) => n.startsWith('dote-segnalazioni-')).length;

describe('FindingStore', () => {
  it.each([
    ['all in memory', 10_000],
    ['spilled in runs of 37', 37],
    ['spilled in runs of 1', 1],
  ])('%s: sorted by file then line, equal lines in the order found, read twice alike', (_what, spillAt) => {
    const input = findings(1_000);
    const before = spillDirs();
    const fds = openFds();
    const store = new FindingStore(spillAt);
    for (const { fi, d } of input) store.add(fi, d);
    // The runs are on disk, open, with no name in the file system (nothing left if the process dies).
    const runs = spillAt < 1_000 ? Math.floor(1_000 / spillAt) : 0;
    expect(store.spilled).toBe(runs);
    expect(openFds()).toBe(fds + runs);
    expect(spillDirs()).toBe(before);
    expect(store.length).toBe(1_000);
    const expected = stableSort(input);
    expect([...store]).toEqual(expected);
    expect([...store]).toEqual(expected);
    const g = input.filter((x) => x.d.file === 'f1.csv' && x.d.rule === 'field/date' && x.d.column === 'data' && x.d.severity === 'error').length;
    expect(store.countOf('f1.csv', 'field/date', 'data', 'error')).toBe(g);
    store.dispose();
    expect(openFds()).toBe(fds);
    expect(spillDirs()).toBe(before);
  });
});

describe('writeJsonDocument', () => {
  it('writes the bytes of JSON.stringify(doc, null, 2), the findings one by one', () => {
    const input = findings(50);
    const store = new FindingStore(8);
    for (const { fi, d } of input) store.add(fi, d);
    const doc = { files: [{ file: 'f0.csv', rows: 3 }], diagnostics: store, vuoto: [], nulla: undefined, summary: { errors: 1 } };
    const sink = stringSink();
    writeJsonDocument(doc, sink);
    expect(sink.text()).toBe(`${JSON.stringify({ ...doc, diagnostics: [...store] }, null, 2)}\n`);
    const none = stringSink();
    writeJsonDocument({ diagnostics: new FindingStore() }, none);
    expect(none.text()).toBe(`${JSON.stringify({ diagnostics: [] }, null, 2)}\n`);
    store.dispose();
  });
});
