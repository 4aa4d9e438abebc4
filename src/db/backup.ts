/**
 * `dote backup FILE` and `dote ripristina FILE`. A backup is made with SQLite's online backup
 * (better-sqlite3 `db.backup()`): it reads the database through its own connection, so the copy
 * is consistent even while other commands write (SQLite starts the copy again when another
 * connection changes the database under it), and it includes what is still in the -wal file.
 * The copy is one self-contained file (rollback journal, no -wal beside it), owner-only.
 *
 * A restore never overwrites without a copy: the current database is first backed up aside under
 * a dated name (the date from --oggi / DOTE_OGGI, then a counter, so two restores on the same day
 * do not collide); the restored file is checked (a dote database, a schema this version can
 * migrate, integrity) and brought to the current schema on a temporary copy, which then takes
 * the database's place. The file given is only read.
 */
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseBusyError, UsageError } from '../errors.js';
import { checkOutputFolder, createOwnerOnly, restrictToOwner, temporaryBeside } from '../files/owner-only.js';
import { removedIfInterrupted } from '../files/temporaries.js';
import { isServerUrl, refuseCopyOfServer } from './location.js';
import { SCHEMA_VERSION, looksLikeSqlite, newSqliteConnection, openDatabase, versionOf, type Db } from './connection.js';


export interface BackupResult {
  database: string;
  file: string;
  bytes: number;
  versione: number;
}

