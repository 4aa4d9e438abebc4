/**
 * What every command receives from the edge: where the database is, what "today" is, who is
 * operating, output mode. Built once in main.ts from global options and environment variables.
 */
import { UsageError } from './errors.js';
import { userInfo } from 'node:os';
import { date } from './cli-options/values.js';

export interface GlobalOptions {
  db?: string;
  oggi?: string;
  json?: boolean;
  catalogo?: string[];
  operatore?: string;
}

export interface Context {
  dbPath: string;
  /** Today's date, YYYY-MM-DD: from --oggi / DOTE_OGGI or the system clock. */
  oggi: string;
  json: boolean;
  catalogFiles: string[];
  /** Who makes changes, for the audit trail: --operatore, DOTE_OPERATORE or the OS user. */
  operatore: string;
}

export function systemToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The account running the process, from the system's user database (not the environment). */
function osUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined; // no entry for this uid (some containers)
  }
}

export function buildContext(g: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Context {
  // The same date reader as every date option (GG/MM/AAAA or AAAA-MM-GG); the message names
  // where the value came from.
  let oggi = systemToday();
  if (g.oggi !== undefined || env.DOTE_OGGI !== undefined) {
    const r = g.oggi !== undefined ? date('--oggi', g.oggi) : date('DOTE_OGGI', env.DOTE_OGGI!);
    if (!r.ok) throw new UsageError(r.message);
    oggi = r.value;
  }
  // The first that is set and not blank: an empty USER (cron, containers) is no name.
  const operatore = [g.operatore, env.DOTE_OPERATORE, env.USER, env.LOGNAME, env.USERNAME, osUser()].find((v) => v && v.trim())?.trim() ?? 'sconosciuto';
  return {
    dbPath: g.db ?? env.DOTE_DB ?? 'dote.db',
    oggi,
    json: Boolean(g.json),
    catalogFiles: g.catalogo ?? [],
    operatore,
  };
}
