/**
 * The database path as the operating system sees it (issue 12 points 1, 2 and 7, issue 13 point
 * 7): anything that is not a regular file is refused and left exactly as it was; a read-only
 * database, a full disk, a read-only file system and a missing folder each get their own Italian
 * line and exit 2, never "errore interno" or Node's English; a database others can read is
 * warned about once by every command, and made owner-only by `init`.
 *
 * Run as root here: a read-only database is a real one for the `nobody` user (setpriv), a full
 * disk and a read-only file system are real tmpfs mounts. Where this machine cannot do that, the
 * test is skipped with the reason in its name (the mapping itself is tested in
 * test/db/os-errors.test.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOTE, ROOT, SCHEMA_VERSION, dote, dumpDb, tempDir, withDb, type RunResult } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const NOT_USER_WORDS = /errore interno|segnala il problema|ENOENT|EACCES|EROFS|ENOSPC|no such file|readonly|disk I\/O|locked|\n\s+at /;

/** A refusal: exit 2, nothing on stdout, one message line and at most one hint. */
function expectRefusal(r: RunResult, message: string): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toBe(`dote: ${message}`);
  expect(lines.length).toBeLessThanOrEqual(2);
  if (lines[1]) expect(lines[1]).toMatch(/^suggerimento: /);
  expect(r.stderr).not.toMatch(NOT_USER_WORDS);
}

const modeOf = (f: string) => statSync(f).mode & 0o777;

