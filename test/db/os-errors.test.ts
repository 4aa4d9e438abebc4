/**
 * The operating system's and SQLite's errors in Italian (src/os-errors.ts), and what a database
 * path names (src/db/database-file.ts). Real errors where this machine can provoke them (a
 * missing file, a folder, a read-only SQLite connection, a lock held by another connection, a
 * FIFO, a socket); the codes no test can provoke without breaking the machine (a full disk, a
 * read-only file system) by their code, as Node and better-sqlite3 report them.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyDbPath, modeText, sharedMode, sharedModeWarning } from '../../src/db/database-file.js';
import { fromDatabaseError, isDatabaseBusy } from '../../src/db/errors.js';
import { DatabaseBusyError, UsageError } from '../../src/errors.js';
import { fromOsError, osReason, readNamedFile } from '../../src/os-errors.js';
import { tempDir } from '../helpers.js';

/** One temp folder per test. */
let folder: ReturnType<typeof tempDir>;
beforeEach(() => {
  folder = tempDir();
});
afterEach(() => folder.cleanup());
const dir = () => folder.dir;

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('no error thrown');
}

const code = (c: string) => Object.assign(new Error(`${c}: English text`), { code: c });
const ENGLISH = /no such file|permission denied|directory|readonly|disk|locked|[A-Z]{4,}/;

describe('osReason: every system error the user can meet, in Italian', () => {
  it('real Node errors: a missing file, a missing folder, a folder, a file used as a folder', () => {
    const d = dir();
    writeFileSync(path.join(d, 'file'), 'x');
    const missingFile = caught(() => readFileSync(path.join(d, 'manca.csv')));
    expect(osReason(missingFile)).toEqual({ reason: 'file inesistente' });
    const missingFolder = caught(() => writeFileSync(path.join(d, 'no', 'dentro', 'x.pdf'), 'x'));
    expect(osReason(missingFolder)?.reason).toBe(`la cartella ${path.join(d, 'no', 'dentro')} non esiste`);
    expect(osReason(caught(() => readFileSync(d)))?.reason).toBe('è una cartella, non un file');
    expect(osReason(caught(() => readFileSync(path.join(d, 'file', 'x'))))?.reason).toBe(`${path.join(d, 'file')} è un file, non una cartella`);
  });

  it('codes that cannot be provoked here: permission, disk full, read-only file system, too many files', () => {
    expect(osReason(code('EACCES'))?.reason).toBe('permesso negato');
    expect(osReason(code('EPERM'))?.reason).toBe('permesso negato');
    expect(osReason(code('ENOSPC'))).toMatchObject({ reason: 'il disco è pieno', hint: expect.stringMatching(/libera spazio/) });
    expect(osReason(code('SQLITE_FULL'))?.reason).toBe('il disco è pieno');
    expect(osReason(code('EROFS'))?.reason).toBe('si trova su un file system di sola lettura');
    expect(osReason(code('EMFILE'))?.reason).toBe('troppi file aperti nel sistema');
    expect(osReason(code('SQLITE_CANTOPEN'))?.reason).toBe('impossibile aprire il file del database');
    expect(osReason(code('SQLITE_IOERR_SHORT_READ'))?.reason).toBe('errore di lettura o scrittura del disco');
    expect(osReason(code('SQLITE_CORRUPT'))?.reason).toBe('il file del database è danneggiato');
    for (const c of ['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EEXIST', 'EBUSY', 'EMFILE', 'ELOOP', 'ENAMETOOLONG', 'EIO', 'SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_BUSY']) {
      const r = osReason(code(c));
      expect(r, c).toBeDefined();
      expect(r!.reason, c).not.toMatch(ENGLISH);
    }
  });

  it('an error that is not the system\'s is left as it is (it stays an internal error)', () => {
    const bug = new TypeError('x is undefined');
    expect(osReason(bug)).toBeUndefined();
    expect(fromOsError(bug, 'file')).toBe(bug);
    expect(fromDatabaseError(bug, 'dote.db')).toBe(bug);
    expect(fromDatabaseError(code('ERR_INVALID_ARG_TYPE'), 'dote.db')).toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
  });

  it('a real read-only SQLite connection: SQLITE_READONLY becomes one Italian line naming the database', () => {
    const file = path.join(dir(), 'dote.db');
    new Database(file).exec('CREATE TABLE t (x)');
    const ro = new Database(file, { readonly: true });
    const e = caught(() => ro.exec('INSERT INTO t VALUES (1)'));
    ro.close();
    expect((e as { code: string }).code).toMatch(/^SQLITE_READONLY/);
    const mapped = fromDatabaseError(e, file);
    expect(mapped).toBeInstanceOf(UsageError);
    expect((mapped as UsageError).status).toBe(2);
    expect((mapped as UsageError).message).toBe(`${file}: il database è di sola lettura: manca il permesso di scrivere il file o la sua cartella`);
  });

  it('a real lock held by another connection: SQLITE_BUSY becomes the busy message', () => {
    const file = path.join(dir(), 'dote.db');
    const a = new Database(file);
    a.exec('CREATE TABLE t (x)');
    const b = new Database(file, { timeout: 0 });
    a.exec('BEGIN IMMEDIATE');
    const e = caught(() => b.exec('BEGIN IMMEDIATE'));
    a.exec('ROLLBACK');
    a.close();
    b.close();
    expect(isDatabaseBusy(e)).toBe(true);
    expect(fromDatabaseError(e, file)).toBeInstanceOf(DatabaseBusyError);
  });

  it('Node errors that escape a command name their own file; SQLite\'s name the database', () => {
    const missing = caught(() => readFileSync('/nonexistent-dote-test/x.csv'));
    expect((fromDatabaseError(missing, 'dote.db') as Error).message).toBe('/nonexistent-dote-test/x.csv: la cartella /nonexistent-dote-test non esiste');
    expect((fromDatabaseError(code('SQLITE_FULL'), 'ufficio.db') as Error).message).toBe('ufficio.db: il disco è pieno');
    expect((fromOsError(code('ENOSPC'), '-o pip.pdf', { what: 'scrittura non riuscita' }) as Error).message).toBe('-o pip.pdf: scrittura non riuscita: il disco è pieno');
  });

  it('readNamedFile: the option, the path and the reason', () => {
    const d = dir();
    expect((caught(() => readNamedFile('--testo manca.txt', path.join(d, 'manca.txt'))) as Error).message).toBe('--testo manca.txt: file inesistente');
    expect((caught(() => readNamedFile(`--file ${d}`, d)) as Error).message).toBe(`--file ${d}: è una cartella, non un file`);
    writeFileSync(path.join(d, 'ok.txt'), 'ciao');
    expect(readNamedFile('--testo ok.txt', path.join(d, 'ok.txt'), 'utf8')).toBe('ciao');
  });
});

