/**
 * The server's address and TLS as libpq means them (src/db/postgres/url.ts): a server of its own
 * with TLS on and a self-signed certificate for 127.0.0.1, and a role that the server lets in over
 * TLS only, so that a connection that works is an encrypted one. On the tests' own server (no
 * TLS): `prefer` and `allow` connect in the clear, `require` is refused in words. Malformed
 * addresses and unknown settings are said in Italian, never an internal error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, dote, tempDir } from '../helpers.js';
import { freshPgDatabase, psql } from '../postgres/pg.js';
import { serverAddress } from '../../src/db/postgres/url.js';

const SERVER = path.join(ROOT, 'test', 'postgres', 'server.sh');
const t = tempDir('dote-tls-');
const file = path.join(t.dir, 'dote.db');
// The server's folder straight under the system's temporary one, made by server.sh for the
// server's user (a folder inside t.dir, owner-only, would be closed to it).
const srv = `${t.dir}-srv`;
let base = ''; // postgres://postgres@127.0.0.1:PORT
const ca = path.join(t.dir, 'server.crt');

beforeAll(() => {
  const dir = srv;
  const start = spawnSync('bash', [SERVER, 'start', dir], { encoding: 'utf8' });
  if (start.status !== 0) throw new Error(`server.sh: ${start.stderr}`);
  base = start.stdout.trim().replace(/\/postgres$/, '');
  const data = path.join(dir, 'data');
  const key = path.join(data, 'server.key');
  const ssl = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', path.join(data, 'server.crt')], { encoding: 'utf8' });
  if (ssl.status !== 0) throw new Error(`openssl: ${ssl.stderr}`);
  writeFileSync(ca, readFileSync(path.join(data, 'server.crt')));
  chmodSync(key, 0o600);
  if (process.getuid?.() === 0) {
    const { uid, gid } = { uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout) };
    chownSync(key, uid, gid);
    chownSync(path.join(data, 'server.crt'), uid, gid);
  }
  // The role "cifrato" is let in over TLS only.
  const hba = path.join(data, 'pg_hba.conf');
  writeFileSync(hba, `hostnossl all cifrato all reject\n${readFileSync(hba, 'utf8')}`);
  for (const q of ['ALTER SYSTEM SET ssl = on', 'CREATE ROLE cifrato LOGIN SUPERUSER', 'CREATE DATABASE dote_tls OWNER cifrato', 'SELECT pg_reload_conf()']) psql(`${base}/postgres`, q);
}, 120_000);

afterAll(() => {
  spawnSync('bash', [SERVER, 'stop', srv]);
  t.cleanup();
});

/** `dote init` on the TLS server's database as `user`, with `query` after the path. */
const init = (user: string, query: string, host = '127.0.0.1', env: Record<string, string> = {}) =>
  dote(['init', '--db', `${base.replace('postgres@127.0.0.1', `${user}@${host}`)}/dote_tls${query}`], { env });