export interface RestoreResult {
  database: string;
  file: string;
  /** The schema version of the file restored, before its migration. */
  versioneFile: number;
  versione: number;
  /** Where the database that was replaced is kept; null when there was none. */
  copiaPrecedente: string | null;
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

function errorText(e: unknown): string {
  return (e as Error).message.replace(/\s+/g, ' ').trim();
}

const withJournal = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

function removeWithJournal(file: string): void {
  for (const f of withJournal(file)) rmSync(f, { force: true });
}

/** `file` and its journal files removed if the command is interrupted before `forget()`. */
function removedWithJournalIfInterrupted(file: string): () => void {
  const forget = withJournal(file).map(removedIfInterrupted);
  return () => {
    for (const f of forget) f();
  };
}

/**
 * Copies the open database `db` into `dest` (already created, owner-only) with SQLite's online
 * backup, then makes the copy self-contained: rollback journal, so no -wal file goes with it.
 */
async function copyInto(db: Db, dest: string): Promise<void> {
  await db.backup(dest);
  const copy = newSqliteConnection(dest);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  restrictToOwner(dest);
}

/** `dote backup FILE [--sovrascrivi]`: a consistent copy of the database at `dest`. */
export async function backupDatabase(dbFile: string, dest: string, opts: { sovrascrivi?: boolean } = {}): Promise<BackupResult> {
  // A server's copies are pg_dump's job; the file's backup does not apply there.
  if (isServerUrl(dbFile)) refuseCopyOfServer(dbFile, 'backup');
  checkOutputFolder(dest, dest);
  if (samePath(dbFile, dest)) throw new UsageError(`${dest}: è il database stesso, non una copia`, 'indica un altro file per la copia di sicurezza');
  if (existsSync(dest) && !opts.sovrascrivi) {
    throw new UsageError(`${dest} esiste già: non lo sovrascrivo`, 'scegli un altro nome, o aggiungi --sovrascrivi per sostituirlo');
  }
  const db = openDatabase(dbFile, { readonly: true });
  const tmp = temporaryBeside(dest, 'backup');
  const forget = removedWithJournalIfInterrupted(tmp);
  try {
    removeWithJournal(tmp);
    createOwnerOnly(tmp);
    await copyInto(db, tmp);
    renameSync(tmp, dest);
  } catch (e) {
    removeWithJournal(tmp);
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${dest}: copia di sicurezza non riuscita (${errorText(e)})`);
  } finally {
    forget();
    db.close();
  }
  return { database: dbFile, file: dest, bytes: statSync(dest).size, versione: SCHEMA_VERSION };
}

/** The schema version of the copy `file` of `shown` (the file the user named), or a refusal naming it. */
function checkRestorable(file: string, shown: string): number {
  const notDote = () => new UsageError(`${shown}: non è un database di dote; non lo ripristino`, 'indica una copia fatta con "dote backup"');
  if (statSync(file).size === 0 || !looksLikeSqlite(file)) throw notDote();
  let db: Db;
  try {
    db = newSqliteConnection(file);
  } catch {
    throw notDote();
  }
  try {
    let v: number | null;
    let integrity: string;
    try {
      v = versionOf(db);
      integrity = String(db.pragma('integrity_check', { simple: true }));
    } catch {
      throw notDote();
    }
    if (v === null) throw notDote();
    if (v > SCHEMA_VERSION) {
      throw new UsageError(`${shown}: il database ha lo schema versione ${v}, più recente di questo programma (${SCHEMA_VERSION})`, 'aggiorna dote, poi ripristinalo');
    }
    if (integrity !== 'ok') throw new UsageError(`${shown}: il file è danneggiato (il controllo di integrità di SQLite non è superato); non lo ripristino`, 'usa un\'altra copia di sicurezza');
    return v;
  } finally {
    db.close();
  }
}

/** `dote.db` → `dote-prima-del-ripristino-2022-06-28-1.db`, the first counter not taken; the file is created (owner-only). */
function claimAsideName(dbFile: string, oggi: string): string {
  const ext = path.extname(dbFile);
  const base = dbFile.slice(0, dbFile.length - ext.length);
  for (let n = 1; ; n++) {
    const name = `${base}-prima-del-ripristino-${oggi}-${n}${ext}`;
    if (createOwnerOnly(name)) return name;
  }
}

/** Copies the current database aside (it may be of an older schema: it is migrated as by any command). */
async function setAside(dbFile: string, oggi: string): Promise<string> {
  const db = openDatabase(dbFile, { readonly: true });
  let aside: string | undefined;
  let forget = () => {};
  try {
    aside = claimAsideName(dbFile, oggi);
    // Until the copy is whole, a name that looks like a good copy must not outlive an interruption.
    forget = removedWithJournalIfInterrupted(aside);
    await copyInto(db, aside);
  } catch (e) {
    if (aside) removeWithJournal(aside);
    db.close();
    throw new UsageError(`${dbFile}: copia del database attuale non riuscita, nessun ripristino (${errorText(e)})`);
  } finally {
    forget();
  }
  db.close();
  // The last connection to close removes the -wal file; if it is still there, another process
  // has the database open, and replacing the file under it would lose its work.
  if (existsSync(`${dbFile}-wal`)) {
    removeWithJournal(aside);
    throw new DatabaseBusyError('ripristino non eseguito');
  }
  return aside;
}

/** `dote ripristina FILE`: `src` becomes the database at `dbFile`, the current one kept aside. */
export async function restoreDatabase(dbFile: string, src: string, oggi: string): Promise<RestoreResult> {
  // A server's copies are pg_restore's job; the file's restore does not apply there.
  if (isServerUrl(dbFile)) refuseCopyOfServer(dbFile, 'ripristina');
  if (!existsSync(src)) throw new UsageError(`${src}: il file non esiste`);
  if (!statSync(src).isFile()) throw new UsageError(`${src}: non è un file`);
  if (samePath(src, dbFile)) throw new UsageError(`${src}: è il database in uso, non una copia da ripristinare`);
  const wal = `${src}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new UsageError(`${src}: accanto c'è ${path.basename(wal)}, con modifiche non ancora nel file: copiarlo da solo le perderebbe`, 'fai la copia con "dote backup FILE --db ' + src + '"');
  }
  checkOutputFolder(dbFile, `--db ${dbFile}`);
  const tmp = temporaryBeside(dbFile, 'ripristino');
  removeWithJournal(tmp);
  const forget = removedWithJournalIfInterrupted(tmp);
  try {
    createOwnerOnly(tmp);
    copyFileSync(src, tmp);
    restrictToOwner(tmp);
    const versioneFile = checkRestorable(tmp, src);
    try {
      openDatabase(tmp).close(); // brings it to the current schema, all or nothing
    } catch (e) {
      throw new UsageError(`${src}: aggiornamento allo schema attuale non riuscito, nessun ripristino (${errorText(e)})`);
    }
    const copiaPrecedente = existsSync(dbFile) ? await setAside(dbFile, oggi) : null;
    rmSync(`${dbFile}-shm`, { force: true }); // the replaced file's, if its last connection left it
    renameSync(tmp, dbFile);
    return { database: dbFile, file: src, versioneFile, versione: SCHEMA_VERSION, copiaPrecedente };
  } finally {
    removeWithJournal(tmp);
    forget();
  }
}
