/**
 * Annotated fixtures: every folder fixtures/rules/<rule id>/<case>/ (and the README
 * demo, fixtures/demo/) holds the CSV files of one `dote verifica` call and `expected.txt`, which
 * states everything that call reports, one item per line (`#` starts a comment):
 *
 *   <file>:<line> <severity> <rule-id>   a finding; severity `error` or `warning` (as in --json)
 *   skipped <rule-id> <reason>           a rule listed as not applied ("Regole non applicate",
 *                                        `skipped` in --json), with its reason word for word
 *
 * Findings and skips are multisets, compared exactly both ways, in the text output and in --json:
 * a false positive fails like a miss, a finding reported twice on the same line for the same rule
 * must be written twice (or the test fails), a severity that changes fails, and so does a rule
 * that is skipped, or no longer skipped, or skipped for another reason. A case with no `skipped`
 * line states that nothing is skipped. Every line of the text output must be a finding, the
 * summary (whose counts must be the expected ones), the "Regole non applicate" header or a skip.
 *
 * Optional files: `args.txt` (more arguments on one line, e.g. `--bando veneto-jc-2022`; a CSV
 * named there is not passed again), `setup.txt` (dote commands run on a fresh database, one per
 * line, "double quotes" group words; verifica then runs with --db). Today is 2022-07-15 unless
 * args say otherwise.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { dote, FIXTURES, tempDir } from '../helpers.js';
import { count, finding, fixtureCases, readExpected, readLines, skip, type Severity } from './fixture-cases.js';
import { splitCommandLine } from '../../src/cli-options/command-line.js';

const OGGI = '2022-07-15';

/** What the text output reports: findings and skips (duplicates kept), and the summary's counts. */
function fromText(stdout: string): { findings: string[]; skipped: string[]; errors: number; warnings: number; unparsed: string[] } {
  const findings: string[] = [];
  const skipped: string[] = [];
  const unparsed: string[] = [];
  let errors = -1;
  let warnings = -1;
  let inSkipped = false;
  for (const l of stdout.split('\n')) {
    if (l === '') continue;
    const d = /^(.+?):(\d+): (errore|avviso) (\S+): \S/.exec(l);
    const sum = /^\S+ file, \S+ (?:riga|righe): (\S+) (?:errore|errori), (\S+) (?:avviso|avvisi)$/.exec(l);
    const s = /^ {2}(\S+) +(\S.*)$/.exec(l);
    if (d && !inSkipped) findings.push(finding(d[1]!, Number(d[2]), d[3] === 'errore' ? 'error' : 'warning', d[4]!));
    else if (sum && !inSkipped) [errors, warnings] = [Number(sum[1]!.replace(/\./g, '')), Number(sum[2]!.replace(/\./g, ''))];
    else if (l === 'Regole non applicate:') inSkipped = true;
    else if (s && inSkipped) skipped.push(skip(s[1]!, s[2]!));
    else unparsed.push(l);
  }
  return { findings: findings.sort(), skipped: skipped.sort(), errors, warnings, unparsed };
}

interface VerificaJson {
  diagnostics: { file: string; line: number; rule: string; severity: Severity }[];
  skipped: { rule: string; reason: string }[];
  summary: { errors: number; warnings: number };
}

const cases = fixtureCases();
// The README demo (fixtures/demo, run by `npm run demo`) is checked the same way.
cases.push({ name: 'demo', rule: '', dir: path.join(FIXTURES, 'demo') });

describe('rule fixtures', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  for (const c of cases) {
    it(c.name, () => {
      expect(existsSync(path.join(c.dir, 'expected.txt')), `${c.name}: manca expected.txt`).toBe(true);
      const expected = readExpected(c.dir);
      const extra = readLines(path.join(c.dir, 'args.txt')).flatMap(splitCommandLine);
      const csvs = readdirSync(c.dir)
        .filter((f) => /\.csv$/i.test(f) && !extra.includes(f))
        .sort();
      const setup = readLines(path.join(c.dir, 'setup.txt'));
      const env = { DOTE_OGGI: OGGI, DOTE_OPERATORE: 'test' };
      let dbArgs: string[] = [];
      const t = tempDir();
      try {
        if (setup.length) {
          const db = path.join(t.dir, 'dote.db');
          dbArgs = ['--db', db];
          expect(dote(['init', ...dbArgs], { cwd: c.dir, env }).status).toBe(0);
          for (const line of setup) {
            const words = splitCommandLine(line);
            if (words[0] === 'dote') words.shift();
            const r = dote([...words, ...dbArgs], { cwd: c.dir, env });
            expect(r.status, `${c.name}: setup "${line}" fallito: ${r.stderr}`).toBe(0);
          }
        }
        const args = ['verifica', ...csvs, ...extra, ...dbArgs];
        // --tutte: every finding on its own line (without it, a rule's findings past the first few in a column are counted).
        const text = dote([...args, '--tutte'], { cwd: c.dir, env });
        const json = dote([...args, '--json'], { cwd: c.dir, env });
        expect(text.status, `${c.name}: ${text.stderr}`).not.toBe(2);

        const got = fromText(text.stdout);
        expect(got.unparsed, `${c.name}: righe dell'output di testo non riconosciute\n${text.stdout}`).toEqual([]);
        expect(got.findings, `${c.name}: segnalazioni nell'output di testo\n${text.stdout}`).toEqual(expected.findings);
        expect(got.skipped, `${c.name}: regole non applicate nell'output di testo\n${text.stdout}`).toEqual(expected.skipped);
        const errors = count(expected.findings, 'error');
        const warnings = count(expected.findings, 'warning');
        expect([got.errors, got.warnings], `${c.name}: riepilogo dell'output di testo`).toEqual([errors, warnings]);

        const doc = json.json<VerificaJson>();
        expect(doc.diagnostics.map((d) => finding(d.file, d.line, d.severity, d.rule)).sort(), `${c.name}: --json diagnostics`).toEqual(expected.findings);
        expect(doc.skipped.map((s) => skip(s.rule, s.reason)).sort(), `${c.name}: --json skipped`).toEqual(expected.skipped);
        expect([doc.summary.errors, doc.summary.warnings], `${c.name}: --json summary`).toEqual([errors, warnings]);

        const strict = extra.includes('--strict');
        expect(text.status).toBe(errors > 0 || (strict && warnings > 0) ? 1 : 0);
        expect(json.status).toBe(text.status);
      } finally {
        t.cleanup();
      }
    });
  }
});
