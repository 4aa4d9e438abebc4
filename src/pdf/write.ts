/**
 * Writing a printed document: readable by its owner only (0600: the documents hold health data),
 * and atomically (a temporary file in the same folder, then a rename), so that a failed or refused
 * `stampa` leaves no file and a reader never sees half a PDF.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { osFailure } from '../os-errors.js';

/** Refuses, before any work, an output whose folder does not exist or is not a folder. */
export function checkOutputFolder(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError(`-o ${file}: la cartella ${dir} non esiste`, 'creala prima, o indica un file in una cartella esistente');
  }
  if (!isDir) throw new UsageError(`-o ${file}: ${dir} non è una cartella`);
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`-o ${file}: è una cartella, non un file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
}

export interface Written {
  file: string;
  bytes: number;
  sha256: string;
}

export function writeAtomically(file: string, data: Buffer): Written {
  checkOutputFolder(file);
  const abs = path.resolve(file);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw osFailure(e, `-o ${file}`, { file, what: 'scrittura non riuscita' });
  }
  return { file, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}
