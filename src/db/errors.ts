/**
 * SQLite's errors in the user's words: main.ts maps any error that escapes a command through
 * here, and the import writer thread uses the same test for the same message. The words
 * themselves are in os-errors.ts, shared with every other file the program reads or writes.
 */
import { errorCode, fromOsError, isBusyCode } from '../os-errors.js';

/**
 * SQLite gave up waiting for a lock that another connection holds (the busy timeout of
 * connection.ts passed): SQLITE_BUSY or SQLITE_LOCKED, or one of their extended codes
 * (SQLITE_BUSY_SNAPSHOT…), as better-sqlite3 reports them in `code`.
 */
export function isDatabaseBusy(e: unknown): boolean {
  return isBusyCode(errorCode(e));
}

/**
 * The typed error for a database or file error the user can do something about (busy,
 * read-only, disk full, a missing folder…), naming the database file for SQLite's errors (they
 * carry no path) and the file for the system's; any other error is returned as it is.
 */
export function fromDatabaseError(e: unknown, dbPath?: string): unknown {
  const code = errorCode(e);
  if (code === undefined) return e;
  if (code.startsWith('SQLITE_')) return fromOsError(e, dbPath);
  const file = (e as { path?: unknown }).path;
  return fromOsError(e, typeof file === 'string' ? file : undefined);
}
