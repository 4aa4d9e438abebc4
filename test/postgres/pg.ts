/**
 * The tests' PostgreSQL: the throwaway server of this run (global-setup.ts starts one with
 * test/postgres/server.sh unless DOTE_TEST_PG names a server already running), and a fresh,
 * empty database on it per test (`freshPgDatabase()`).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/** The server's admin URL (database `postgres`). */
export function pgServerUrl(): string {
  const url = process.env.DOTE_TEST_PG || inject('pgUrl');
  if (!url) throw new Error('nessun server PostgreSQL per i test: installa postgresql (apt-get install -y postgresql) o imposta DOTE_TEST_PG=postgres://…');
  return url;
}

/** The URL of `name` on the tests' server. */
export function pgUrlOf(name: string): string {
  const u = new URL(pgServerUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs SQL on the tests' server (psql, synchronously): for creating databases and looking at them. */
export function psql(url: string, sql: string): string {
  const r = spawnSync('psql', [url, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr || r.error}`);
  return r.stdout.trim();
}

/** A new empty database on the tests' server; its URL. */
export function freshPgDatabase(): string {
  const name = `dote_t_${randomBytes(6).toString('hex')}`;
  psql(pgServerUrl(), `CREATE DATABASE ${name}`);
  return pgUrlOf(name);
}

/**
 * A new database on the tests' server, a copy of the one at `url` (CREATE DATABASE … TEMPLATE:
 * nobody may be connected to it, which the server waits a few seconds for); its URL.
 */
export function copyPgDatabase(url: string): string {
  const source = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(source)) throw new Error(`${url}: nome di database inatteso`);
  const name = `dote_t_${randomBytes(6).toString('hex')}`;
  psql(pgServerUrl(), `CREATE DATABASE ${name} TEMPLATE ${source}`);
  return pgUrlOf(name);
}
