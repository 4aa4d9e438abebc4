/**
 * The server's address as libpq reads it, checked before the `pg` driver sees it: a malformed
 * URL, a port out of range, an `sslmode` libpq does not know or a certificate file that is not
 * there are said in Italian, naming the part, instead of an internal error.
 *
 * TLS follows libpq's meaning of each `sslmode` (the promise: TLS options as libpq spells
 * them), not the `pg` driver's older one, which took `require` and `verify-ca` as `verify-full`
 * (and printed a warning): `require` encrypts without checking the certificate (with
 * `sslrootcert`, as `verify-ca`), `verify-ca` checks it against `sslrootcert`, `verify-full` also
 * checks the host name, `disable` never encrypts. `prefer` and `allow` encrypt when the server
 * can and otherwise connect in the clear (connect() tries again without TLS; `allow`, which in
 * libpq tries the clear connection first, is taken as `prefer`: the same servers are reached).
 * With no `sslmode` in the URL, PGSSLMODE, PGSSLROOTCERT, PGSSLCERT and PGSSLKEY are read as libpq
 * does; with none at all the connection is in the clear, as the driver has always made it.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { displayLocation } from '../location.js';

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

export interface ServerAddress {
  /** What the driver is given: the URL with the libpq TLS settings made explicit. */
  connectionString: string;
  sslmode: SslMode | null;
  /** Where `sslmode` was said, for the messages. */
  sslmodeFrom: 'sslmode' | 'PGSSLMODE';
}

const ENV_PARAMS = [
  ['sslmode', 'PGSSLMODE'],
  ['sslrootcert', 'PGSSLROOTCERT'],
  ['sslcert', 'PGSSLCERT'],
  ['sslkey', 'PGSSLKEY'],
] as const;

/** `url` checked and made explicit (see above); `env` for the PGSSL… variables. */
export function serverAddress(url: string, env: NodeJS.ProcessEnv = process.env): ServerAddress {
  const shown = displayLocation(url);
  const example = 'la forma è postgres://utente@host:porta/database, es. postgres://mario@server.sede.local:5432/dote';
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    const port = /^postgres(?:ql)?:\/\/[^/?#]*:(\d+)(?:[/?#]|$)/i.exec(url.trim())?.[1];
    if (port && Number(port) > 65535) throw new UsageError(`${shown}: la porta ${port} non esiste (al massimo 65535)`, example);
    throw new UsageError(`${shown}: indirizzo del server non valido`, example);
  }
  if (u.port === '0') throw new UsageError(`${shown}: la porta 0 non esiste`, example);
  const sslmodeFrom = u.searchParams.has('sslmode') || !env.PGSSLMODE ? 'sslmode' : 'PGSSLMODE';
  if (!u.searchParams.has('sslmode')) {
    for (const [param, variable] of ENV_PARAMS) {
      const v = env[variable];
      if (v && !u.searchParams.has(param)) u.searchParams.set(param, v);
    }
  }
  const raw = u.searchParams.get('sslmode');
  if (raw !== null && !(SSL_MODES as readonly string[]).includes(raw)) {
    throw new UsageError(`${shown}: ${sslmodeFrom} "${raw}" non esiste`, `i valori di libpq: ${SSL_MODES.join(', ')}`);
  }
  const sslmode = raw as SslMode | null;
  for (const param of ['sslrootcert', 'sslcert', 'sslkey'] as const) {
    const file = u.searchParams.get(param);
    if (!file) continue;
    try {
      accessSync(file, constants.R_OK);
    } catch {
      throw new UsageError(`${shown}: ${param}: il file ${file} ${existsSync(file) ? 'non si può leggere' : 'non esiste'}`, 'indica il percorso del file sul computer da cui si lancia dote');
    }
  }
  if (sslmode === 'verify-ca' && !u.searchParams.get('sslrootcert')) {
    throw new UsageError(`${shown}: sslmode=verify-ca controlla il certificato del server con quello dell'autorità, che manca`, 'aggiungi sslrootcert=/percorso/ca.pem, o usa sslmode=verify-full');
  }
  const timeout = u.searchParams.get('connect_timeout');
  if (timeout !== null && !/^\d+$/.test(timeout)) throw new UsageError(`${shown}: connect_timeout "${timeout}" non è un numero di secondi`, 'es. connect_timeout=10');
  // libpq's meaning of sslmode in the driver; "allow" as "prefer" (above).
  if (sslmode !== null && !u.searchParams.has('uselibpqcompat')) u.searchParams.set('uselibpqcompat', 'true');
  if (sslmode === 'allow') u.searchParams.set('sslmode', 'prefer');
  return { connectionString: u.toString(), sslmode, sslmodeFrom };
}

/** The same address without TLS: the second try of `prefer` and `allow` when the server has none. */
export function withoutTls(address: ServerAddress): ServerAddress {
  const u = new URL(address.connectionString);
  u.searchParams.set('sslmode', 'disable');
  return { ...address, connectionString: u.toString(), sslmode: 'disable' };
}
