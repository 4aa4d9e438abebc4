/**
 * SQLite's errors in the user's words, in one place: main.ts maps any error that escapes a
 * command through here, and the import writer thread uses the same test for the same message.
 */
import { DatabaseBusyError } from '../errors.js';

/**
 * SQLite gave up waiting for a lock that another connection holds (the busy timeout of
 * connection.ts passed): SQLITE_BUSY or SQLITE_LOCKED, or one of their extended codes
 * (SQLITE_BUSY_SNAPSHOT…), as better-sqlite3 reports them in `code`.
 */
export function isDatabaseBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
}

/** The typed error for a database error the user can do something about; any other is returned as it is. */
export function fromDatabaseError(e: unknown): unknown {
  return isDatabaseBusy(e) ? new DatabaseBusyError() : e;
}
