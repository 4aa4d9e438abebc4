import { UsageError } from '../errors.js';

/**
 * Where the data is: `--db` / `DOTE_DB` names the SQLite file (the default, `dote.db`) or, as a
 * `postgres://` (or `postgresql://`) URL, a PostgreSQL server (src/db/postgres/). Kept apart from
 * both stores so that telling them apart loads neither.
 */

/** Whether the location names a PostgreSQL server rather than a file. */
export function isServerUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/** The location as dote shows it: a server URL without its password, if one was given anyway. */
export function displayLocation(location: string): string {
  if (!isServerUrl(location)) return location;
  try {
    const u = new URL(location);
    if (!u.password) return location;
    u.password = '';
    return u.toString().replace(/:@/, '@');
  } catch {
    return location.replace(/\/\/([^:/@]*):[^@]*@/, '//$1@');
  }
}

/**
 * The PostgreSQL store is being built (issue 14): `dote init` creates and versions the schema on
 * a server; the other commands still work on the file only, and say so instead of failing.
 */
export function refuseServerYet(location: string): never {
  throw new UsageError(
    `${displayLocation(location)}: su un server PostgreSQL, per ora, dote sa solo creare lo schema (dote init); gli altri comandi lavorano sul file SQLite`,
    'indica un file con --db (per esempio --db dote.db)',
  );
}
