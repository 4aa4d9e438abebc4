/**
 * Annotated fixtures (style.md 7): every folder fixtures/rules/<rule id>/<case>/ holds the CSV
 * files of one `dote verifica` call and `expected.txt`, every finding expected as
 * `<file>:<line> <rule-id>` (one per line, `#` comments). Optional: `args.txt` (more arguments on
 * one line, e.g. `--bando veneto-jc-2022`; a CSV named there is not passed again), `setup.txt`
 * (dote commands run on a fresh database, one per line, "double quotes" group words; verifica then
 * runs with --db). The exact set of (file, line, rule) is compared both ways, in the text output
 * and in --json: a false positive fails like a miss. Today is 2022-07-15 unless args say otherwise.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dote, FIXTURES, tempDir } from '../helpers.js';
import { fixtureCases } from './fixture-cases.js';
import { splitCommandLine } from '../../src/format/command-line.js';

const OGGI = '2022-07-15';

function readLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

function expectedSet(dir: string): string[] {
  return readLines(path.join(dir, 'expected.txt'))
    .map((l) => {
      const m = /^(.+):(\d+)\s+(\S+)$/.exec(l);
      if (!m) throw new Error(`${dir}/expected.txt: riga non valida "${l}" (atteso: file:riga regola)`);
      return `${m[1]}:${m[2]} ${m[3]}`;
    })
    .sort();
}

function uniqSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

const cases = fixtureCases();
// The README demo (fixtures/demo, run by `npm run demo`) is checked the same way.
cases.push({ name: 'demo', rule: '', dir: path.join(FIXTURES, 'demo') });

describe('rule fixtures', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(c.name, () => {
      expect(existsSync(path.join(c.dir, 'expected.txt')), `${c.name}: manca expected.txt`).toBe(true);
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
        const text = dote(args, { cwd: c.dir, env });
        const json = dote([...args, '--json'], { cwd: c.dir, env });
        expect(text.status, `${c.name}: ${text.stderr}`).not.toBe(2);
        const expected = expectedSet(c.dir);
        const fromText = uniqSorted(
          text.stdout
            .split('\n')
            .map((l) => /^(.+?):(\d+): (?:errore|avviso) (\S+): /.exec(l))
            .filter((m): m is RegExpExecArray => m !== null)
            .map((m) => `${m[1]}:${m[2]} ${m[3]}`),
        );
        const doc = json.json<{ diagnostics: { file: string; line: number; rule: string }[]; summary: { errors: number } }>();
        const fromJson = uniqSorted(doc.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`));
        expect(fromText, `${c.name}: output di testo\n${text.stdout}`).toEqual(uniqSorted(expected));
        expect(fromJson, `${c.name}: --json`).toEqual(uniqSorted(expected));
        const strict = extra.includes('--strict');
        const failing = doc.summary.errors > 0 || (strict && (doc.summary as { warnings?: number }).warnings! > 0);
        expect(text.status).toBe(failing ? 1 : 0);
      } finally {
        t.cleanup();
      }
    });
  }
});
