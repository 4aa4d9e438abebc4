/**
 * `npm run demo`: the main job on demo data, never waiting for input. It creates a fresh demo
 * database in ./demo-output/ ($DOTE_DEMO_DIR), sets up the office and two doti
 * (fixtures/demo/setup.txt), batch checks the demo calendar and timesheets (findings expected:
 * they are planted, see fixtures/demo/expected.txt), imports the corrected calendar and timesheet
 * of fixtures/demo/importa/ (no findings: the import must succeed), then shows the dote they went
 * to (hours planned / delivered / left), its deliveries and its history, the list of doti and the
 * deadlines, prints its PIP, registro and a professional's timesheet as PDF/A into the output folder
 * and says what still blocks its liquidation. Every step is a real `dote` command, printed before
 * it runs, in fixtures/demo.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { packagePath } from './paths.js';
import { splitCommandLine } from './cli-options/command-line.js';
import { mkdirOwnerOnly } from './files/owner-only.js';
import { formatDateIt } from './domain/dates.js';
import { displayLocation } from './db/location.js';

const OUT = path.resolve(process.env.DOTE_DEMO_DIR ?? 'demo-output');
/**
 * The demo's database: demo.db in the output folder, or DOTE_DEMO_DB, for instance the URL of an
 * empty PostgreSQL database, to see the same demo on a server (test/postgres/equivalenza.test.ts
 * compares the two).
 */
const DB = process.env.DOTE_DEMO_DB || path.join(OUT, 'demo.db');
const DEMO = packagePath('fixtures', 'demo');
const BIN = packagePath('bin', 'dote');
const OGGI = '2022-07-15';
/** The dote the clean files are imported into (created by setup.txt). */
const DOTE = 'CR-2022-0001';

/**
 * Runs `dote ARGS --db DB --oggi OGGI` in fixtures/demo (file names are relative to it); a line
 * that gives its own --oggi (a step done on its day, like an admission within its 7 days) keeps it.
 */
function run(args: string[], opts: { allowFail?: boolean } = {}): number {
  process.stdout.write(`\n$ dote ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}\n`);
  const oggi = args.includes('--oggi') ? [] : ['--oggi', OGGI];
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', DB, ...oggi], { cwd: DEMO, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DOTE_OPERATORE: 'demo' } });
  const status = r.status ?? 2;
  if (status !== 0 && !opts.allowFail) {
    process.stderr.write(`demo: il comando è terminato con stato ${status}\n`);
    process.exit(status);
  }
  return status;
}

/** The CSV files of a folder of fixtures/demo, sorted, relative to fixtures/demo. */
function csvFiles(sub: string): string[] {
  const dir = path.join(DEMO, sub);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()
    .map((f) => (sub ? `${sub}/${f}` : f));
}

rmSync(OUT, { recursive: true, force: true });
mkdirOwnerOnly(OUT);
process.stdout.write(`Demo di dote: database ${process.env.DOTE_DEMO_DB ? displayLocation(DB) : `in ${OUT}`}, file di prova in ${DEMO} (oggi è il ${formatDateIt(OGGI)})\n`);
run(['init']);
const setup = path.join(DEMO, 'setup.txt');
if (existsSync(setup)) {
  for (const line of readFileSync(setup, 'utf8').split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    run(splitCommandLine(t));
  }
}
const csvs = csvFiles('');
if (csvs.length) {
  process.stdout.write('\nControllo dei calendari e dei timesheet (gli errori sono voluti):');
  run(['verifica', ...csvs], { allowFail: true });
}
const clean = csvFiles('importa');
if (clean.length) {
  process.stdout.write(`\nImportazione del calendario e del timesheet corretti della dote ${DOTE} (nessun errore: tutto viene importato):`);
  run(['importa', ...clean]);
  run(['mostra', DOTE]);
  run(['erogazione', 'elenco', DOTE]);
  run(['storia', DOTE]);
}
run(['elenco']);
run(['scadenze']);

// The documents of the dote the clean files went to, as archival PDFs in the output folder.
const documenti: string[] = [];
if (clean.length) {
  process.stdout.write(`\nDocumenti della dote ${DOTE} in PDF/A (da stampare, firmare e archiviare):`);
  for (const [args, nome] of [
    [['stampa', 'pip', DOTE], 'pip-cr-2022-0001.pdf'],
    [['stampa', 'registro', DOTE], 'registro-cr-2022-0001.pdf'],
    [['stampa', 'timesheet', '--professionista', 'P01', '--mese', '2022-03'], 'timesheet-p01-2022-03.pdf'],
  ] as const) {
    run([...args, '-o', path.join(OUT, nome)]);
    documenti.push(nome);
  }
  // What still blocks the claim: the dote is not concluded yet (exit 1 is expected here).
  process.stdout.write(`\nCosa blocca ancora la domanda di liquidazione della dote ${DOTE} (non è ancora conclusa):`);
  run(['liquidazione', 'verifica', DOTE], { allowFail: true });
  // The dote concluded, the employment recorded: the claim, and its PEC packet.
  process.stdout.write(`\nConclusione della dote ${DOTE}, il contratto che vale il risultato, la domanda di liquidazione e il suo pacchetto PEC:`);
  run(['concludi', DOTE, '--data', '2022-06-30']);
  run(['contratto', 'aggiungi', DOTE, '--tipo', 'subordinato', '--dal', '2022-07-18', '--ore-settimanali', '30', '--ore-ccnl', '30', '--azienda', 'Rossi & C. srl']);
  run(['liquidazione', 'verifica', DOTE]);
  run(['liquidazione', 'prepara', DOTE, '-o', path.join(OUT, 'liquidazione-cr-2022-0001'), '--esente-bollo']);
  documenti.push('liquidazione-cr-2022-0001/ (il pacchetto PEC, con SHA256SUMS e 00-indice.pdf)');
}
process.stdout.write(`\nFatto. Database: ${displayLocation(DB)}\n`);
if (documenti.length) process.stdout.write(`Documenti in ${OUT}:\n${documenti.map((d) => `  ${d}\n`).join('')}`);
