/**
 * Hostile input, always (issue 12, item 13). The fixtures mutated a few thousand times with a
 * fixed seed, through the functions `verifica`, `importa`, `--catalogo` and `stampa --modelli`
 * call (campaign.ts): every call ends with a report or a typed error (exit 1 or 2, one line), in
 * bounded time and memory, and a failed import leaves the database unchanged. Then a few dozen
 * mutations through real `dote` processes: exit 0, 1 or 2, never a stack trace or an internal
 * error, a one-line message, the database unchanged when the import failed.
 *
 * `npm run fuzz -- --seed 123 --iterations 5000` runs a longer campaign with another seed
 * (test/fuzz/run.mjs sets FUZZ_SEED and FUZZ_ITERATIONS for this file).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dote, FIXTURES, ROOT, tempDir } from '../helpers.js';
import { csvFixtures, demoDatabase, fingerprint, runCampaign } from './campaign.js';
import { mutateCsv, mutateJson } from './mutate.js';
import { Rng } from './prng.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20220315);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 3000);
const LONG = process.env.FUZZ_ITERATIONS !== undefined;
const PROCESSES = 36;

const t = tempDir('dote-fuzz-');
afterAll(() => {
  if (process.env.FUZZ_KEEP) process.stderr.write(`fuzz: i file mutati sono in ${t.dir}\n`);
  else t.cleanup();
});

describe('fuzz: mutated fixtures, catalogues and templates', () => {
  it(`${ITERATIONS} in-process mutations (seed ${SEED}) end with a report or a typed error, in bounded time and memory`, { timeout: LONG ? 3_600_000 : 120_000 }, async () => {
    // Without --db, verifica looks for ./dote.db: the campaign relies on there being none here.
    expect(existsSync(path.join(ROOT, 'dote.db'))).toBe(false);
    const dir = path.join(t.dir, 'campagna');
    mkdirSync(dir);
    const started = Date.now();
    const r = await runCampaign({ seed: SEED, iterations: ITERATIONS, dir, log: (s) => process.stderr.write(`fuzz: ${s}\n`) });
    const seconds = (Date.now() - started) / 1000;
    const summary = `seme ${SEED}, ${ITERATIONS} iterazioni in ${seconds.toFixed(1)} s: ${JSON.stringify(r.byTarget)}, ms ${JSON.stringify(r.msByTarget)}, esiti ${JSON.stringify(r.outcomes)}, importate ${r.imported}, grandi: ${r.huge.join('; ')}, RSS max ${Math.round(r.maxRssMb)} MB`;
    process.stderr.write(`fuzz: ${summary}\n`);
    expect(r.failures.map((f) => `#${f.iteration} ${f.target} ${f.from} [${f.ops.join(', ')}] ${f.file}: ${f.problem}`), summary).toEqual([]);
    // Every kind of input was tried, and the mutations reached both outcomes.
    for (const n of Object.values(r.byTarget)) expect(n, summary).toBeGreaterThan(0);
    expect(r.outcomes.report, summary).toBeGreaterThan(0);
    expect(r.outcomes.exit2, summary).toBeGreaterThan(0);
    if (!LONG) expect(seconds, summary).toBeLessThan(90);
  });
});

describe('fuzz: real dote processes', () => {
  it(`${PROCESSES} mutations through bin/dote: exit 0, 1 or 2, one line, no stack trace, the database unchanged when the import failed`, { timeout: 300_000 }, () => {
    const rng = new Rng(SEED ^ 0x5eed);
    const dir = path.join(t.dir, 'processi');
    mkdirSync(dir);
    const db = path.join(dir, 'dote.db');
    demoDatabase(db);
    const fixtures = csvFixtures();
    const env = { DOTE_OGGI: '2022-07-15', DOTE_OPERATORE: 'fuzz' };
    for (let i = 0; i < PROCESSES; i++) {
      const kind = ['verifica', 'importa', 'catalogo', 'modello'][i % 4]!;
      let args: string[];
      let ops: string[];
      if (kind === 'catalogo') {
        const cat = JSON.parse(readFileSync(path.join(ROOT, 'src', 'bandi', 'catalogues', 'cremona-2021.json'), 'utf8'));
        cat.id = 'fuzz-2099';
        cat.tipi = cat.tipi.map((x: { codice: string }) => ({ ...x, codice: `Z${x.codice}` }));
        const m = mutateJson(rng, Buffer.from(JSON.stringify(cat)));
        ops = m.ops;
        const file = path.join(dir, `catalogo-${i}.json`);
        writeFileSync(file, m.bytes);
        args = ['verifica', path.join(FIXTURES, 'demo', 'importa', 'calendario-marzo-2022.csv'), '--catalogo', file, '--bando', 'fuzz-2099'];
      } else if (kind === 'modello') {
        const m = mutateJson(rng, readFileSync(path.join(ROOT, 'templates', 'pip.json')));
        ops = m.ops;
        const modelli = path.join(dir, `modelli-${i}`);
        mkdirSync(modelli);
        writeFileSync(path.join(modelli, 'pip.json'), m.bytes);
        args = ['stampa', 'pip', 'CR-2022-0001', '-o', path.join(modelli, 'pip.pdf'), '--modelli', modelli];
      } else {
        const from = rng.pick(fixtures);
        const m = mutateCsv(rng, readFileSync(from));
        ops = [path.relative(ROOT, from), ...m.ops];
        const file = path.join(dir, `${i}-${path.basename(from)}`);
        writeFileSync(file, m.bytes);
        args = [kind, file];
      }
      const json = rng.chance(0.3);
      if (json) args.push('--json');
      const before = fingerprint(db);
      const r = dote([...args, '--db', db], { cwd: dir, env });
      const what = `#${i} dote ${args.join(' ')} [${ops.join(', ')}] → ${r.status}\n${r.stderr}`;
      expect([0, 1, 2], what).toContain(r.status);
      expect(r.stderr, what).not.toMatch(/^\s+at |errore interno|Error:/m);
      if (r.status === 2) {
        // One line, and an optional hint.
        expect(r.stderr, what).toMatch(/^dote: [^\n]+\n(suggerimento: [^\n]+\n)?$/);
        if (json) expect(r.json().errore.uscita, what).toBe(2);
      } else if (json) {
        expect(() => r.json(), what).not.toThrow();
      }
      if (kind === 'importa' && r.status !== 0) expect(fingerprint(db), `${what}: il database è cambiato`).toBe(before);
      if (kind !== 'importa') expect(fingerprint(db), `${what}: il database è cambiato`).toBe(before);
    }
  });
});
