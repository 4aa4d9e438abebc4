/**
 * Loading doti for the dote commands: the row, its bando and type, its person, its state as time
 * made it (a Job Coach request unanswered for 7 days is CANCELLATA), its PIP versions, and the
 * dates the deadline rule reads. Shared by app/doti.ts, app/pip.ts, app/dote-view.ts and
 * app/scadenze.ts.
 */
import { OPEN_STATES_SQL } from '../db/states.js';
import type { Db } from '../db/connection.js';
import type { Catalogues } from '../bandi/load.js';
import type { Bando, TipoDote } from '../bandi/schema.js';
import { findDote, type DestinatarioRow, type DoteRow } from '../db/repo/lookup.js';
import { UsageError, RefusedError } from '../errors.js';
import { formatDateIt } from '../domain/dates.js';
import { statoEffettivo, type Persona, type StatoEffettivo } from '../domain/dote.js';
import type { DoteDates, ErogazioneAperta } from '../domain/scadenze.js';
import type { VocePip } from '../domain/pip.js';
import type { Finding } from '../rules/types.js';

/** What the commands receive from the context. */
export interface DoteCtx {
  oggi: string;
  operatore: string;
  catalogFiles: readonly string[];
}

export interface LoadedDote {
  row: DoteRow;
  bando: Bando;
  tipo: TipoDote;
  persona: DestinatarioRow;
  stato: StatoEffettivo;
}

export function loadDote(db: Db, cats: Catalogues, id: string, oggi: string): LoadedDote {
  const row = findDote(db, id);
  if (!row) throw new RefusedError(`dote sconosciuta: ${id}`, [], 'vedi "dote elenco"');
  return describeDote(db, cats, row, oggi);
}

export function describeDote(db: Db, cats: Catalogues, row: DoteRow, oggi: string): LoadedDote {
  const bando = cats.find(row.bando);
  if (!bando) throw new UsageError(`la dote ${row.id} è del bando ${row.bando}, che non è caricato`, 'carica il suo catalogo con --catalogo FILE');
  const tipo = bando.tipi.find((t) => t.codice === row.tipo);
  if (!tipo) throw new UsageError(`la dote ${row.id} ha il tipo ${row.tipo}, che il bando ${bando.id} non prevede`);
  const persona = db.prepare('SELECT * FROM destinatario WHERE id = ?').get(row.destinatario_id) as DestinatarioRow;
  return { row, bando, tipo, persona, stato: statoEffettivo(bando, row, oggi) };
}

export function personaOf(r: DestinatarioRow): Persona {
  return {
    cf: r.cf,
    dataNascita: r.data_nascita,
    disabilita: r.disabilita,
    l68: r.l68 === 1,
    did: r.did === 1,
    occupato: r.occupato === 1,
    ammortizzatoriCovid: r.ammortizzatori_covid === 1,
    nuovoIscritto: r.nuovo_iscritto === 1,
  };
}

export function liquidazioneDate(db: Db, doteId: string): string | null {
  const r = db.prepare('SELECT data FROM liquidazione WHERE dote_id = ?').get(doteId) as { data: string } | undefined;
  return r?.data ?? null;
}

export function doteDates(db: Db, d: LoadedDote): DoteDates {
  const r = d.row;
  return {
    id: r.id,
    stato: r.stato,
    statoEffettivo: d.stato.stato,
    data_richiesta: r.data_richiesta,
    data_notifica: r.data_notifica,
    data_ammissione: r.data_ammissione,
    data_rifiuto: r.data_rifiuto,
    data_attivazione: r.data_attivazione,
    data_invio_pip: r.data_invio_pip,
    data_validazione_pip: r.data_validazione_pip,
    data_conclusione: r.data_conclusione,
    data_fine: r.data_fine,
    data_liquidazione: liquidazioneDate(db, r.id),
    erogazioniAperte: erogazioniAperte(db, r.id),
  };
}

/** A dote's deliveries still open (INSERITA, PROGRAMMATA, AVVIATA), by date: each has a deadline to be concluded. */
export function erogazioniAperte(db: Db, doteId: string): ErogazioneAperta[] {
  return db
    .prepare(`SELECT id, data, servizio, stato FROM erogazione WHERE dote_id = ? AND stato IN (${OPEN_STATES_SQL}) ORDER BY data, inizio, id`)
    .all(doteId) as ErogazioneAperta[];
}

export interface PipVersione {
  id: number;
  versione: number;
  data: string;
  motivo: string | null;
  creata_il: string;
  voci: VocePip[];
}

export function pipVersions(db: Db, doteId: string): PipVersione[] {
  const versions = db.prepare('SELECT id, versione, data, motivo, creata_il FROM pip_versione WHERE dote_id = ? ORDER BY versione').all(doteId) as Omit<PipVersione, 'voci'>[];
  const voci = db.prepare('SELECT servizio, minuti_individuali AS minutiIndividuali, minuti_collettivi AS minutiCollettivi FROM pip_voce WHERE pip_versione_id = ? ORDER BY servizio');
  return versions.map((v) => ({ ...v, voci: voci.all(v.id) as VocePip[] }));
}

/**
 * The date of a step (`--data`, already read by the command's schema: ISO) or today. A date
 * after today is refused: the tool records what happened, and `--oggi` moves today for what-if
 * runs.
 */
export function actionDate(iso: string | undefined, oggi: string, option = '--data'): string {
  if (iso === undefined) return oggi;
  if (iso > oggi) throw new UsageError(`${option}: ${formatDateIt(iso)} è nel futuro (oggi è ${formatDateIt(oggi)})`, 'per una simulazione usa --oggi');
  return iso;
}

/** Splits findings: errors refuse the operation (exit 1, nothing changed), warnings are returned. */
export function refuseOnErrors(findings: readonly Finding[], what: string): Finding[] {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    const msg = errors.map((f) => `${f.rule}: ${f.message}`).join('; ');
    throw new RefusedError(`${what} rifiutata: ${msg}`, errors.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })));
  }
  return findings.filter((f) => f.severity === 'warning');
}

/** Opens the database for one command and closes it afterwards. */
export async function withDatabase<T>(dbPath: string, fn: (db: Db) => T | Promise<T>): Promise<T> {
  const { openDatabase } = await import('../db/connection.js');
  const db = openDatabase(dbPath);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
