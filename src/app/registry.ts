/**
 * Small pieces shared by the registry commands (ente, sede, professionista, destinatario):
 * opening the database for one command, optional text options (their key/value output is
 * `fields` in src/output/table.ts).
 */
import { openDatabase, type Db } from '../db/connection.js';
import { UsageError } from '../errors.js';

/** Opens the database, runs `fn`, closes it whatever happens. */
export function useDatabase<T>(file: string, fn: (db: Db) => T, opts: { readonly?: boolean } = {}): T {
  const db = openDatabase(file, opts);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** An optional free-text option: trimmed; an empty value means "none" (null). */
export function optionalText(value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const t = value.trim().replace(/\s+/g, ' ');
  return t === '' ? null : t;
}

/** A required free-text value: trimmed, not empty (exit 2 otherwise). */
export function requiredText(option: string, value: string | undefined): string {
  const t = (value ?? '').trim().replace(/\s+/g, ' ');
  if (!t) throw new UsageError(`${option}: valore vuoto`);
  return t;
}