describe('a path that is not a regular file is refused by init and by every command, and left as it was', () => {
  const commands = (db: string) => [['init', '--db', db], ['elenco', '--db', db], ['sede', 'aggiungi', 'Milano', '--comune', 'Milano', '--db', db]];

  it('a FIFO: not chmod-ed, no -journal, -wal or -shm beside it', () => {
    const d = dir();
    const fifo = path.join(d, 'dote.db');
    execFileSync('mkfifo', ['-m', '0644', fifo]);
    for (const args of commands(fifo)) {
      expectRefusal(dote(args, { cwd: d }), `${fifo}: non è un file normale ma una pipe (FIFO): non lo uso come database e non lo tocco`);
      expect(modeOf(fifo)).toBe(0o644);
      expect(statSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(d)).toEqual(['dote.db']);
    }
  });

  it('a socket', async () => {
    const d = dir();
    const sock = path.join(d, 'dote.db');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const before = modeOf(sock);
      for (const args of commands(sock)) {
        expectRefusal(dote(args, { cwd: d }), `${sock}: non è un file normale ma un socket: non lo uso come database e non lo tocco`);
        expect(modeOf(sock)).toBe(before);
        expect(readdirSync(d)).toEqual(['dote.db']);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a link to a folder, a link to nothing (its target is not created)', () => {
    const d = dir();
    mkdirSync(path.join(d, 'cartella'));
    symlinkSync(path.join(d, 'cartella'), path.join(d, 'a-cartella.db'));
    symlinkSync(path.join(d, 'niente.db'), path.join(d, 'a-niente.db'));
    for (const args of commands(path.join(d, 'a-cartella.db'))) {
      expectRefusal(dote(args, { cwd: d }), `${path.join(d, 'a-cartella.db')}: è una cartella, non un file di database`);
    }
    for (const args of commands(path.join(d, 'a-niente.db'))) {
      expectRefusal(dote(args, { cwd: d }), `${path.join(d, 'a-niente.db')}: non è un file normale ma un collegamento simbolico a un file che non esiste: non lo uso come database e non lo tocco`);
    }
    expect(readdirSync(d).sort()).toEqual(['a-cartella.db', 'a-niente.db', 'cartella']);
    expect(readdirSync(path.join(d, 'cartella'))).toEqual([]);
  });

  it('a folder that does not exist (issue 13: "dote --db /nonexistent/dir/x.db init" said ENOENT), a file used as a folder', () => {
    const d = dir();
    const db = path.join(d, 'manca', 'dir', 'x.db');
    const init = dote(['--db', db, 'init'], { cwd: d });
    expectRefusal(init, `${db}: la cartella ${path.join(d, 'manca')} non esiste`);
    expect(init.stderr).toMatch(/suggerimento: creala prima \(mkdir -p .*manca\/dir\)/);
    expectRefusal(dote(['--db', db, 'elenco'], { cwd: d }), `nessun database in ${db}: la cartella ${path.join(d, 'manca')} non esiste`);
    writeFileSync(path.join(d, 'file'), 'x');
    expectRefusal(dote(['init', '--db', path.join(d, 'file', 'x.db')], { cwd: d }), `${path.join(d, 'file', 'x.db')}: ${path.join(d, 'file')} è un file, non una cartella`);
    expect(readdirSync(d)).toEqual(['file']);
  });

  it('an empty regular file is still taken for a new database (made owner-only)', () => {
    const d = dir();
    const db = path.join(d, 'vuoto.db');
    writeFileSync(db, '', { mode: 0o644 });
    chmodSync(db, 0o644);
    const r = dote(['init', '--db', db], { cwd: d });
    expect(r.status, r.stderr).toBe(0);
    expect(modeOf(db)).toBe(0o600);
  });
});

describe('a database others can read', () => {
  it('every command warns once, on stderr, in one line; the output and the status are unchanged', () => {
    const env = withDb();
    cleanups.push(env.cleanup);
    chmodSync(env.db, 0o644);
    const warning = `dote: avviso: ${env.db} è leggibile anche da altri utenti (permessi rw-r--r--) e contiene dati personali e sanitari: "dote init" lo rende leggibile solo dal proprietario\n`;
    const list = env.run(['elenco']);
    expect(list.status).toBe(0);
    expect(list.stdout).toBe('Nessuna dote.\n');
    expect(list.stderr).toBe(warning);
    const add = env.run(['sede', 'aggiungi', 'Milano', '--comune', 'Milano']);
    expect(add.status).toBe(0);
    expect(add.stderr).toBe(warning);
    const json = env.run(['sede', 'elenco', '--json']);
    expect(json.json()).toEqual([expect.objectContaining({ nome: 'Milano' })]);
    expect(json.stderr).toBe(warning);
    expect(modeOf(env.db)).toBe(0o644);
  });

  it('init makes it owner-only, with its -wal and -shm files, and says so; then nothing warns', () => {
    const env = withDb();
    cleanups.push(env.cleanup);
    chmodSync(env.db, 0o644);
    writeFileSync(`${env.db}-wal`, '', { mode: 0o644 });
    chmodSync(`${env.db}-wal`, 0o644);
    const r = env.run(['init']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Database già pronto: ${env.db} (schema versione ${SCHEMA_VERSION})\nPermessi ristretti: ora ${env.db} è leggibile solo dal proprietario (prima rw-r--r--)\n`);
    expect(modeOf(env.db)).toBe(0o600);
    for (const f of [`${env.db}-wal`, `${env.db}-shm`]) if (existsSync(f)) expect(modeOf(f), f).toBe(0o600);
    expect(env.run(['elenco']).stderr).toBe('');
    // Again: nothing to tighten, nothing said.
    expect(env.run(['init']).stdout).toBe(`Database già pronto: ${env.db} (schema versione ${SCHEMA_VERSION})\n`);
    chmodSync(env.db, 0o640);
    expect(env.run(['init', '--json']).json()).toEqual({ db: env.db, created: false, migrated: 0, version: SCHEMA_VERSION, permessiRistretti: true, permessiPrima: 'rw-r-----' });
    expect(env.run(['init', '--json']).json()).toMatchObject({ permessiRistretti: false, permessiPrima: null });
  });
});

const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const ENV = { PATH: process.env.PATH ?? '', HOME: '/tmp', USER: 'nobody', NO_COLOR: '1', TZ: 'Europe/Rome' };

/** `dote ARGS` run as the unprivileged user nobody (root writes any file: no read-only for it). */
function asNobody(args: readonly string[], cwd: string): RunResult {
  const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, DOTE, ...args], { cwd, env: ENV, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe.skipIf(!isRoot || !hasSetpriv)('a read-only database (run as nobody: needs root and setpriv)', () => {
  /** A database in a folder nobody may enter; `folderWritable` opens the folder to everyone. */
  function roDb(o: { fileMode: number; folderWritable: boolean }) {
    const env = withDb();
    cleanups.push(env.cleanup);
    expect(env.run(['sede', 'aggiungi', 'Padova', '--comune', 'Padova']).status).toBe(0);
    chownSync(env.db, 65534, 65534);
    chmodSync(env.db, o.fileMode);
    chmodSync(env.dir, o.folderWritable ? 0o777 : 0o755);
    return env;
  }

  const READONLY = (db: string) => `${db}: il database è di sola lettura: non hai il permesso di scriverlo`;

  it('writing commands refuse it in one line, exit 2, change nothing and leave no -wal/-shm; reading ones still read', () => {
    const env = roDb({ fileMode: 0o400, folderWritable: true });
    const before = dumpDb(env.db);
    const files = readdirSync(env.dir).sort();
    for (const args of [['sede', 'aggiungi', 'Milano', '--comune', 'Milano'], ['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi'], ['init']]) {
      const r = asNobody([...args, '--db', env.db], env.dir);
      expectRefusal(r, READONLY(env.db));
      expect(r.stderr).toMatch(/suggerimento: chiedi a chi gestisce il database il permesso di scrittura/);
      expect(readdirSync(env.dir).sort(), args.join(' ')).toEqual(files);
    }
    expect(dumpDb(env.db)).toEqual(before);
    const list = asNobody(['sede', 'elenco', '--db', env.db], env.dir);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/Padova/);
  });

  it('a folder where the -wal and -shm files cannot be created: said as such for writing commands, in Italian for reading ones', () => {
    const env = roDb({ fileMode: 0o600, folderWritable: false });
    const r = asNobody(['sede', 'aggiungi', 'Milano', '--comune', 'Milano', '--db', env.db], env.dir);
    expectRefusal(r, `${env.db}: il database non si può modificare: manca il permesso di scrivere nella cartella ${env.dir}, dove vanno i file -wal e -shm`);
    const list = asNobody(['sede', 'elenco', '--db', env.db], env.dir);
    expectRefusal(list, `${env.db}: il database è di sola lettura: manca il permesso di scrivere il file o la sua cartella`);
    expect(readdirSync(env.dir)).toEqual(['dote.db']);
  });

  it('a database this user may not read at all', () => {
    const env = withDb();
    cleanups.push(env.cleanup);
    chmodSync(env.dir, 0o755);
    expectRefusal(asNobody(['sede', 'elenco', '--db', env.db], env.dir), `${env.db}: permesso negato`);
  });
});

/** A tmpfs of `size` mounted on a new temp folder, or undefined when this machine cannot mount. */
function tmpfs(size: string): { dir: string; remountReadOnly: () => void } | undefined {
  if (!isRoot) return undefined;
  const t = tempDir('dote-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', t.dir]);
  if (r.status !== 0) {
    t.cleanup();
    return undefined;
  }
  cleanups.push(() => {
    spawnSync('umount', [t.dir]);
    t.cleanup();
  });
  return { dir: t.dir, remountReadOnly: () => execFileSync('mount', ['-o', 'remount,ro', t.dir]) };
}

const canMount = (() => {
  const m = tmpfs('64k');
  const ok = m !== undefined;
  while (cleanups.length) cleanups.pop()!();
  return ok;
})();

/** Fills the file system of `d` to the last byte (again: a failed command may free what it had taken). */
function fill(d: string): void {
  spawnSync('dd', ['if=/dev/zero', `of=${path.join(d, `riempitivo-${readdirSync(d).length}`)}`, 'bs=4k'], { stdio: 'ignore' });
}

describe.skipIf(!canMount)('a full disk and a read-only file system (real tmpfs mounts: need root and mount)', () => {
  it('a full disk: writing commands and init say "il disco è pieno", exit 2; init leaves no half-made file; nothing changes', () => {
    const m = tmpfs('2m')!;
    const db = path.join(m.dir, 'dote.db');
    expect(dote(['init', '--db', db]).status).toBe(0);
    const before = dumpDb(db);
    fill(m.dir);
    const r = dote(['sede', 'aggiungi', 'Milano', '--comune', 'Milano', '--db', db], { cwd: m.dir });
    expectRefusal(r, `${db}: il disco è pieno`);
    expect(r.stderr).toMatch(/suggerimento: libera spazio sul disco/);
    const other = path.join(m.dir, 'altro.db');
    fill(m.dir);
    expectRefusal(dote(['init', '--db', other], { cwd: m.dir }), `${other}: il disco è pieno`);
    expect(existsSync(other)).toBe(false);
    const modelli = path.join(m.dir, 'modelli');
    mkdirSync(modelli);
    fill(m.dir);
    expectRefusal(dote(['modelli', 'esporta', 'pip', modelli], { cwd: ROOT }), `${path.join(modelli, 'pip.json')}: scrittura non riuscita: il disco è pieno`);
    for (const f of readdirSync(m.dir)) if (f.startsWith('riempitivo-')) rmSync(path.join(m.dir, f));
    expect(dumpDb(db)).toEqual(before);
    expect(dote(['sede', 'aggiungi', 'Milano', '--comune', 'Milano', '--db', db]).status).toBe(0);
  });

  it('a read-only file system: the database, a new database, a template and a PDF written there', async () => {
    const m = tmpfs('2m')!;
    const db = path.join(m.dir, 'dote.db');
    expect(dote(['init', '--db', db]).status).toBe(0);
    mkdirSync(path.join(m.dir, 'modelli'));
    m.remountReadOnly();
    expectRefusal(dote(['sede', 'aggiungi', 'Milano', '--comune', 'Milano', '--db', db]), `${db}: il database si trova su un file system di sola lettura`);
    const other = path.join(m.dir, 'altro.db');
    expectRefusal(dote(['init', '--db', other]), `${other}: impossibile creare il database: si trova su un file system di sola lettura`);
    const modelli = path.join(m.dir, 'modelli');
    expectRefusal(dote(['modelli', 'esporta', 'pip', modelli]), `${path.join(modelli, 'pip.json')}: scrittura non riuscita: si trova su un file system di sola lettura`);
    // The writer every printed document goes through (stampa, relazione, liquidazione).
    const { writeAtomically } = await import('../../src/files/owner-only.js');
    const pdf = path.join(m.dir, 'pip.pdf');
    expect(() => writeAtomically(pdf, Buffer.from('%PDF-1.4'))).toThrow(`-o ${pdf}: scrittura non riuscita: si trova su un file system di sola lettura`);
  });
});

describe('other files the user names: the reason in Italian', () => {
  it('a catalogue in a folder that does not exist', () => {
    const d = dir();
    const cat = path.join(d, 'manca', 'bando.json');
    expectRefusal(dote(['bandi', '--catalogo', cat]), `${cat}: impossibile leggere il catalogo: la cartella ${path.join(d, 'manca')} non esiste`);
  });
});
