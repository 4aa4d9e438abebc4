/**
 * The database file as the operating system sees it, before SQLite does: what the path names
 * (only a regular file, or nothing in an existing folder, can be a database: a FIFO, a socket or
 * a device such as /dev/null is refused and left untouched, never chmod-ed), whether this user
 * may write it (a read-only database is said plainly, and no -wal/-shm files are left behind),
 * and whether others may read it (it holds health data: owner-only, as `dote init` makes it).
 */
import { accessSync, closeSync, constants, existsSync, fchmodSync, fstatSync, lstatSync, openSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { errorCode, osFailure } from '../os-errors.js';

export type DbPathKind =
  | { kind: 'file' }
  /** Nothing there, in a folder that exists: `init` may create it. */
  | { kind: 'missing' }
  | { kind: 'missing-folder'; folder: string }
  /** A part of the folder path is a file. */
  | { kind: 'not-a-folder'; folder: string }
  | { kind: 'directory' }
  /** Anything else: `what` says it in Italian ("una pipe (FIFO)"). */
  | { kind: 'special'; what: string };

function specialKind(st: Stats): string | undefined {
  if (st.isFIFO()) return 'una pipe (FIFO)';
  if (st.isSocket()) return 'un socket';
  if (st.isCharacterDevice()) return 'un dispositivo a caratteri (come /dev/null)';
  if (st.isBlockDevice()) return 'un dispositivo a blocchi (un disco)';
  return st.isFile() || st.isDirectory() ? undefined : 'un file speciale';
}

/** What `file` names; a symbolic link counts as what it points to. */
export function classifyDbPath(file: string): DbPathKind {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOTDIR') return { kind: 'not-a-folder', folder: firstFileInPath(file) };
    if (code !== 'ENOENT') throw osFailure(e, file, { fallback: 'impossibile esaminare il percorso del database' });
    if (isSymlink(file)) return { kind: 'special', what: 'un collegamento simbolico a un file che non esiste' };
    const folder = path.dirname(path.resolve(file));
    return existsSync(folder) ? { kind: 'missing' } : { kind: 'missing-folder', folder: nearestMissing(folder) };
  }
  if (st.isDirectory()) return { kind: 'directory' };
  const what = specialKind(st);
  return what ? { kind: 'special', what } : { kind: 'file' };
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The outermost folder of `folder` that is missing: the one to create first. */
function nearestMissing(folder: string): string {
  let missing = folder;
  for (let up = path.dirname(missing); up !== missing && !existsSync(up); up = path.dirname(up)) missing = up;
  return missing;
}

function firstFileInPath(file: string): string {
  let dir = path.resolve(file);
  for (let up = path.dirname(dir); up !== dir; up = path.dirname(up)) {
    dir = up;
    try {
      if (statSync(dir).isFile()) return dir;
    } catch {
      /* not there: look further up */
    }
  }
  return path.dirname(path.resolve(file));
}

const OTHER_FILE_HINT = 'indica un file con --db, es. --db ./dote.db';

/**
 * Refuses, with nothing changed, a path that cannot be a database: a folder, a FIFO, a socket,
 * a device, a link to nothing, a folder path that does not exist. `missing` (nothing there) is
 * refused too unless `creating` (`dote init`).
 */
export function refuseUnusablePath(file: string, creating: boolean): DbPathKind {
  const k = classifyDbPath(file);
  switch (k.kind) {
    case 'file':
      return k;
    case 'missing':
      if (creating) return k;
      throw new UsageError(`nessun database in ${file}`, 'crealo con "dote init" oppure indica --db PERCORSO');
    case 'missing-folder':
      throw new UsageError(
        creating ? `${file}: la cartella ${k.folder} non esiste` : `nessun database in ${file}: la cartella ${k.folder} non esiste`,
        creating ? `creala prima (mkdir -p ${path.dirname(path.resolve(file))}) o indica un altro percorso con --db` : 'indica il percorso giusto con --db, o crea il database con "dote init"',
      );
    case 'not-a-folder':
      throw new UsageError(`${file}: ${k.folder} è un file, non una cartella`, OTHER_FILE_HINT);
    case 'directory':
      throw new UsageError(`${file}: è una cartella, non un file di database`, 'indica un file, es. --db ' + `${file.replace(/\/+$/, '')}/dote.db`);
    case 'special':
      throw new UsageError(`${file}: non è un file normale ma ${k.what}: non lo uso come database e non lo tocco`, OTHER_FILE_HINT);
  }
}

/** Others (group or anyone) may read or write a file with this mode. */
export function sharedMode(mode: number): boolean {
  return (mode & 0o077) !== 0;
}

/** `rw-r--r--`, as `ls -l` shows a mode. */
export function modeText(mode: number): string {
  return [6, 3, 0].map((s) => `${mode & (4 << s) ? 'r' : '-'}${mode & (2 << s) ? 'w' : '-'}${mode & (1 << s) ? 'x' : '-'}`).join('');
}

/** The one-line warning for a database others may read (printed once per run, by connection.ts). */
export function sharedModeWarning(file: string, mode: number): string {
  const how = mode & 0o044 ? 'leggibile anche da altri utenti' : 'accessibile anche ad altri utenti';
  return `dote: avviso: ${file} è ${how} (permessi ${modeText(mode)}) e contiene dati personali e sanitari: "dote init" lo rende leggibile solo dal proprietario`;
}

/**
 * Makes the file owner-only (0600), through a descriptor of the very file that was checked to be
 * a regular file, so that a path swapped for something else in between is refused, not changed.
 * Returns the mode it had when it had to change, undefined when it was already owner-only.
 */
export function restrictToOwner(file: string): number | undefined {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw osFailure(e, file, { fallback: 'impossibile aprire il file del database' });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) refuseUnusablePath(file, true);
    const mode = st.mode & 0o777;
    if (!sharedMode(mode)) return undefined;
    try {
      fchmodSync(fd, 0o600);
    } catch (e) {
      throw osFailure(e, file, { what: 'impossibile renderlo leggibile solo dal proprietario' });
    }
    return mode;
  } finally {
    closeSync(fd);
  }
}

/** The mode of the database file (0o644…). */
export function fileMode(file: string): number {
  return statSync(file).mode & 0o777;
}

const READONLY_HINT = 'chiedi a chi gestisce il database il permesso di scrittura, o usa un comando che legge soltanto (elenco, mostra)';

/**
 * Refuses, before SQLite opens it, a database this user may not change: the file not writable,
 * a read-only file system, or a folder where the -wal and -shm files cannot be created. Said as
 * "di sola lettura", with nothing left behind (SQLite would open it read-only and fail at the
 * first write, leaving its -wal and -shm files).
 */
export function refuseReadOnly(file: string): void {
  const refuse = (e: unknown, reason: string): never => {
    if (errorCode(e) === 'EROFS') throw new UsageError(`${file}: il database si trova su un file system di sola lettura`, READONLY_HINT);
    throw new UsageError(`${file}: ${reason}`, READONLY_HINT);
  };
  try {
    accessSync(file, constants.W_OK);
  } catch (e) {
    refuse(e, 'il database è di sola lettura: non hai il permesso di scriverlo');
  }
  const sidecars = [`${file}-wal`, `${file}-shm`];
  const sidecarsWritable = sidecars.every((f) => {
    try {
      accessSync(f, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (sidecarsWritable) return;
  const dir = path.dirname(path.resolve(file));
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    refuse(e, `il database non si può modificare: manca il permesso di scrivere nella cartella ${dir}, dove vanno i file -wal e -shm`);
  }
}
