/**
 * Every file dote writes (the database, PDFs, liquidation packets, backups, exports, templates,
 * the demo's folder) is readable by its owner only, whatever the umask: files 0600, folders 0700
 * (they hold health data: README "Dati e sicurezza"). Files are written atomically (a temporary
 * file in the same folder, then a rename), so that a failed or refused command leaves no file and
 * a reader never sees half of one. This module is the one place that creates them.
 */
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { osFailure } from '../os-errors.js';

/** Refuses, before any work, an output whose folder does not exist or is not a folder. */
export function checkOutputFolder(file: string, label = `-o ${file}`): void {
  const dir = path.dirname(path.resolve(file));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`${label}: la cartella ${dir} non esiste`, 'creala prima, o indica un file in una cartella esistente');
  }
  if (!isDir) throw new UsageError(`${label}: ${dir} non è una cartella`);
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${label}: è una cartella, non un file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
}

export interface Written {
  file: string;
  bytes: number;
  sha256: string;
}

export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_FOLDER = 0o700;

/** The temporary name beside `file` that a write goes to before its rename. */
export function temporaryBeside(file: string, what = 'tmp'): string {
  const abs = path.resolve(file);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${what}`);
}

/**
 * Creates `file`, empty and owner-only, failing if it exists (`wx`): for files another writer
 * (SQLite's backup, a copy) then fills. Returns false when the file already exists.
 */
export function createOwnerOnly(file: string): boolean {
  try {
    closeSync(openSync(file, 'wx', OWNER_ONLY_FILE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  // The mode given to open is masked by the umask, which can only remove bits; chmod makes sure.
  chmodSync(file, OWNER_ONLY_FILE);
  return true;
}

/** Makes sure `file` (written by someone else: SQLite, a copy) is readable by its owner only. */
export function restrictToOwner(file: string): void {
  chmodSync(file, OWNER_ONLY_FILE);
}

/** Creates a folder (and its missing parents) readable by its owner only. */
export function mkdirOwnerOnly(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_FOLDER });
  chmodSync(dir, OWNER_ONLY_FOLDER);
}

/** Writes `data` to `file` atomically, owner-only; `label` names the file in messages (`-o FILE` by default). */
export function writeAtomically(file: string, data: Buffer, label = `-o ${file}`): Written {
  checkOutputFolder(file, label);
  const abs = path.resolve(file);
  const tmp = temporaryBeside(abs);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', OWNER_ONLY_FILE);
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw osFailure(e, label, { file, what: 'scrittura non riuscita' });
  }
  return { file, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}
