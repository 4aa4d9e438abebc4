/**
 * The fuzz campaign (issue 12, item 13): the valid fixtures mutated with a seeded PRNG and given to
 * the typed functions the commands call, in this process (a process per mutation would cost a
 * minute per thousand): `verifica` (with and without a database), `importa` (on a real database,
 * which must be unchanged when nothing was imported), a user catalogue loaded as `--catalogo`
 * does, and a user template folder as `--modelli` (then the PIP printed from it). Each call must
 * end with a report (whose text and JSON can be written) or a typed error that main.ts turns into
 * exit 1 or 2 with one line; anything else, a call slower than TIME_LIMIT_MS, or a database
 * changed by a failed import, is a failure, returned with what reproduces it.
 *
 * The code under test is dist/ (compiled by the global setup), as bin/dote runs it: the import's
 * writer thread starts from the compiled worker beside it.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dote, FIXTURES, ROOT } from '../helpers.js';
import { hugeCsv, mutateCsv, mutateJson, type HugeKind, type Mutated } from './mutate.js';
import { Rng } from './prng.js';

/** Any one call ends within this (bounded time)… */
export const TIME_LIMIT_MS = 15_000;
/** …and one of a 10 MB line or 100.000 columns within this (0,3 s here; the margin is for a machine running many tests at once). */
export const HUGE_TIME_LIMIT_MS = 30_000;
/** The process never holds more than this (bounded memory, a 10 MB line included). */
export const RSS_LIMIT_MB = 1_500;
/** Every this many iterations, one of the huge inputs (a 10 MB line, then 100.000 columns). */
const HUGE_EVERY = 400;
const OGGI = '2022-07-15';
const DEMO_DOTE = 'CR-2022-0001';

export type Target = 'verifica' | 'verifica+db' | 'importa' | 'catalogo' | 'modello';

export interface Failure {
  iteration: number;
  target: Target;
  /** The file that was mutated (a fixture, a catalogue, a template). */
  from: string;
  ops: string[];
  /** The mutated input, kept for a reproducer. */
  file: string;
  problem: string;
}

export interface CampaignResult {
  iterations: number;
  seed: number;
  byTarget: Record<Target, number>;
  /** Milliseconds spent on each kind. */
  msByTarget: Record<Target, number>;
  /** How the calls ended: report (exit 0 or 1) or typed error by exit status. */
  outcomes: { report: number; exit1: number; exit2: number };
  imported: number;
  /** The huge inputs: which, where, how long. */
  huge: string[];
  maxRssMb: number;
  failures: Failure[];
}

const dist = (p: string) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);

/** The compiled modules the commands use. */
async function modules() {
  return {
    verifica: await dist('use-cases/verifica.js'),
    importa: await dist('use-cases/importa.js'),
    outVerifica: await dist('output/verifica.js'),
    outImporta: await dist('output/importa.js'),
    errors: await dist('errors.js'),
    dbErrors: await dist('db/errors.js'),
    load: await dist('bandi/load.js'),
    stampa: await dist('documents/stampa.js'),
    store: await dist('db/store.js'),
  };
}

/** Every CSV under fixtures/ (the demo's and the rules' annotated cases): the seeds of the mutations. */
export function csvFixtures(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.csv') && statSync(p).size > 0) out.push(p);
    }
  };
  walk(FIXTURES);
  return out.sort();
}

/** The demo office (fixtures/demo/setup.txt), made by real `dote` commands: the doti the demo CSVs name. */
export function demoDatabase(file: string): void {
  const must = (args: string[]) => {
    const r = dote([...args, '--db', file]);
    if (r.status !== 0) throw new Error(`dote ${args.join(' ')}: ${r.stderr}`);
  };
  must(['init']);
  for (const line of readFileSync(path.join(FIXTURES, 'demo', 'setup.txt'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const args = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    must(args.includes('--oggi') ? args : [...args, '--oggi', OGGI]);
  }
}

/** Every row of every table, as one string: to tell whether a failed import changed anything. */
export function fingerprint(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all()]));
  } finally {
    db.close();
  }
}

/** The mutated file's name: the fixture's, so that its kind (calendar or timesheet) stays. */
function caseName(i: number, from: string): string {
  return `${String(i).padStart(5, '0')}-${path.basename(from)}`;
}

