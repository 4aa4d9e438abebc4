/**
 * `npm run demo`: the main job on demo data, never waiting for input. It creates a fresh demo
 * database in ./demo-output/, sets up the office and a few doti (fixtures/demo/setup.txt), batch
 * checks the demo calendar and timesheets (findings expected: they are planted), imports the
 * clean ones and shows a dote. Every step is a real `dote` command, printed before it runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from './paths.js';
import { splitCommandLine } from './format/command-line.js';

const OUT = path.resolve(process.env.DOTE_DEMO_DIR ?? 'demo-output');
const DB = path.join(OUT, 'demo.db');
const DEMO = packagePath('fixtures', 'demo');
const BIN = packagePath('bin', 'dote');
const OGGI = '2022-07-15';

function run(args: string[], opts: { allowFail?: boolean } = {}): number {
  process.stdout.write(`\n$ dote ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}\n`);
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', DB, '--oggi', OGGI], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DOTE_OPERATORE: 'demo' } });
  const status = r.status ?? 2;
  if (status !== 0 && !opts.allowFail) {
    process.stderr.write(`demo: il comando è terminato con stato ${status}\n`);
    process.exit(status);
  }
  return status;
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
process.stdout.write(`Demo di dote: database e documenti in ${OUT} (oggi = ${OGGI})\n`);
run(['init']);
const setup = path.join(DEMO, 'setup.txt');
if (existsSync(setup)) {
  for (const line of readFileSync(setup, 'utf8').split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    run(splitCommandLine(t));
  }
}
const csvs = existsSync(DEMO) ? readdirSync(DEMO).filter((f) => f.toLowerCase().endsWith('.csv')).sort().map((f) => path.join(DEMO, f)) : [];
if (csvs.length) {
  process.stdout.write('\nControllo dei calendari e dei timesheet (gli errori sono voluti):');
  run(['verifica', ...csvs], { allowFail: true });
}
run(['elenco']);
run(['scadenze']);
process.stdout.write(`\nFatto. Database: ${DB}\n`);
