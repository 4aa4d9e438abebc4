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
 * `dote backup` and `dote ripristina` copy the SQLite file; a server database is copied and
 * restored by the server's own tools (pg_dump, pg_restore), which its administrator schedules.
 */
export function refuseCopyOfServer(location: string, command: 'backup' | 'ripristina'): never {
  throw new UsageError(
    command === 'backup'
      ? `${displayLocation(location)}: dote backup copia il file SQLite; un database PostgreSQL si copia con pg_dump`
      : `${displayLocation(location)}: dote ripristina rimette in uso un file SQLite; un database PostgreSQL si ripristina con pg_restore`,
    command === 'backup' ? 'per esempio: pg_dump -Fc -f dote-AAAA-MM-GG.dump NOME_DATABASE (README, "Più sedi")' : 'per esempio: pg_restore -d NOME_DATABASE --clean dote-AAAA-MM-GG.dump (README, "Più sedi")',
  );
}
