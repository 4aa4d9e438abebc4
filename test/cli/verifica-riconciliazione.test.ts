/**
 * Reconciliation in `dote verifica` on the README demo (fixtures/demo): the timesheet names Mario
 * Rossi by code ("P01"), the calendar by name. Without a database the two cannot be linked, so his
 * rows are not reconciled and the output says so; with the demo's database they are, and the one
 * calendar delivery missing from his timesheet is still found.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dote, FIXTURES, tempDir } from '../helpers.js';
import { splitCommandLine } from '../../src/cli-options/command-line.js';

const DEMO = path.join(FIXTURES, 'demo');
const FILES = ['calendario-2022.csv', 'timesheet-rossi.csv', 'timesheet-verdi.csv'].map((f) => path.join(DEMO, f));
const ENV = { DOTE_OGGI: '2022-07-15', DOTE_OPERATORE: 'test' };
const REASON = 'professionista "P01" dei timesheet non trovato nei calendari: senza database codice e nome non si collegano (indica --db)';
const RECONCILE = ['reconcile/missing-calendar', 'reconcile/missing-timesheet', 'reconcile/total'];

interface Doc {
  diagnostics: { file: string; line: number; rule: string; message: string }[];
  skipped: { rule: string; reason: string }[];
}

const t = tempDir(); // no dote.db here
afterAll(t.cleanup);

const findings = (doc: Doc) => doc.diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.rule}`);

describe('dote verifica: reconciliation of the demo', () => {
  it('without a database, P01 of the timesheet is not reconciled, and the output says why', () => {
    const json = dote(['verifica', ...FILES, '--json'], { cwd: t.dir, env: ENV });
    expect(json.status, json.stderr).toBe(1);
    const doc = json.json<Doc>();
    expect(doc.diagnostics.filter((d) => d.rule.startsWith('reconcile/'))).toEqual([]);
    for (const rule of RECONCILE) expect(doc.skipped).toContainEqual({ rule, reason: REASON });
    // Anna Verdi is named alike in both files: she is reconciled (and agrees), not skipped.
    expect(doc.skipped.filter((s) => s.reason.includes('Verdi'))).toEqual([]);

    const text = dote(['verifica', ...FILES], { cwd: t.dir, env: ENV });
    expect(text.stdout).not.toMatch(/: (?:errore|avviso) reconcile\//);
    expect(text.stdout).toMatch(/^Regole non applicate:$/m);
    expect(text.stdout).toMatch(/^ +reconcile\/total +professionista "P01" dei timesheet non trovato nei calendari: /m);
  });

  it('with the demo database, codes and names link: the missing timesheet row is still found', () => {
    const db = path.join(t.dir, 'demo.db');
    expect(dote(['init', '--db', db], { cwd: t.dir, env: ENV }).status).toBe(0);
    const setup = readFileSync(path.join(DEMO, 'setup.txt'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*$/, '').trim())
      .filter(Boolean);
    for (const line of setup) {
      const r = dote([...splitCommandLine(line), '--db', db], { cwd: DEMO, env: ENV });
      expect(r.status, `${line}: ${r.stderr}`).toBe(0);
    }
    const doc = dote(['verifica', ...FILES, '--db', db, '--json'], { cwd: t.dir, env: ENV }).json<Doc>();
    expect(findings(doc).filter((f) => / reconcile\//.test(f)).sort()).toEqual(['calendario-2022.csv:10 reconcile/missing-timesheet', 'timesheet-rossi.csv:9 reconcile/total']);
    expect(doc.skipped.filter((s) => s.rule.startsWith('reconcile/'))).toEqual([]);
    // The totals are said as durations, never as clock times (README, the demo's output).
    expect(doc.diagnostics.find((d) => d.rule === 'reconcile/total')!.message).toBe('Mario Rossi (P01), dote CR-2022-0001, QT8: 14 ore nel calendario e 10 ore nel timesheet');
    expect(doc.diagnostics.find((d) => d.rule === 'time/daily-max' && d.line === 18)!.message).toBe('9 ore e 30 minuti il 28/06/2022 per VRDGPP90C41L736E, oltre il massimo di 8 ore al giorno');
  });
});
