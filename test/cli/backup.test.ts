/**
 * `dote backup FILE` and `dote ripristina FILE` on real files: a consistent, owner-only,
 * self-contained copy; no overwriting without --sovrascrivi; a restore that checks the file,
 * migrates it and keeps the current database aside under a dated name; clear refusals (exit 2)
 * for files that are not dote databases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyFixtureDb, dote, dumpDb, spawnDote, sql, withDb } from '../helpers.js';
import { SCHEMA_VERSION } from '../../src/db/connection.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const CF = 'BNCLGU75B12D150X';

function office() {
  const d = withDb();
  cleanups.push(d.cleanup);
  const ok = (args: string[]) => {
    const r = d.run(args, { DOTE_OGGI: '2022-03-10' });
    expect(r.status, r.stderr).toBe(0);
    return r;
  };
  ok(['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona']);
  ok(['destinatario', 'aggiungi', '--cf', CF, '--nome', 'Luigi', '--cognome', 'Bianchi']);
  return { ...d, ok, at: (f: string) => path.join(d.dir, f) };
}

const sedi = (file: string) => sql<{ nome: string }>(file, 'SELECT nome FROM sede ORDER BY id').map((r) => r.nome);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('dote backup', () => {
  it('writes a self-contained copy with every row, readable by the owner only', () => {
    const o = office();
    const r = o.ok(['backup', 'copia.db']);
    expect(r.stdout).toBe(`Copia di sicurezza di ${o.db} scritta in copia.db.\n`);
    const copy = o.at('copia.db');
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(existsSync(`${copy}-wal`)).toBe(false);
    expect(sql(copy, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'delete' }]);
    expect(sql(copy, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(dumpDb(copy)).toEqual(dumpDb(o.db));
    // No temporary file left beside it.
    expect(readdirSync(o.dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses an existing file unless --sovrascrivi, and then replaces it', () => {
    const o = office();
    writeFileSync(o.at('copia.db'), 'non toccare');
    const r = o.run(['backup', 'copia.db']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('dote: copia.db esiste già: non lo sovrascrivo\nsuggerimento: scegli un altro nome, o aggiungi --sovrascrivi per sostituirlo\n');
    expect(readFileSync(o.at('copia.db'), 'utf8')).toBe('non toccare');

    const j = o.run(['backup', 'copia.db', '--sovrascrivi', '--json']);
    expect(j.status, j.stderr).toBe(0);
    expect(j.json()).toEqual({ database: o.db, file: 'copia.db', bytes: statSync(o.at('copia.db')).size, versione: SCHEMA_VERSION });
    expect(sedi(o.at('copia.db'))).toEqual(['Cremona']);
  });

  it('is consistent while another connection is writing: the copy has what was committed, nothing of the open transaction', () => {
    const o = office();
    const writer = new Database(o.db);
    try {
      writer.pragma('journal_mode = WAL');
      writer.prepare("INSERT INTO sede (nome, comune) VALUES ('Crema', 'Crema')").run(); // committed, still in the -wal file
      writer.exec('BEGIN IMMEDIATE');
      writer.prepare("INSERT INTO sede (nome, comune) VALUES ('Lodi', 'Lodi')").run();
      const r = dote(['backup', 'copia.db', '--db', o.db], { cwd: o.dir });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      writer.exec('COMMIT');
    } finally {
      writer.close();
    }
    expect(sedi(o.at('copia.db'))).toEqual(['Cremona', 'Crema']);
    expect(sql(o.at('copia.db'), 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(sedi(o.db)).toEqual(['Cremona', 'Crema', 'Lodi']);
  });

  it('refuses a --db that is not a dote database, a missing database, a missing folder (exit 2, nothing written)', () => {
    const o = office();
    writeFileSync(o.at('appunti.txt'), 'appunti');
    const foreign = dote(['backup', 'copia.db', '--db', 'appunti.txt'], { cwd: o.dir });
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toMatch(/^dote: appunti\.txt: il file esiste ma non è un database di dote; non lo tocco\n/);
    const missing = dote(['backup', 'copia.db', '--db', 'nessuno.db'], { cwd: o.dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^dote: nessun database in nessuno\.db\n/);
    const folder = o.run(['backup', 'manca/copia.db']);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/^dote: manca\/copia\.db: la cartella .*manca non esiste\n/);
    const itself = o.run(['backup', o.db]);
    expect(itself.status).toBe(2);
    expect(itself.stderr).toMatch(/è il database stesso, non una copia/);
    expect(readdirSync(o.dir).sort()).toEqual(['appunti.txt', 'dote.db']);
  });
});

describe('dote ripristina', () => {
  it('puts the copy back and keeps the current database aside, dated by --oggi, a counter for the same day', () => {
    const o = office();
    o.ok(['backup', 'copia.db']);
    o.ok(['sede', 'aggiungi', 'Crema', '--comune', 'Crema']); // after the backup
    const before = dumpDb(o.db);

    const r = o.run(['ripristina', 'copia.db'], { DOTE_OGGI: '28/06/2022' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const aside1 = path.join(o.dir, 'dote-prima-del-ripristino-2022-06-28-1.db');
    expect(r.stdout).toBe(`Database ${o.db} ripristinato dalla copia copia.db.\nIl database di prima è conservato in ${aside1}.\n`);
    expect(sedi(o.db)).toEqual(['Cremona']);
    expect(dumpDb(aside1)).toEqual(before);
    expect(statSync(aside1).mode & 0o777).toBe(0o600);
    expect(statSync(o.db).mode & 0o777).toBe(0o600);

    const again = o.run(['ripristina', 'copia.db', '--json'], { DOTE_OGGI: '2022-06-28' });
    expect(again.status, again.stderr).toBe(0);
    expect(again.json()).toEqual({
      database: o.db,
      file: 'copia.db',
      versioneFile: SCHEMA_VERSION,
      versione: SCHEMA_VERSION,
      copiaPrecedente: path.join(o.dir, 'dote-prima-del-ripristino-2022-06-28-2.db'),
    });
    expect(sedi(aside1)).toEqual(['Cremona', 'Crema']);
    // The database works after the restore.
    o.ok(['sede', 'aggiungi', 'Lodi', '--comune', 'Lodi']);
    expect(sedi(o.db)).toEqual(['Cremona', 'Lodi']);
  });

  it('migrates a copy of an older schema, and leaves the file given untouched', () => {
    const o = office();
    const old = copyFixtureDb(3, o.at('vecchia.db'));
    const hash = sha(old);
    const r = o.run(['ripristina', 'vecchia.db'], { DOTE_OGGI: '2022-06-28' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Database .* ripristinato dalla copia vecchia\\.db \\(aggiornata dallo schema 3 al ${SCHEMA_VERSION}\\)\\.\n`));
    expect(sha(old)).toBe(hash);
    expect(sql(o.db, "SELECT valore FROM meta WHERE chiave = 'schema_version'")).toEqual([{ valore: String(SCHEMA_VERSION) }]);
    expect(sql(o.db, 'SELECT id FROM dote')).toEqual([{ id: 'CR-2022-0001' }]);
    expect(sql(o.db, 'PRAGMA foreign_key_check')).toEqual([]);
  });

  it('restores into a folder with no database yet, keeping nothing aside', () => {
    const o = office();
    o.ok(['backup', 'copia.db']);
    const fresh = path.join(o.dir, 'nuovo.db');
    const r = dote(['ripristina', 'copia.db', '--db', fresh], { cwd: o.dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`Database ${fresh} ripristinato dalla copia copia.db.\n`);
    expect(sedi(fresh)).toEqual(['Cremona']);
  });

  it('refuses what is not a restorable dote database (exit 2) and leaves the database as it was', () => {
    const o = office();
    const before = dumpDb(o.db);
    writeFileSync(o.at('appunti.txt'), 'appunti');
    const other = new Database(o.at('altro.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    o.ok(['backup', 'futura.db']);
    const future = new Database(o.at('futura.db'));
    future.prepare("UPDATE meta SET valore = '99' WHERE chiave = 'schema_version'").run();
    future.close();

    const cases: [string, RegExp][] = [
      ['appunti.txt', /^dote: appunti\.txt: non è un database di dote; non lo ripristino\nsuggerimento: indica una copia fatta con "dote backup"\n$/],
      ['altro.db', /^dote: altro\.db: non è un database di dote; non lo ripristino\n/],
      ['futura.db', new RegExp(`^dote: futura\\.db: il database ha lo schema versione 99, più recente di questo programma \\(${SCHEMA_VERSION}\\)\nsuggerimento: aggiorna dote, poi ripristinalo\n$`)],
      ['manca.db', /^dote: manca\.db: il file non esiste\n$/],
      [o.db, /è il database in uso, non una copia da ripristinare/],
    ];
    for (const [file, message] of cases) {
      const r = o.run(['ripristina', file]);
      expect(r.status, file).toBe(2);
      expect(r.stderr, file).toMatch(message);
    }
    expect(dumpDb(o.db)).toEqual(before);
    // (the -wal and -shm of dote.db are the test's own read-only look at it)
    expect(readdirSync(o.dir).filter((f) => !/-(wal|shm)$/.test(f)).sort()).toEqual(['altro.db', 'appunti.txt', 'dote.db', 'futura.db']);
  });

  it('never replaces a --db that is not a dote database', () => {
    const o = office();
    o.ok(['backup', 'copia.db']);
    writeFileSync(o.at('appunti.txt'), 'appunti');
    const r = dote(['ripristina', 'copia.db', '--db', 'appunti.txt'], { cwd: o.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^dote: appunti\.txt: il file esiste ma non è un database di dote; non lo tocco\n/);
    expect(readFileSync(o.at('appunti.txt'), 'utf8')).toBe('appunti');
    expect(readdirSync(o.dir).sort()).toEqual(['appunti.txt', 'copia.db', 'dote.db']);
  });
});

describe('interrupted (files/temporaries.ts)', () => {
  /** 200 MB of ballast in the office's file, so that copying it takes a while. */
  function ballast(file: string): void {
    const db = new Database(file);
    db.exec('CREATE TABLE zavorra(x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) INSERT INTO zavorra SELECT randomblob(4000) FROM n');
    db.close();
  }

  /**
   * The folder's files but the database's -wal and -shm: SQLite's own, which a process killed with
   * the database open leaves for the next connection to take up.
   */
  const files = (dir: string) => readdirSync(dir).filter((n) => !/-(wal|shm)$/.test(n)).sort();

  /** Waits until a file of `dir` whose name `match`es has some bytes in it; its name. */
  async function writing(dir: string, match: (name: string) => boolean): Promise<string> {
    const limit = Date.now() + 60_000;
    for (;;) {
      const f = readdirSync(dir).find((n) => match(n) && statSync(path.join(dir, n), { throwIfNoEntry: false })?.size);
      if (f) return f;
      if (Date.now() > limit) throw new Error('no copy started');
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  it('backup, Ctrl-C while copying: no partial copy, the database as it was', async () => {
    const o = office();
    ballast(o.db);
    const before = files(o.dir);
    const { child, done } = spawnDote(['backup', 'copia.db', '--db', o.db], { cwd: o.dir });
    expect(await writing(o.dir, (n) => n.startsWith('.copia.db.'))).toMatch(/^\.copia\.db\.\d+\.backup(-journal)?$/);
    child.kill('SIGINT');
    const r = await done;
    expect(r.signal).toBe('SIGINT');
    expect(r.stderr).toContain('dote: interrotto prima della fine; i file provvisori sono stati tolti');
    expect(files(o.dir)).toEqual(before);
    expect(sedi(o.db)).toEqual(['Cremona']);
  });

  it('ripristina, killed while the current database is copied aside: no copy that looks whole, nothing replaced', async () => {
    const o = office();
    o.ok(['backup', 'vecchia.db']);
    o.ok(['sede', 'aggiungi', 'Lodi', '--comune', 'Lodi']);
    ballast(o.db);
    const before = files(o.dir);
    const { child, done } = spawnDote(['ripristina', 'vecchia.db', '--db', o.db], { cwd: o.dir, env: { DOTE_OGGI: '2022-06-28' } });
    expect(await writing(o.dir, (n) => n.includes('-prima-del-ripristino-'))).toMatch(/^dote-prima-del-ripristino-2022-06-28-1\.db(-journal)?$/);
    child.kill('SIGTERM');
    const r = await done;
    expect(r.signal).toBe('SIGTERM');
    expect(r.stderr).toContain('dote: interrotto prima della fine; i file provvisori sono stati tolti');
    expect(files(o.dir)).toEqual(before);
    expect(sedi(o.db)).toEqual(['Cremona', 'Lodi']);
  });
});
