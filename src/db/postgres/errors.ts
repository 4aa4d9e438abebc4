/**
 * The server's failures in the user's words, and the key of the one write lock: without the `pg`
 * driver, so that the modules that only map errors (the store, the synchronous client) load
 * nothing of it on the main thread.
 */
import { DatabaseBusyError, UsageError } from '../../errors.js';
import { displayLocation } from '../location.js';

/** The advisory lock a migration takes, so that two inits at once do it once: "dote" in ASCII. */
export const WRITE_LOCK_KEY = 0x646f7465;

/** SQLSTATEs the user can do something about, in Italian (anything else stays an error of ours). */
export function fromPgError(e: unknown, url: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return e;
  const where = displayLocation(url);
  const u = safeUrl(url);
  const server = u ? `${u.hostname || 'localhost'}:${u.port || '5432'}` : where;
  switch (code) {
    case 'ECONNREFUSED':
      return new UsageError(`${where}: impossibile collegarsi al server PostgreSQL ${server} (connessione rifiutata)`, 'controlla che il server sia avviato e che host e porta siano giusti');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UsageError(`${where}: il server ${u?.hostname ?? ''} non è stato trovato`, "controlla il nome dell'host nell'indirizzo");
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new UsageError(`${where}: il server PostgreSQL ${server} non risponde`, 'controlla la rete e riprova: nulla è stato cambiato');
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_SIGNATURE_FAILURE':
      return new UsageError(`${where}: il certificato TLS del server non è firmato da un'autorità riconosciuta`, "indica il certificato dell'autorità con sslrootcert=/percorso/ca.pem nell'indirizzo");
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return new UsageError(`${where}: il certificato TLS del server è scaduto o non ancora valido`, "l'amministratore del server deve rinnovarlo; controlla anche la data di questo computer");
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new UsageError(`${where}: il certificato TLS del server non è intestato a ${u?.hostname ?? 'questo nome'}`, 'usa nell’indirizzo il nome scritto nel certificato, o sslmode=verify-ca per non controllare il nome');
    case '28P01':
    case '28000':
      return new UsageError(`${where}: accesso negato dal server (utente o password non validi)`, 'la password si dà con PGPASSWORD o in ~/.pgpass, mai nell’indirizzo');
    case '3D000':
      return new UsageError(`${where}: il database non esiste sul server`, 'crealo prima (createdb), poi esegui dote init');
    case '42501':
      return new UsageError(`${where}: l'utente non ha i permessi per questa operazione sul database`, 'chiedi all’amministratore del server i permessi sulle tabelle di dote');
    case '53300':
      return new UsageError(`${where}: il server ha troppe connessioni aperte`, 'riprova fra poco');
    case '55P03':
    case '40001':
    case '40P01':
      return new DatabaseBusyError();
    case '57P01':
    case '57P02':
    case '57P03':
      return new UsageError(`${where}: il server PostgreSQL si sta fermando o avviando`, 'riprova fra poco: nulla è stato cambiato');
    case '53100':
      return new UsageError(`${where}: il server PostgreSQL ha il disco pieno`, 'libera spazio sul server e riprova: nulla è stato cambiato');
    default:
      if (code.startsWith('08')) return new UsageError(`${where}: connessione al server PostgreSQL interrotta`, 'riprova: nulla è stato cambiato');
      return e;
  }
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
