/**
 * The operating system's and SQLite's error codes in the user's words, in one place: every file
 * the program reads or writes (the database, CSV files, catalogues, templates, logos, PDFs,
 * packets) says why it failed with the same Italian sentence, never with Node's English
 * ("ENOENT: no such file or directory, open …"). main.ts maps what escapes a command through
 * here too, so that an error nobody caught still reads as the user's situation, not as an
 * internal error.
 */
import { existsSync, readFileSync, statSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseBusyError, UsageError } from './errors.js';

/** What the user reads for one cause, and what to do about it. */
export interface OsReason {
  reason: string;
  hint?: string;
}

const PERMISSIONS_HINT = 'controlla i permessi del file e della sua cartella (ls -l), o chiedi a chi li gestisce';
const FULL_HINT = 'libera spazio sul disco e riprova: nulla è stato cambiato';

/** The error's code: Node's errno name (ENOENT…) or SQLite's (SQLITE_READONLY_DBMOVED…). */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * SQLite gave up waiting for a lock that another connection holds (the busy timeout passed):
 * SQLITE_BUSY or SQLITE_LOCKED, or one of their extended codes (SQLITE_BUSY_SNAPSHOT…).
 */
export function isBusyCode(code: string | undefined): boolean {
  return code !== undefined && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

/** The nearest folder of `file` that is missing, when its folder is: "la cartella X non esiste" says which. */
function missingFolder(file: string): string | undefined {
  const dir = path.dirname(path.resolve(file));
  if (existsSync(dir)) return undefined;
  return dir;
}

/** A part of the path that exists and is a file, not a folder (ENOTDIR). */
function fileInPath(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    try {
      if (!statSync(dir).isDirectory()) return dir;
      return undefined;
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }
}

/** Less than 1 MB left on the file system of `file`: an I/O error there is most likely a full disk. */
function nearlyFull(file: string): boolean {
  try {
    const fs = statfsSync(path.dirname(path.resolve(file)));
    return fs.bavail * fs.bsize < 1024 * 1024;
  } catch {
    return false;
  }
}

/**
 * The Italian reason for a system error, by its code; `file`, when known, lets ENOENT say
 * whether the file or its folder is missing. Undefined for an error that is not the system's.
 */
export function osReason(e: unknown, file?: string): OsReason | undefined {
  const code = errorCode(e);
  if (code === undefined) return undefined;
  const where = file ?? ((e as { path?: unknown }).path as string | undefined);
  switch (code) {
    case 'ENOENT': {
      const dir = where === undefined ? undefined : missingFolder(where);
      return dir ? { reason: `la cartella ${dir} non esiste`, hint: 'creala prima, o indica un percorso in una cartella esistente' } : { reason: 'file inesistente' };
    }
    case 'ENOTDIR': {
      const f = where === undefined ? undefined : fileInPath(where);
      return { reason: f ? `${f} è un file, non una cartella` : 'una parte del percorso è un file, non una cartella' };
    }
    case 'EISDIR':
      return { reason: 'è una cartella, non un file' };
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return { reason: 'permesso negato', hint: PERMISSIONS_HINT };
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return { reason: 'il disco è pieno', hint: FULL_HINT };
    case 'EROFS':
      return { reason: 'si trova su un file system di sola lettura', hint: 'indica un percorso su un disco scrivibile' };
    case 'EEXIST':
      return { reason: 'esiste già' };
    case 'EBUSY':
    case 'ETXTBSY':
      return { reason: 'il file è in uso da un altro programma', hint: 'riprova fra poco' };
    case 'EMFILE':
    case 'ENFILE':
      return { reason: 'troppi file aperti nel sistema', hint: 'chiudi qualche programma e riprova' };
    case 'ELOOP':
      return { reason: 'troppi collegamenti simbolici nel percorso (forse un collegamento che rimanda a sé stesso)' };
    case 'ENAMETOOLONG':
      return { reason: 'il percorso è troppo lungo' };
    case 'ENXIO':
    case 'ENODEV':
      return { reason: 'non è un file normale (un dispositivo o una pipe)' };
    case 'EIO':
      return { reason: 'errore di lettura o scrittura del disco', hint: 'controlla il disco (o la cartella di rete) e riprova' };
  }
  if (isBusyCode(code)) return { reason: DatabaseBusyError.MESSAGE };
  if (code.startsWith('SQLITE_READONLY')) {
    return { reason: 'il database è di sola lettura: manca il permesso di scrivere il file o la sua cartella', hint: PERMISSIONS_HINT };
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return { reason: 'impossibile aprire il file del database', hint: PERMISSIONS_HINT };
  if (code.startsWith('SQLITE_IOERR')) {
    // SQLite says "disk I/O error" also when the disk is full and the -shm file cannot grow.
    if (where !== undefined && nearlyFull(where)) return { reason: 'il disco è pieno', hint: FULL_HINT };
    return { reason: 'errore di lettura o scrittura del disco', hint: 'controlla che il disco non sia pieno o scollegato e riprova' };
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return { reason: 'il file del database è danneggiato', hint: 'ripristina una copia di sicurezza' };
  }
  return undefined;
}

/**
 * The typed error for a system error about `subject` (a path, or an option and its path such as
 * "-o relazione.pdf"): a usage problem (exit 2) with the Italian reason, or a DatabaseBusyError.
 * `what` says what did not happen, before the reason ("scrittura non riuscita"). An error that is
 * not the system's is returned as it is.
 */
export function fromOsError(e: unknown, subject?: string, opts: { file?: string; what?: string } = {}): unknown {
  if (isBusyCode(errorCode(e))) return new DatabaseBusyError(opts.what);
  const r = osReason(e, opts.file ?? subject);
  if (!r) return e;
  const head = [subject, opts.what].filter(Boolean).join(': ');
  return new UsageError(head ? `${head}: ${r.reason}` : r.reason, r.hint);
}

/**
 * For a catch block around one file operation: fromOsError's typed error, or for a cause it does
 * not know a usage error saying `subject: what` (or `fallback`), never the system's English.
 */
export function osFailure(e: unknown, subject: string, opts: { file?: string; what?: string; fallback?: string } = {}): unknown {
  const mapped = fromOsError(e, subject, opts);
  if (mapped !== e) return mapped;
  return new UsageError(`${subject}: ${opts.fallback ?? opts.what ?? 'operazione non riuscita'}`);
}

/**
 * Reads a file the user named (`subject`: the option and its value, "--testo relazione.txt");
 * a failure says the subject and the reason in Italian (exit 2).
 */
export function readNamedFile(subject: string, file: string): Buffer;
export function readNamedFile(subject: string, file: string, encoding: BufferEncoding): string;
export function readNamedFile(subject: string, file: string, encoding?: BufferEncoding): Buffer | string {
  try {
    return encoding ? readFileSync(file, encoding) : readFileSync(file);
  } catch (e) {
    throw osFailure(e, subject, { file, fallback: 'file non leggibile' });
  }
}