describe('TLS with libpq meanings', () => {
  it('the role is refused in the clear: what follows is encrypted when it connects', () => {
    const r = init('cifrato', '?sslmode=disable');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('accesso negato dal server');
  });

  it('require encrypts without checking the certificate, as libpq; the driver\'s warning is not printed', () => {
    const r = init('cifrato', '?sslmode=require');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(init('cifrato', '?sslmode=prefer').status).toBe(0);
    expect(init('cifrato', '?sslmode=allow').status).toBe(0);
    // PGSSLMODE, as libpq reads it when the address has no sslmode.
    expect(init('cifrato', '', '127.0.0.1', { PGSSLMODE: 'require' }).status).toBe(0);
  });

  it('verify-full checks the certificate and the name; verify-ca the certificate only', () => {
    let r = init('cifrato', '?sslmode=verify-full');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("il certificato TLS del server non è firmato da un'autorità riconosciuta");
    expect(r.stderr).toContain('sslrootcert=/percorso/ca.pem');
    r = init('cifrato', `?sslmode=verify-full&sslrootcert=${ca}`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    r = init('cifrato', `?sslmode=verify-full&sslrootcert=${ca}`, 'localhost');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('il certificato TLS del server non è intestato a localhost');
    r = init('cifrato', `?sslmode=verify-ca&sslrootcert=${ca}`, 'localhost');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('on a server without TLS', () => {
  it('prefer and allow connect in the clear; require and PGSSLMODE=require are refused in words', () => {
    const url = freshPgDatabase();
    expect(dote(['init', '--db', `${url}?sslmode=prefer`]).status).toBe(0);
    expect(dote(['elenco', '--db', `${url}?sslmode=allow`]).stdout).toBe('Nessuna dote.\n');
    let r = dote(['elenco', '--db', `${url}?sslmode=require`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`dote: ${url}?sslmode=require: il server non accetta connessioni cifrate (TLS), richieste da sslmode=require\nsuggerimento: attiva TLS sul server (ssl = on), o usa sslmode=prefer solo su una rete dell'ufficio\n`);
    r = dote(['elenco', '--db', url], { env: { PGSSLMODE: 'require' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('richieste da PGSSLMODE=require');
    expect(psql(url, "SELECT count(*) FROM meta WHERE chiave = 'app'")).toBe('1');
  });
});

describe('addresses dote cannot use', () => {
  it.each([
    ['postgres://:@:/', 'indirizzo del server non valido'],
    ['postgres://mario@127.0.0.1:99999/dote', 'la porta 99999 non esiste (al massimo 65535)'],
    ['postgres://mario@127.0.0.1:0/dote', 'la porta 0 non esiste'],
    ['postgres://mario@127.0.0.1/dote?sslmode=richiesto', 'sslmode "richiesto" non esiste'],
    ['postgres://mario@127.0.0.1/dote?sslmode=verify-ca', "sslmode=verify-ca controlla il certificato del server con quello dell'autorità, che manca"],
    ['postgres://mario@127.0.0.1/dote?sslmode=verify-full&sslrootcert=/non/esiste.pem', 'sslrootcert: il file /non/esiste.pem non esiste'],
    ['postgres://mario@127.0.0.1/dote?connect_timeout=dieci', 'connect_timeout "dieci" non è un numero di secondi'],
  ])('%s', (url, message) => {
    const r = dote(['elenco', '--db', url]);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`dote: ${url.replace('postgres://:@', 'postgres://@')}: ${message}`);
    expect(r.stderr).not.toMatch(/errore interno|at .*\.js/);
  });

  it('dote migra-a says the same of the address it is given, and leaves the file as it was', () => {
    expect(dote(['init', '--db', file]).status).toBe(0);
    const before = readFileSync(file);
    const r = dote(['migra-a', 'postgres://mario@127.0.0.1:99999/dote', '--db', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('dote: postgres://mario@127.0.0.1:99999/dote: la porta 99999 non esiste (al massimo 65535)');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('PGSSLMODE with a value libpq does not know is named as such', () => {
    const r = dote(['elenco', '--db', 'postgres://mario@127.0.0.1/dote'], { env: { PGSSLMODE: 'si' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PGSSLMODE "si" non esiste');
  });

  it('makes libpq\'s meaning explicit for the driver, and leaves an address without TLS settings as it was', () => {
    expect(serverAddress('postgres://mario@srv/dote', {})).toEqual({ connectionString: 'postgres://mario@srv/dote', sslmode: null, sslmodeFrom: 'sslmode' });
    expect(serverAddress('postgres://mario@srv/dote?sslmode=require', {}).connectionString).toBe('postgres://mario@srv/dote?sslmode=require&uselibpqcompat=true');
    expect(serverAddress('postgres://mario@srv/dote?sslmode=allow', {}).connectionString).toBe('postgres://mario@srv/dote?sslmode=prefer&uselibpqcompat=true');
    expect(serverAddress('postgres://mario@srv/dote', { PGSSLMODE: 'disable' })).toMatchObject({ sslmode: 'disable', sslmodeFrom: 'PGSSLMODE' });
    // The address's own sslmode wins over PGSSLMODE, as in libpq.
    expect(serverAddress('postgres://mario@srv/dote?sslmode=disable', { PGSSLMODE: 'require' })).toMatchObject({ sslmode: 'disable', sslmodeFrom: 'sslmode' });
  });
});
