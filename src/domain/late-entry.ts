import type { RegolaSetting } from '../bandi/schema.js';

/**
 * From how many days after the delivery a late entry is a warning and an error (null: never), as
 * the bando sets them. Read by calendar/late-entry and by the deadlines (domain/scadenze.ts), so that the last day
 * `dote scadenze` shows is the last day this rule accepts.
 */
export function lateEntryLimits(s: RegolaSetting | null): { avviso: number | null; errore: number | null } | null {
  if (!s) return null;
  const a = s.parametri.avvisoDaGiorni, e = s.parametri.erroreDaGiorni;
  return {
    avviso: typeof a === 'number' ? a : s.severita === 'warning' ? 1 : null,
    errore: typeof e === 'number' ? e : s.severita === 'error' && typeof a !== 'number' ? 8 : null,
  };
}

