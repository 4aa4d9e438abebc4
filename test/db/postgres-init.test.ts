/**
 * The PostgreSQL store's first step (issue 14), on the tests' throwaway server: `dote init` with
 * a postgres:// URL creates dote's schema at the current version, is idempotent, refuses a
 * database that holds other tables (and leaves it as it was), and says in Italian when the server
 * or the database is not there. `backup` and `ripristina` are the file's: on a server they name
 * pg_dump and pg_restore instead.
 */
import { describe, expect, it } from 'vitest';
import { dote, SCHEMA_VERSION } from '../helpers.js';
import { freshPgDatabase, psql } from '../postgres/pg.js';
import { PG_MIGRATIONS } from '../../src/db/postgres/connection.js';

describe('dote init on a PostgreSQL server', () => {
  it('creates the schema at the current version, and a second init changes nothing', () => {
    const url = freshPgDatabase();
    const first = dote(['init', '--db', url, '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.json()).toMatchObject({ created: true, version: SCHEMA_VERSION });
    expect(psql(url, "SELECT valore FROM meta WHERE chiave = 'schema_version'")).toBe(String(SCHEMA_VERSION));
    expect(Number(psql(url, 'SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()'))).toBe(20);
    const again = dote(['init', '--db', url]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('Database già pronto sul server');
    expect(PG_MIGRATIONS.at(-1)!.to).toBe(SCHEMA_VERSION);
  });

  it('refuses a database holding other tables and leaves it untouched', () => {
    const url = freshPgDatabase();
    psql(url, "CREATE TABLE clienti (id int); INSERT INTO clienti VALUES (1)");
    const r = dote(['init', '--db', url]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('contiene già altre tabelle');
    expect(psql(url, 'SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()')).toBe('1');
  });

  it('says in Italian when the server or the database is missing, never a stack trace', () => {
    const none = dote(['init', '--db', 'postgres://postgres@127.0.0.1:1/dote']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('impossibile collegarsi al server PostgreSQL 127.0.0.1:1');
    const url = new URL(freshPgDatabase());
    url.pathname = '/non_esiste_proprio';
    const missing = dote(['init', '--db', url.toString()]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('il database non esiste sul server');
    expect(missing.stderr + none.stderr).not.toMatch(/at .*\.js|errore interno/);
  });

  it("backup and ripristina name the server's own tools, with exit 2; the other commands work there", () => {
    const url = freshPgDatabase();
    expect(dote(['init', '--db', url]).status).toBe(0);
    const backup = dote(['backup', '/tmp/x.db', '--db', url]);
    expect(backup.status).toBe(2);
    expect(backup.stderr).toMatch(/^dote: .*dote backup copia il file SQLite; un database PostgreSQL si copia con pg_dump\nsuggerimento: per esempio: pg_dump /);
    const restore = dote(['ripristina', '/tmp/x.db', '--db', url]);
    expect(restore.status).toBe(2);
    expect(restore.stderr).toContain('si ripristina con pg_restore');
    const sede = dote(['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--db', url]);
    expect(sede.status, sede.stderr).toBe(0);
    const elenco = dote(['sede', 'elenco', '--db', url]);
    expect(elenco.status, elenco.stderr).toBe(0);
    expect(elenco.stdout).toContain('Cremona');
    expect(psql(url, 'SELECT nome FROM sede')).toBe('Cremona');
  });
});