describe('classifyDbPath: only a regular file, or nothing in an existing folder, can be a database', () => {
  it('a regular file, a missing one, a missing folder, a file used as a folder, a folder', () => {
    const d = dir();
    writeFileSync(path.join(d, 'dote.db'), '');
    expect(classifyDbPath(path.join(d, 'dote.db'))).toEqual({ kind: 'file' });
    expect(classifyDbPath(path.join(d, 'nuovo.db'))).toEqual({ kind: 'missing' });
    expect(classifyDbPath(path.join(d, 'a', 'b', 'x.db'))).toEqual({ kind: 'missing-folder', folder: path.join(d, 'a') });
    expect(classifyDbPath(path.join(d, 'dote.db', 'x.db'))).toEqual({ kind: 'not-a-folder', folder: path.join(d, 'dote.db') });
    expect(classifyDbPath(d)).toEqual({ kind: 'directory' });
  });

  it('a FIFO, a socket, a device, links to a folder and to nothing', async () => {
    const d = dir();
    const fifo = path.join(d, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(classifyDbPath(fifo)).toEqual({ kind: 'special', what: 'una pipe (FIFO)' });
    const sock = path.join(d, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      expect(classifyDbPath(sock)).toEqual({ kind: 'special', what: 'un socket' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // Only looked at (stat), never opened or changed.
    expect(classifyDbPath('/dev/null')).toEqual({ kind: 'special', what: 'un dispositivo a caratteri (come /dev/null)' });
    mkdirSync(path.join(d, 'cartella'));
    symlinkSync(path.join(d, 'cartella'), path.join(d, 'link-cartella'));
    expect(classifyDbPath(path.join(d, 'link-cartella'))).toEqual({ kind: 'directory' });
    symlinkSync(path.join(d, 'niente'), path.join(d, 'link-niente'));
    expect(classifyDbPath(path.join(d, 'link-niente'))).toEqual({ kind: 'special', what: 'un collegamento simbolico a un file che non esiste' });
    writeFileSync(path.join(d, 'vero.db'), '');
    symlinkSync(path.join(d, 'vero.db'), path.join(d, 'link-file'));
    expect(classifyDbPath(path.join(d, 'link-file'))).toEqual({ kind: 'file' });
  });
});

describe('permissions', () => {
  it('shared modes, as ls shows them, and the one-line warning', () => {
    expect(sharedMode(0o600)).toBe(false);
    expect(sharedMode(0o400)).toBe(false);
    expect(sharedMode(0o644)).toBe(true);
    expect(sharedMode(0o620)).toBe(true);
    expect(modeText(0o644)).toBe('rw-r--r--');
    expect(modeText(0o750)).toBe('rwxr-x---');
    const w = sharedModeWarning('dote.db', 0o644);
    expect(w).toBe('dote: avviso: dote.db è leggibile anche da altri utenti (permessi rw-r--r--) e contiene dati personali e sanitari: "dote init" lo rende leggibile solo dal proprietario');
    expect(w).not.toMatch(/\n/);
    expect(sharedModeWarning('dote.db', 0o620)).toMatch(/accessibile anche ad altri utenti \(permessi rw--w----\)/);
  });
});
