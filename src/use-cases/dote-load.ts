/**
 * Loading doti for the dote commands: the row, its bando and type, its person, its state as time
 * made it (a Job Coach request unanswered for 7 days is CANCELLATA), and the dates the deadline
 * rule reads, through the store's repositories (inside the caller's transaction). Shared by
 * use-cases/doti.ts, use-cases/pip.ts, use-cases/dote-view.ts and use-cases/scadenze.ts.
 */
import type { Catalogues } from '../bandi/load.js';
import type { Bando, TipoDote } from '../bandi/schema.js';
import type { DestinatarioRow, DoteRow } from '../db/repo/lookup.js';
import type { PipVersione } from '../db/dote-repository.js';
import type { Repositories } from '../db/store.js';
import { UsageError, RefusedError } from '../errors.js';
import { formatDateIt } from '../domain/dates.js';
import { statoEffettivo, type Persona, type StatoEffettivo } from '../domain/dote.js';
import type { DoteDates } from '../domain/scadenze.js';
import type { Finding } from '../rules/types.js';

export type { PipVersione };

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

export async function loadDote(r: Repositories, cats: Catalogues, id: string, oggi: string): Promise<LoadedDote> {
  const row = await r.doti.find(id);
  if (!row) throw new RefusedError(`dote sconosciuta: ${id}`, [], 'vedi "dote elenco"');
  return describeDote(r, cats, row, oggi);
}

export async function describeDote(r: Repositories, cats: Catalogues, row: DoteRow, oggi: string): Promise<LoadedDote> {
  const bando = cats.find(row.bando);
  if (!bando) throw new UsageError(`la dote ${row.id} è del bando ${row.bando}, che non è caricato`, 'carica il suo catalogo con --catalogo FILE');
  const tipo = bando.tipi.find((t) => t.codice === row.tipo);
  if (!tipo) throw new UsageError(`la dote ${row.id} ha il tipo ${row.tipo}, che il bando ${bando.id} non prevede`);
  const persona = (await r.destinatari.findById(row.destinatario_id))!;
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

/** The dates the deadline rule reads, with the liquidation request and the deliveries still open. */
export async function doteDates(r: Repositories, d: LoadedDote): Promise<DoteDates> {
  const row = d.row;
  const aperte = await r.doti.openDeliveries(row.id);
  // Only a dote with training still open pays the query that says whether training started.
  const training = new Set(d.bando.servizi.filter((s) => s.formazione).map((s) => s.codice));
  const formazioneAvviata = aperte.some((e) => training.has(e.servizio))
    ? (await r.doti.minutesByState(row.id)).some((m) => training.has(m.servizio) && m.stato === 'EROGATA' && m.minuti > 0)
    : undefined;
  return {
    id: row.id,
    stato: row.stato,
    statoEffettivo: d.stato.stato,
    data_richiesta: row.data_richiesta,
    data_notifica: row.data_notifica,
    data_ammissione: row.data_ammissione,
    data_rifiuto: row.data_rifiuto,
    data_attivazione: row.data_attivazione,
    data_invio_pip: row.data_invio_pip,
    data_validazione_pip: row.data_validazione_pip,
    data_conclusione: row.data_conclusione,
    data_fine: row.data_fine,
    data_liquidazione: await r.doti.liquidazioneDate(row.id),
    erogazioniAperte: aperte,
    formazioneAvviata,
  };
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
    // The warnings too, so that a script sees every finding of the refused operation.
    throw new RefusedError(`${what} rifiutata: ${msg}`, findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })));
  }
  return findings.filter((f) => f.severity === 'warning');
}
