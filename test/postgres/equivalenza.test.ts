/**
 * The same job on both stores (issue 14: every command behaves the same, the same output, exit
 * status and findings). The whole demo (npm run demo: registry, doti, a batch check with
 * findings, an import, the dote shown, its deliveries and history, the deadlines, the documents
 * and the liquidation packet) runs once on a SQLite file and once on a fresh PostgreSQL database;
 * its output is the same but for where the database is (and the real clock's times in the
 * history), and so is the text of every PDF.
 *
 * Then `dote migra-a` moves the demo's file into another server database: every table's rows
 * copied (the counts checked), the file left byte for byte as it was, what the commands show
 * the same from the file and from the server, and new rows on the server numbered after the
 * copied ones.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, dote, sql, tempDir } from '../helpers.js';
import { freshPgDatabase, psql } from './pg.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** The demo in `dir`, on `db` (a URL) or on its own file; stdout with the database's location and the folders made neutral. */
function demo(dir: string, db?: string): { stdout: string; out: string } {
  const out = path.join(dir, 'demo');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'demo.js')], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', TZ: 'Europe/Rome', DOTE_DEMO_DIR: out, ...(db ? { DOTE_DEMO_DB: db } : {}) },
    input: '',
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const neutral = r.stdout
    .replaceAll(db ?? path.join(out, 'demo.db'), 'DATABASE')
    .replace(/Demo di dote: database [^,]*,/, 'Demo di dote: database DATABASE,')
    .replaceAll(dir, 'DIR')
    // `dote init` says where it made the database, on purpose: a file or a server.
    .replace(/^Database creato( sul server)?: DATABASE/m, 'Database creato: DATABASE')
    // The history's times are the real clock's, not --oggi.
    .replace(/\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d/g, 'GG/MM/AAAA hh:mm:ss');
  return { stdout: neutral, out };
}

/** The text of every PDF under `dir` (the packet's too), by relative path. */
function pdfTexts(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.pdf')) out[path.relative(dir, p)] = spawnSync('pdftotext', ['-layout', p, '-'], { encoding: 'utf8' }).stdout;
    }
  };
  walk(dir);
  return out;
}

let file: { dir: string; stdout: string; out: string };
let server: { stdout: string; out: string; url: string };

beforeAll(() => {
  const a = tempDir();
  const b = tempDir();
  cleanups.push(a.cleanup, b.cleanup);
  file = { dir: a.dir, ...demo(a.dir) };
  const url = freshPgDatabase();
  server = { url, ...demo(b.dir, url) };
}, 300_000);

describe('the demo on a SQLite file and on a PostgreSQL server', () => {
  it('prints the same, command by command, findings included', () => {
    expect(server.stdout).toContain('$ dote importa');
    expect(server.stdout).toContain('reconcile/missing-timesheet');
    expect(server.stdout).toContain('time/daily-max');
    expect(server.stdout).toBe(file.stdout);
  });

  it('writes the same documents: the text of every PDF, the packet included', () => {
    const a = pdfTexts(file.out);
    const b = pdfTexts(server.out);
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) expect(b[k], k).toBe(a[k]);
  });
});

describe('dote migra-a', () => {
  const db = () => path.join(file.out, 'demo.db');
  const tables = () => sql<{ name: string }>(db(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'meta' ORDER BY name").map((t) => t.name);
  const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

  it('copies every row, checks the counts, leaves the file untouched; the commands show the same', () => {
    const siblings = () => readdirSync(path.dirname(db())).filter((f) => f.startsWith(path.basename(db())));
    const before = { hash: sha(db()), mtime: statSync(db()).mtimeMs, files: siblings() };
    const url = freshPgDatabase();
    const r = dote(['migra-a', url, '--db', db(), '--json']);
    expect(r.status, r.stderr).toBe(0);
    // Not even a -wal or -shm left beside it.
    expect(siblings()).toEqual(before.files);
    const v = r.json<{ tabelle: { tabella: string; righe: number }[]; righe: number }>();
    const counts = Object.fromEntries(tables().map((t) => [t, sql<{ n: number }>(db(), `SELECT count(*) AS n FROM "${t}"`)[0]!.n]));
    expect(Object.fromEntries(v.tabelle.map((t) => [t.tabella, t.righe]))).toEqual(counts);
    expect(v.righe).toBeGreaterThan(50);
    for (const t of tables()) expect(Number(psql(url, `SELECT count(*) FROM "${t}"`)), t).toBe(counts[t]);
    expect({ hash: sha(db()), mtime: statSync(db()).mtimeMs, files: before.files }).toEqual(before);

    for (const args of [
      ['mostra', 'CR-2022-0001', '--json'],
      ['elenco', '--json'],
      ['storia', 'CR-2022-0001'],
      ['erogazione', 'elenco', 'CR-2022-0001'],
      ['destinatario', 'elenco'],
      ['liquidazione', 'elenco', '--json'],
      ['scadenze', '--oggi', '2022-07-15'],
      ['storia', '--anagrafica'],
    ]) {
      const a = dote([...args, '--db', db()]);
      const b = dote([...args, '--db', url]);
      expect(b.status, `${args.join(' ')}\n${b.stderr}`).toBe(a.status);
      expect(b.stdout, args.join(' ')).toBe(a.stdout);
    }

    // New rows are numbered after the copied ones (the identity sequences continue).
    const sedi = Number(psql(url, 'SELECT max(id) FROM sede'));
    const add = dote(['sede', 'aggiungi', 'Lodi', '--comune', 'Lodi', '--db', url, '--json']);
    expect(add.status, add.stderr).toBe(0);
    expect(Number(psql(url, "SELECT id FROM sede WHERE nome = 'Lodi'"))).toBe(sedi + 1);

    // A second move into the same database would mix two registers: refused, nothing changed.
    const again = dote(['migra-a', url, '--db', db()]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^dote: .*contiene già dati di dote/);
    expect(Number(psql(url, 'SELECT count(*) FROM dote'))).toBe(counts.dote);
  });

  it('refuses in words: a database with other tables, a --db that is a server, an address that is not one (exit 2)', () => {
    const foreign = freshPgDatabase();
    psql(foreign, 'CREATE TABLE clienti (id int)');
    const r = dote(['migra-a', foreign, '--db', db()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^dote: .*altre tabelle/);
    expect(psql(foreign, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).toBe('1');
    const both = dote(['migra-a', foreign, '--db', foreign]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('qui --db è già un server');
    const notUrl = dote(['migra-a', 'server.ufficio/dote', '--db', db()]);
    expect(notUrl.status).toBe(2);
    expect(notUrl.stderr).toContain("non è l'indirizzo di un server PostgreSQL");
    for (const x of [r, both, notUrl]) expect(x.stderr).not.toMatch(/\n\s+at |errore interno/);
  });
});