export async function runCampaign(o: { seed: number; iterations: number; dir: string; log?: (s: string) => void }): Promise<CampaignResult> {
  const m = await modules();
  const { DoteError } = m.errors;
  const rng = new Rng(o.seed);
  const fixtures = csvFixtures();
  const catalogue = JSON.parse(readFileSync(path.join(ROOT, 'src', 'bandi', 'catalogues', 'cremona-2021.json'), 'utf8'));
  // A user's catalogue: the shipped one under a name of its own (the same name would be a duplicate).
  catalogue.id = 'fuzz-2099';
  catalogue.tipi = catalogue.tipi.map((t: { codice: string }) => ({ ...t, codice: `Z${t.codice}` }));
  const catalogueBytes = Buffer.from(JSON.stringify(catalogue, null, 2));
  const templates = ['pip', 'registro'].map((nome) => ({ nome, bytes: readFileSync(path.join(ROOT, 'templates', `${nome}.json`)) }));
  const demoCalendar = path.join(FIXTURES, 'demo', 'importa', 'calendario-marzo-2022.csv');

  const pristine = path.join(o.dir, 'pristine.db');
  demoDatabase(pristine);
  const db = path.join(o.dir, 'dote.db');
  const restore = () => {
    for (const f of [`${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    copyFileSync(pristine, db);
  };
  restore();
  let before = fingerprint(db);

  const result: CampaignResult = {
    iterations: o.iterations,
    seed: o.seed,
    byTarget: { verifica: 0, 'verifica+db': 0, importa: 0, catalogo: 0, modello: 0 },
    msByTarget: { verifica: 0, 'verifica+db': 0, importa: 0, catalogo: 0, modello: 0 },
    outcomes: { report: 0, exit1: 0, exit2: 0 },
    imported: 0,
    huge: [],
    maxRssMb: 0,
    failures: [],
  };
  const ctxOf = (extra: { dbPath?: string; catalogFiles?: string[] } = {}) => ({ dbPath: db, oggi: OGGI, json: false, catalogFiles: [], operatore: 'fuzz', ...extra });

  /** Runs one call the way main.ts would see it; returns a problem, or undefined when it ended well. */
  const attempt = async (work: () => unknown, limit = TIME_LIMIT_MS): Promise<string | undefined> => {
    const started = Date.now();
    let problem: string | undefined;
    try {
      await work();
      result.outcomes.report++;
    } catch (caught) {
      const err = m.dbErrors.fromDatabaseError(caught);
      if (!(err instanceof DoteError)) {
        problem = `errore non tipizzato (sarebbe "errore interno"): ${(caught as Error)?.stack ?? String(caught)}`;
      } else {
        const e = err as { message: string; status: number; hint?: string };
        if (e.status === 1) result.outcomes.exit1++;
        else result.outcomes.exit2++;
        if (e.status !== 1 && e.status !== 2) problem = `stato di uscita ${e.status}`;
        else if (!e.message.trim()) problem = 'messaggio vuoto';
        else if (/errore interno/.test(e.message)) problem = `messaggio: ${e.message}`;
      }
    }
    const ms = Date.now() - started;
    if (!problem && ms > limit) problem = `durata ${ms} ms (limite ${limit})`;
    return problem;
  };

  /** A report must be printable, in text and in JSON, and say something when it fails. */
  const printable = (text: string, json: object, errors: number) => {
    JSON.stringify(json);
    if (/\bNaN\b|\bundefined\b|\[object Object\]/.test(text)) throw new Error(`testo del rapporto: ${text.slice(0, 300)}`);
    if (errors > 0 && !text.includes('errore')) throw new Error('errori contati ma non mostrati');
  };

  for (let i = 0; i < o.iterations; i++) {
    const huge: HugeKind | undefined = i % HUGE_EVERY === HUGE_EVERY - 1 ? ((i / HUGE_EVERY) | 0) % 2 === 0 ? 'riga-10MB' : '100000-colonne' : undefined;
    const roll = rng.next();
    // importa and a printed document cost a thread start or a PDF (a few hundred ms on a busy
    // machine): they get a small share, the checks the rest.
    const target: Target = huge ? rng.pick(['verifica', 'importa'] as const) : roll < 0.43 ? 'verifica' : roll < 0.77 ? 'verifica+db' : roll < 0.94 ? 'catalogo' : roll < 0.96 ? 'importa' : 'modello';
    result.byTarget[target]++;
    const t0 = Date.now();
    let from: string;
    let mutated: Mutated;
    let file: string;
    let problem: string | undefined;

    if (target === 'catalogo') {
      from = 'cremona-2021.json (come fuzz-2099)';
      mutated = mutateJson(rng, catalogueBytes);
      // A new name each time: catalogues are cached by file name for the life of the process.
      file = path.join(o.dir, `catalogo-${i}.json`);
      writeFileSync(file, mutated.bytes);
      problem = await attempt(async () => {
        await m.load.prepareCatalogues([file]);
        // No database (./dote.db, absent here): the bando from --bando, or from the service codes.
        const bando = rng.chance(0.5) ? 'fuzz-2099' : undefined;
        const r = m.verifica.verifica(ctxOf({ catalogFiles: [file], dbPath: 'dote.db' }), { files: [demoCalendar], bando });
        printable([...m.outVerifica.verificaLines(r)].join('\n'), m.outVerifica.verificaJson(r), r.summary.errors);
      });
    } else if (target === 'modello') {
      const t = rng.pick(templates);
      from = `templates/${t.nome}.json`;
      mutated = mutateJson(rng, t.bytes);
      const modelli = path.join(o.dir, `modelli-${i}`);
      mkdirSync(modelli);
      file = path.join(modelli, `${t.nome}.json`);
      writeFileSync(file, mutated.bytes);
      problem = await attempt(() =>
        m.store.withStore(
          db,
          (store: unknown) => {
            const print = t.nome === 'pip' ? m.stampa.stampaPip : m.stampa.stampaRegistro;
            return print(store, ctxOf(), DEMO_DOTE, { output: path.join(modelli, 'out.pdf'), modelli, creationDate: new Date(`${OGGI}T12:00:00Z`) });
          },
          { readonly: true },
        ),
      );
    } else {
      from = rng.pick(fixtures);
      const input = readFileSync(from);
      mutated = huge ? hugeCsv(rng, input, huge) : mutateCsv(rng, input);
      file = path.join(o.dir, caseName(i, from));
      writeFileSync(file, mutated.bytes);
      const limit = huge ? HUGE_TIME_LIMIT_MS : TIME_LIMIT_MS;
      // A calendar with its timesheet, now and then: reconciliation of a mutated file against a good one.
      const files = [file];
      if (rng.chance(0.2)) files.push(path.join(FIXTURES, 'demo', 'importa', rng.pick(['calendario-marzo-2022.csv', 'timesheet-rossi-marzo-2022.csv'])));
      if (target === 'importa') {
        let eseguita = false;
        problem = await attempt(() => {
          const r = m.importa.importa(ctxOf(), { files });
          eseguita = r.import.eseguita;
          printable([...m.outImporta.importaLines(r)].join('\n'), m.outImporta.importaJson(r), r.summary.errors);
          if (r.summary.errors > 0 && eseguita) throw new Error('importato nonostante gli errori');
        }, limit);
        if (eseguita) {
          result.imported++;
          restore();
          before = fingerprint(db);
        } else if (fingerprint(db) !== before) {
          problem ??= 'importazione non riuscita, ma il database è cambiato';
          restore();
          before = fingerprint(db);
        }
      } else {
        problem = await attempt(() => {
          // Without a database: the default ./dote.db, absent from the project's folder.
          const r = m.verifica.verifica(target === 'verifica+db' ? ctxOf() : ctxOf({ dbPath: 'dote.db' }), { files });
          printable([...m.outVerifica.verificaLines(r)].join('\n'), m.outVerifica.verificaJson(r), r.summary.errors);
        }, limit);
      }
    }
    result.msByTarget[target] += Date.now() - t0;
    if (huge) result.huge.push(`#${i} ${huge} ${target} ${path.basename(from)} ${Date.now() - t0} ms`);
    const rss = process.memoryUsage().rss / 1048576;
    result.maxRssMb = Math.max(result.maxRssMb, rss);
    if (!problem && rss > RSS_LIMIT_MB) problem = `memoria: ${Math.round(rss)} MB`;
    if (problem) {
      result.failures.push({ iteration: i, target, from: path.relative(ROOT, from), ops: mutated.ops, file, problem });
      o.log?.(`#${i} ${target} ${path.relative(ROOT, from)} [${mutated.ops.join(', ')}]: ${problem.split('\n')[0]}`);
    } else if (!huge && !/modelli-/.test(file)) {
      // Kept only when it failed: the folder would grow by a file per iteration.
      rmSync(file, { force: true });
    }
    if (huge) rmSync(file, { force: true });
  }
  return result;
}
