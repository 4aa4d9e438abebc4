/**
 * Options are read by each command's schema before any work (issue 9, point 3): a bad value is a
 * usage error (exit 2) naming the option, and nothing, not even the database, has been opened.
 * And start-up stays light: `dote --help` loads no command module and no zod, `dote mostra` only
 * its own command and still no zod (README "Prestazioni").
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOTE, ROOT, TEST_STORE, dote, dumpDb, tempDir, withDb } from '../helpers.js';

const t = tempDir('dote-options-');
afterAll(t.cleanup);

const AGGIUNGI = ['erogazione', 'aggiungi', 'CR-2022-0001', '--servizio', 'QD2', '--inizio', '09:00', '--fine', '10:00', '--professionista', 'P01'];

describe('a bad option value, before any database is touched', () => {
  it('is named even where there is no database, and none is created', () => {
    const db = path.join(t.dir, 'mai-creato.db');
    const cases: [string[], RegExp][] = [
      [[...AGGIUNGI, '--data', '31/06/2022'], /^dote: --data: data non valida "31\/06\/2022" \(formato GG\/MM\/AAAA o AAAA-MM-GG, es\. 28\/06\/2022\)$/m],
      [[...AGGIUNGI, '--data', '28/06/2022', '--modalita', 'piccione'], /^dote: --modalita: "piccione" non valida/m],
      [['erogazione', 'programma', 'trentasette'], /^dote: id di erogazione non valido: "trentasette"/m],
      [['pip', 'imposta', 'CR-2022-0001', '--servizio', 'QD2=2', '--servizio', 'QD2=1'], /^dote: --servizio QD2 indicato due volte$/m],
      [['scadenze', '--entro', 'presto'], /^dote: --entro: "presto" non valido/m],
      [['sede', 'aggiungi', 'Treviso', '--comune', 'Treviso', '--patrono', '31/04'], /^dote: --patrono: il giorno 31\/04 non esiste/m],
      [['mostra', 'CR-2022-0001', '--oggi', '2022-02-30'], /^dote: --oggi: data non valida "2022-02-30"/m],
      // numbers at the edges (issue 12, item 6): refused as typed, never stored rounded or read as Infinity
      [['pip', 'imposta', 'CR-2022-0001', '--servizio', 'QD2=1.00000000001'], /^dote: --servizio "QD2=1\.00000000001": al massimo due decimali nelle ore/m],
      [['pip', 'imposta', 'CR-2022-0001', '--servizio', `QD1=${'9'.repeat(400)}`], /^dote: --servizio "QD1=9{400}": al massimo 10\.000 ore$/m],
      [['erogazione', 'modifica', `1${'0'.repeat(400)}`, '--data', '28/06/2022'], /^dote: id di erogazione non valido: "10{400}" \(un numero, es\. 37\)$/m],
      [['contratto', 'rimuovi', 'CR-2022-0001', '9007199254740993'], /^dote: numero del contratto non valido: "9007199254740993"/m],
      [['scadenze', '--entro', '9'.repeat(20)], /^dote: --entro: "9{20}" non valido/m],
    ];
    for (const [args, message] of cases) {
      const r = dote([...args, '--db', db], { cwd: t.dir });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr, args.join(' ')).not.toMatch(/nessun database/);
    }
    expect(existsSync(db)).toBe(false);
    // Without the bad value the same command does reach the database.
    expect(dote([...AGGIUNGI, '--data', '28/06/2022', '--db', db], { cwd: t.dir }).stderr).toMatch(/nessun database/);
  });

  // The file's bytes and the files beside it (-wal, -shm): a server's database has neither.
  it.skipIf(TEST_STORE === 'postgres')('leaves an existing database file as it was, byte for byte', () => {
    const d = withDb();
    try {
      const before = readFileSync(d.db);
      const files = readdirSync(d.dir).sort();
      const r = d.run([...AGGIUNGI, '--data', '28/06/2022', '--fine', '24:00']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^dote: --fine: orario non valido "24:00" \(formato HH:MM, es\. 09:30\)$/m);
      expect(readFileSync(d.db).equals(before)).toBe(true);
      expect(readdirSync(d.dir).sort()).toEqual(files);
    } finally {
      d.cleanup();
    }
  });

  it.skipIf(TEST_STORE === 'sqlite')("leaves an existing server database as it was, every row", () => {
    const d = withDb();
    try {
      const before = dumpDb(d.db);
      const r = d.run([...AGGIUNGI, '--data', '28/06/2022', '--fine', '24:00']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^dote: --fine: orario non valido "24:00" \(formato HH:MM, es\. 09:30\)$/m);
      expect(dumpDb(d.db)).toEqual(before);
    } finally {
      d.cleanup();
    }
  });

  it('DOTE_OGGI is read like --oggi, and named when wrong', () => {
    const bad = dote(['bandi'], { env: { DOTE_OGGI: '30/02/2022' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^dote: DOTE_OGGI: data non valida "30\/02\/2022"/m);
    // The same reader as every date option: GG/MM/AAAA too.
    expect(dote(['scadenze', '--json', '--oggi', '15/07/2022', '--db', path.join(t.dir, 'mai-creato.db')]).stderr).toMatch(/nessun database/);
  });
});

/** The modules `dote ARGS` loads, as file URLs, seen by a module loader hook. */
function modulesLoaded(args: readonly string[], cwd: string): string[] {
  const hooks = path.join(t.dir, 'hooks.mjs');
  const register = path.join(t.dir, 'register.mjs');
  if (!existsSync(register)) {
    writeFileSync(hooks, "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(process.env.DOTE_TEST_MODULES, `${url}\\n`);\n  return next(url, context);\n}\n");
    writeFileSync(register, "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  }
  const log = path.join(t.dir, `modules-${args.join('-').replace(/[^\w-]/g, '_')}.txt`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', register, DOTE, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', DOTE_TEST_MODULES: log } });
  expect(r.status, r.stderr).not.toBe(null);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const commandModules = (urls: readonly string[]) => urls.filter((u) => u.includes('/dist/commands/')).map((u) => path.basename(u)).sort();
const zod = (urls: readonly string[]) => urls.filter((u) => u.includes('/node_modules/zod/'));

describe('start-up', () => {
  it('dote --help loads no command module, no zod, no SQLite', () => {
    const urls = modulesLoaded(['--help'], ROOT);
    expect(urls.some((u) => u.endsWith('/dist/main.js'))).toBe(true);
    expect(commandModules(urls)).toEqual(['index.js']);
    expect(zod(urls)).toEqual([]);
    expect(urls.filter((u) => u.includes('better-sqlite3'))).toEqual([]);
  });

  it('dote mostra ID loads its own command only, no zod, no date-fns', () => {
    const d = withDb();
    try {
      const urls = modulesLoaded(['mostra', 'CR-2022-0001', '--db', d.db], d.dir);
      expect(commandModules(urls)).toEqual(['index.js', 'mostra.js']);
      expect(urls.some((u) => u.endsWith('/dist/use-cases/dote-view.js'))).toBe(true);
      expect(zod(urls)).toEqual([]);
      // date-fns only where months are added (domain/dates.ts: ~4 ms of start-up).
      expect(urls.filter((u) => u.includes('/node_modules/date-fns/'))).toEqual([]);
    } finally {
      d.cleanup();
    }
  });

  it('a command with options loads zod for its schema, and only then', () => {
    const urls = modulesLoaded(['scadenze', '--entro', 'presto'], t.dir);
    expect(commandModules(urls)).toEqual(['index.js', 'scadenze.js']);
    expect(zod(urls).length).toBeGreaterThan(0);
  });
});
