/**
 * Small pieces shared by the registry use cases (ente, sede, professionista, destinatario):
 * optional and required text options (their key/value output is `fields` in src/output/table.ts).
 * The commands open the store with `withStore` (src/db/store.ts).
 */
import { UsageError } from '../errors.js';

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

