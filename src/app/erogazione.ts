/**
 * `dote erogazione …`: deliveries of a dote, their state machine (Job Coach manual 3.1-3.2,
 * domain.md 1.2) and the checks at entry. Every change is one transaction with its audit trail;
 * a refused operation changes nothing.
 *
 * At entry (aggiungi, modifica) and at programma, avvia and concludi the delivery runs through the
 * same rule modules as the CSV checker (`checkCandidate`), over:
 * - the person's other live deliveries in the same ISO week, in all their doti (daily and weekly
 *   hours, weekly hours of a service);
 * - the professional's live deliveries of that day (overlaps);
 * - for the service's caps, the dote's deliveries of that service already PROGRAMMATA, AVVIATA or
 *   EROGATA: INSERITA deliveries are drafts (manual 3.1: several may be entered, the alert comes
 *   when one is programmed).
 * Errors refuse the operation; warnings are printed and stored in erogazione_avviso.
 */
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/connection.js';
import { COUNTED_STATES_SQL, FREED_STATES_SQL } from '../db/states.js';
import { loadCatalogues, type Catalogues } from '../bandi/load.js';
import type { Modalita } from '../bandi/schema.js';
import { findDote, findProfessionista, findSede, type DoteRow, type ProfessionistaRow, type SedeRow } from '../db/repo/lookup.js';
import { doteInfoLookup } from '../db/dote-info.js';
import { recordHistory } from '../db/storia.js';
import { RefusedError, UsageError } from '../errors.js';
import { importConflict } from '../rules/import-conflict.js';
import { dayNumber, formatDateIt, formatTime, isoFromDay, isoWeekStart } from '../domain/dates.js';
import type { StatoErogazione } from '../domain/dote-stati.js';
import {
  attivitaDopoAvvio,
  azioniConsentite,
  statoDopo,
  type AzioneErogazione,
  type StatoAttivita,
} from '../domain/erogazione-state.js';
import { checkCandidate } from '../rules/engine.js';
import { DELIVERY_RULES } from '../rules/index.js';
import type { DeliveryRow, DoteInfo, Finding } from '../rules/types.js';

export interface ErogazioneCtx {
  oggi: string;
  operatore: string;
  catalogFiles: readonly string[];
}

/**
 * The fields `modifica` may change, as the command's schema reads them: `servizio` upper case,
 * `data` ISO, `inizio`/`fine` minutes since midnight, `sede` null for none. Absent: unchanged.
 */
export interface ErogazioneInput {
  servizio?: string;
  data?: string;
  inizio?: number;
  fine?: number;
  professionista?: string;
  sede?: string | null;
  modalita?: Modalita;
  collettiva?: boolean;
  descrizione?: string;
}

/** A new delivery (`aggiungi`): the same fields, the first five required. */
export type NuovaErogazione = ErogazioneInput & Required<Pick<ErogazioneInput, 'servizio' | 'data' | 'inizio' | 'fine' | 'professionista'>>;

export interface ErogazioneRow {
  id: number;
  dote_id: string;
  servizio: string;
  data: string;
  inizio: number;
  fine: number;
  professionista_id: number;
  sede_id: number | null;
  modalita: Modalita;
  collettiva: number;
  sessione: string | null;
  descrizione: string | null;
  stato: StatoErogazione;
  registrata_il: string;
  origine: string;
  file_id: number | null;
  riga: number | null;
  liquidazione_id: number | null;
  creata_il: string;
  aggiornata_il: string;
}

/** A delivery with its professional, sede and person, as the rules and the views need it. */
interface ErogazioneFull extends ErogazioneRow {
  prof_codice: string;
  prof_nome: string;
  sede_nome: string | null;
  cf: string;
}

/** The public record (`--json`, the audit trail): times as HH:MM, durations in minutes. */
export interface ErogazioneView {
  id: number;
  dote: string;
  servizio: string;
  data: string;
  inizio: string;
  fine: string;
  durataMinuti: number;
  professionista: string;
  professionistaNome: string;
  sede: string | null;
  modalita: Modalita;
  collettiva: boolean;
  sessione: string | null;
  descrizione: string | null;
  stato: StatoErogazione;
  registrataIl: string;
  origine: string;
  liquidazioneId: number | null;
  azioni: AzioneErogazione[];
  avvisi: { regola: string; messaggio: string }[];
}

export interface Esito {
  erogazione: ErogazioneView;
  /** Warnings found by this operation (already stored). */
  avvisi: Finding[];
  /** The state before a transition. */
  statoPrecedente?: StatoErogazione;
}

const FULL_SELECT = `
  SELECT e.*, p.codice AS prof_codice, p.nome AS prof_nome, s.nome AS sede_nome, dest.cf AS cf
  FROM erogazione e
  JOIN professionista p ON p.id = e.professionista_id
  LEFT JOIN sede s ON s.id = e.sede_id
  JOIN dote d ON d.id = e.dote_id
  JOIN destinatario dest ON dest.id = d.destinatario_id`;

const LIVE = `e.stato NOT IN (${FREED_STATES_SQL})`;

// ---------------------------------------------------------------------------------------------
// Resolving names (the options themselves are read by the command's schema)

function professionistaOpt(db: Db, v: string): ProfessionistaRow {
  const p = findProfessionista(db, v);
  if (!p) throw new RefusedError(`professionista sconosciuto: "${v}"`, [], 'registralo con "dote professionista aggiungi" o vedi "dote professionista elenco"');
  return p;
}

function sedeOpt(db: Db, v: string): SedeRow {
  const s = findSede(db, v);
  if (!s) throw new RefusedError(`sede sconosciuta: "${v}"`, [], 'registrala con "dote sede aggiungi" o vedi "dote sede elenco"');
  return s;
}

import { sessionKey } from '../domain/sessione.js';

export { sessionKey };

// ---------------------------------------------------------------------------------------------
// Loading

function loadDoteRow(db: Db, id: string): DoteRow {
  const d = findDote(db, id);
  if (!d) throw new RefusedError(`dote sconosciuta: ${id}`, [], 'vedi "dote elenco"');
  return d;
}

function loadFull(db: Db, eid: number): ErogazioneFull {
  const e = db.prepare(`${FULL_SELECT} WHERE e.id = ?`).get(eid) as ErogazioneFull | undefined;
  if (!e) throw new RefusedError(`erogazione sconosciuta: ${eid}`, [], 'vedi "dote erogazione elenco ID_DOTE"');
  return e;
}

function avvisiOf(db: Db, eid: number): { regola: string; messaggio: string }[] {
  return db.prepare('SELECT regola, messaggio FROM erogazione_avviso WHERE erogazione_id = ? ORDER BY id').all(eid) as { regola: string; messaggio: string }[];
}

function toView(db: Db, e: ErogazioneFull): ErogazioneView {
  return {
    id: e.id,
    dote: e.dote_id,
    servizio: e.servizio,
    data: e.data,
    inizio: formatTime(e.inizio),
    fine: formatTime(e.fine),
    durataMinuti: e.fine - e.inizio,
    professionista: e.prof_codice,
    professionistaNome: e.prof_nome,
    sede: e.sede_nome,
    modalita: e.modalita,
    collettiva: e.collettiva === 1,
    sessione: e.sessione,
    descrizione: e.descrizione,
    stato: e.stato,
    registrataIl: e.registrata_il,
    origine: e.origine,
    liquidazioneId: e.liquidazione_id,
    azioni: e.liquidazione_id === null ? azioniConsentite(e.stato) : [],
    avvisi: avvisiOf(db, e.id),
  };
}

/** What the audit trail keeps of a delivery: the fields a person can change, plus the state. */
function snapshot(e: ErogazioneFull): Record<string, unknown> {
  return {
    servizio: e.servizio,
    data: e.data,
    inizio: formatTime(e.inizio),
    fine: formatTime(e.fine),
    professionista: e.prof_codice,
    sede: e.sede_nome,
    modalita: e.modalita,
    collettiva: e.collettiva === 1,
    sessione: e.sessione,
    descrizione: e.descrizione,
    stato: e.stato,
    registrata_il: e.registrata_il,
  };
}

function toDeliveryRow(e: ErogazioneFull, registrataIl = e.registrata_il, stato: StatoErogazione = e.stato): DeliveryRow {
  return {
    kind: 'erogazione',
    file: '',
    line: 0,
    erogazioneId: e.id > 0 ? e.id : undefined,
    doteId: e.dote_id,
    servizio: e.servizio,
    data: e.data,
    day: dayNumber(e.data),
    inizio: e.inizio,
    fine: e.fine,
    minuti: e.fine - e.inizio,
    professionista: e.prof_codice,
    cf: e.cf || null,
    modalita: e.modalita,
    collettiva: e.collettiva === 1,
    sede: e.sede_nome,
    registrataIl,
    stato,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks

/**
 * import/conflict, the same check as for an imported row: the dote must be active (unless
 * `doteState: false`), not in a liquidation request, and the service's activity not TERMINATA.
 */
function requireNoConflict(db: Db, d: DoteRow, servizio: string, opts: { doteState?: boolean; activity?: boolean } = {}): void {
  const attivita = db.prepare('SELECT stato FROM attivita WHERE dote_id = ? AND servizio = ?').get(d.id, servizio) as { stato: StatoAttivita } | undefined;
  const inLiquidazione = Boolean(db.prepare('SELECT 1 FROM liquidazione WHERE dote_id = ?').get(d.id));
  const c = importConflict.check({ doteId: d.id, stato: d.stato, inLiquidazione, servizio, attivita: attivita?.stato }, opts);
  if (c) throw new RefusedError(c.message, [{ rule: importConflict.id, severity: 'error', message: c.message }]);
}

/** A person takes part in a group session once: a second delivery of the same dote in it is a copy. */
function requireNotInSession(db: Db, cand: ErogazioneFull): void {
  if (!cand.sessione) return;
  const other = db
    .prepare(`SELECT id FROM erogazione e WHERE e.dote_id = ? AND e.sessione = ? AND ${LIVE} AND e.id <> ?`)
    .get(cand.dote_id, cand.sessione, cand.id) as { id: number } | undefined;
  if (other) {
    throw new RefusedError(`la dote ${cand.dote_id} partecipa già a questa sessione di gruppo con l'erogazione ${other.id}`);
  }
}

interface RuleContext {
  cats: Catalogues;
  doteOf: (id: string) => DoteInfo | undefined;
  patrono: (sede: string | null) => string | null;
}

function ruleContext(db: Db, cats: Catalogues): RuleContext {
  const doteOf = doteInfoLookup(db, cats);
  const patroni = new Map<string, string | null>();
  return {
    cats,
    doteOf,
    patrono(sede) {
      if (!sede) return null;
      if (!patroni.has(sede)) patroni.set(sede, findSede(db, sede)?.patrono ?? null);
      return patroni.get(sede)!;
    },
  };
}

const CAP_RULE = 'hours/service-cap';

/**
 * Runs the delivery rules on a candidate (a new delivery has id 0). Returns the findings about
 * the candidate: errors and warnings.
 */
function runRules(db: Db, rc: RuleContext, ctx: ErogazioneCtx, cand: ErogazioneFull, stato: StatoErogazione = cand.stato): Finding[] {
  const day = dayNumber(cand.data);
  const monday = isoWeekStart(day);
  const person = db.prepare('SELECT destinatario_id FROM dote WHERE id = ?').get(cand.dote_id) as { destinatario_id: number };
  const byId = new Map<number, ErogazioneFull>();
  const weekRows = db
    .prepare(`${FULL_SELECT} WHERE d.destinatario_id = ? AND e.data BETWEEN ? AND ? AND ${LIVE} AND e.id <> ?`)
    .all(person.destinatario_id, isoFromDay(monday), isoFromDay(monday + 6), cand.id) as ErogazioneFull[];
  for (const r of weekRows) byId.set(r.id, r);
  const profRows = db
    .prepare(`${FULL_SELECT} WHERE e.professionista_id = ? AND e.data = ? AND ${LIVE} AND e.id <> ?`)
    .all(cand.professionista_id, cand.data, cand.id) as ErogazioneFull[];
  for (const r of profRows) byId.set(r.id, r);
  const opts = {
    oggi: ctx.oggi,
    bandoOf: (r: DeliveryRow) => rc.doteOf(r.doteId)?.bando,
    dote: rc.doteOf,
    hasDatabase: true,
    patronoOf: (sede: string | null) => rc.patrono(sede),
  };
  const candidate = toDeliveryRow(cand, ctx.oggi, stato);
  const others = [...byId.values()].map((r) => toDeliveryRow(r));
  const found = checkCandidate(opts, others, candidate, DELIVERY_RULES.filter((r) => r.id !== CAP_RULE));
  const capRule = DELIVERY_RULES.find((r) => r.id === CAP_RULE);
  if (capRule) {
    const committed = db
      .prepare(`${FULL_SELECT} WHERE e.dote_id = ? AND e.servizio = ? AND e.stato IN (${COUNTED_STATES_SQL}) AND e.id <> ?`)
      .all(cand.dote_id, cand.servizio, cand.id) as ErogazioneFull[];
    found.push(...checkCandidate(opts, committed.map((r) => toDeliveryRow(r)), candidate, [capRule]));
  }
  return found;
}

/** Errors refuse the operation (RefusedError names them, and lists every finding with its rule id); warnings return. */
function refuseOnErrors(findings: readonly Finding[], what: string): Finding[] {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    throw new RefusedError(
      `${what} rifiutata: ${errors.map((f) => `${f.rule}: ${f.message}`).join('; ')}`,
      // The warnings too, so that a script sees every finding of the refused operation.
      findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
    );
  }
  return findings.filter((f) => f.severity === 'warning');
}

function storeWarnings(db: Db, eid: number, warnings: readonly Finding[]): void {
  const exists = db.prepare('SELECT 1 FROM erogazione_avviso WHERE erogazione_id = ? AND regola = ? AND messaggio = ?');
  const ins = db.prepare('INSERT INTO erogazione_avviso (erogazione_id, regola, messaggio, creato_il) VALUES (?, ?, ?, ?)');
  const now = new Date().toISOString();
  for (const w of warnings) {
    if (!exists.get(eid, w.rule, w.message)) ins.run(eid, w.rule, w.message, now);
  }
}

// ---------------------------------------------------------------------------------------------
// Commands

interface Resolved {
  servizio: string;
  data: string;
  inizio: number;
  fine: number;
  prof: ProfessionistaRow;
  sede: SedeRow | null;
  modalita: Modalita;
  collettiva: boolean;
  descrizione: string | null;
}

function resolveNew(db: Db, input: NuovaErogazione): Resolved {
  const descr = input.descrizione?.trim();
  return {
    servizio: input.servizio,
    data: input.data,
    inizio: input.inizio,
    fine: input.fine,
    prof: professionistaOpt(db, input.professionista),
    sede: input.sede ? sedeOpt(db, input.sede) : null,
    modalita: input.modalita ?? 'presenza',
    collettiva: input.collettiva === true,
    descrizione: descr ? descr : null,
  };
}

function candidateOf(id: number, doteId: string, r: Resolved, cf: string, registrataIl: string, stato: StatoErogazione): ErogazioneFull {
  const now = new Date().toISOString();
  return {
    id,
    dote_id: doteId,
    servizio: r.servizio,
    data: r.data,
    inizio: r.inizio,
    fine: r.fine,
    professionista_id: r.prof.id,
    sede_id: r.sede?.id ?? null,
    modalita: r.modalita,
    collettiva: r.collettiva ? 1 : 0,
    sessione: r.collettiva ? sessionKey(r.data, r.inizio, r.fine, r.servizio, r.prof.codice) : null,
    descrizione: r.descrizione,
    stato,
    registrata_il: registrataIl,
    origine: 'manuale',
    file_id: null,
    riga: null,
    liquidazione_id: null,
    creata_il: now,
    aggiornata_il: now,
    prof_codice: r.prof.codice,
    prof_nome: r.prof.nome,
    sede_nome: r.sede?.nome ?? null,
    cf,
  };
}

/** The columns `aggiungi` writes and `modifica` may change, as statement parameters. */
function editableColumns(c: ErogazioneFull) {
  return {
    servizio: c.servizio,
    data: c.data,
    inizio: c.inizio,
    fine: c.fine,
    professionista_id: c.professionista_id,
    sede_id: c.sede_id,
    modalita: c.modalita,
    collettiva: c.collettiva,
    sessione: c.sessione,
    descrizione: c.descrizione,
    registrata_il: c.registrata_il,
  };
}

function cfOf(db: Db, d: DoteRow): string {
  return (db.prepare('SELECT cf FROM destinatario WHERE id = ?').get(d.destinatario_id) as { cf: string } | undefined)?.cf ?? '';
}

/**
 * `dote erogazione aggiungi ID… --servizio … --data … --inizio … --fine … --professionista …`:
 * one delivery per dote, state INSERITA, registered today (--oggi). Several doti at once only for
 * a group session (--collettiva): each gets its own delivery with the same session key.
 */
export function aggiungiErogazione(db: Db, ctx: ErogazioneCtx, doteIds: readonly string[], input: NuovaErogazione): Esito[] {
  const cats = loadCatalogues(ctx.catalogFiles);
  if (doteIds.length === 0) throw new UsageError('indica la dote');
  const ids = doteIds.map((x) => x.trim());
  const dup = ids.find((x, i) => ids.indexOf(x) !== i);
  if (dup) throw new UsageError(`la dote ${dup} è indicata due volte`);
  if (ids.length > 1 && input.collettiva !== true) {
    throw new UsageError("più doti in una volta solo per un'erogazione collettiva: aggiungi --collettiva");
  }
  const r = resolveNew(db, input);
  const doti = ids.map((id) => loadDoteRow(db, id));
  return inTransaction(db, () => {
    const rc = ruleContext(db, cats);
    const results: Esito[] = [];
    for (const d of doti) {
      requireNoConflict(db, d, r.servizio);
      const cand = candidateOf(0, d.id, r, cfOf(db, d), ctx.oggi, 'INSERITA');
      requireNotInSession(db, cand);
      const what = ids.length > 1 ? `erogazione per la dote ${d.id}` : 'erogazione';
      const warnings = refuseOnErrors(runRules(db, rc, ctx, cand), what);
      const info = db
        .prepare(
          `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, sede_id, modalita, collettiva, sessione,
             descrizione, stato, registrata_il, origine, creata_il, aggiornata_il)
           VALUES (@dote_id, @servizio, @data, @inizio, @fine, @professionista_id, @sede_id, @modalita, @collettiva, @sessione,
             @descrizione, @stato, @registrata_il, @origine, @creata_il, @aggiornata_il)`,
        )
        .run({
          dote_id: cand.dote_id,
          ...editableColumns(cand),
          stato: cand.stato,
          origine: cand.origine,
          creata_il: cand.creata_il,
          aggiornata_il: cand.aggiornata_il,
        });
      const eid = Number(info.lastInsertRowid);
      storeWarnings(db, eid, warnings);
      const saved = loadFull(db, eid);
      recordHistory(db, { doteId: d.id, entita: 'erogazione', entitaId: eid, azione: 'aggiungi', operatore: ctx.operatore, dopo: snapshot(saved) });
      results.push({ erogazione: toView(db, saved), avvisi: warnings.map((w) => ({ ...w, erogazioneId: eid })) });
    }
    return results;
  });
}

/** `dote erogazione modifica EID [options]`: any field, while INSERITA (manual 3.1). */
export function modificaErogazione(db: Db, ctx: ErogazioneCtx, eid: number, input: ErogazioneInput): Esito {
  const cats = loadCatalogues(ctx.catalogFiles);
  const given = Object.entries(input).filter(([, v]) => v !== undefined);
  if (!given.length) throw new UsageError('indica almeno un campo da modificare (es. --data, --inizio, --fine, --professionista)');
  return inTransaction(db, () => {
    const old = loadFull(db, eid);
    const d = loadDoteRow(db, old.dote_id);
    // The lock first, then the state machine, then the dote and the activity (as before the merge
    // of the two locks: "è nello stato ANNULLATA" is what a user must hear for a final delivery).
    requireNoConflict(db, d, old.servizio, { doteState: false, activity: false });
    statoDopo(old.stato, 'modifica', `L'erogazione ${eid}`);
    requireNoConflict(db, d, old.servizio);
    const descr = input.descrizione?.trim();
    const r: Resolved = {
      servizio: input.servizio ?? old.servizio,
      data: input.data ?? old.data,
      inizio: input.inizio ?? old.inizio,
      fine: input.fine ?? old.fine,
      prof: input.professionista !== undefined ? professionistaOpt(db, input.professionista) : professionistaOpt(db, old.prof_codice),
      sede:
        input.sede !== undefined
          ? input.sede === null
            ? null
            : sedeOpt(db, input.sede)
          : old.sede_nome !== null
            ? sedeOpt(db, old.sede_nome)
            : null,
      modalita: input.modalita ?? old.modalita,
      collettiva: input.collettiva !== undefined ? input.collettiva : old.collettiva === 1,
      descrizione: input.descrizione !== undefined ? (descr ? descr : null) : old.descrizione,
    };
    if (r.servizio !== old.servizio) requireNoConflict(db, d, r.servizio);
    const cand = candidateOf(eid, d.id, r, old.cf, ctx.oggi, old.stato);
    requireNotInSession(db, cand);
    const warnings = refuseOnErrors(runRules(db, ruleContext(db, cats), ctx, cand), `modifica dell'erogazione ${eid}`);
    db.prepare(
      `UPDATE erogazione SET servizio = @servizio, data = @data, inizio = @inizio, fine = @fine, professionista_id = @professionista_id,
         sede_id = @sede_id, modalita = @modalita, collettiva = @collettiva, sessione = @sessione, descrizione = @descrizione,
         registrata_il = @registrata_il, aggiornata_il = @aggiornata_il
       WHERE id = @id`,
    ).run({
      id: eid,
      ...editableColumns(cand),
      aggiornata_il: new Date().toISOString(),
    });
    storeWarnings(db, eid, warnings);
    const saved = loadFull(db, eid);
    recordHistory(db, { doteId: d.id, entita: 'erogazione', entitaId: eid, azione: 'modifica', operatore: ctx.operatore, prima: snapshot(old), dopo: snapshot(saved) });
    return { erogazione: toView(db, saved), avvisi: warnings.map((w) => ({ ...w, erogazioneId: eid })) };
  });
}

export type AzioneStato = Exclude<AzioneErogazione, 'modifica'>;

/**
 * `dote erogazione programma|avvia|concludi|annulla|chiudi-negativamente EID`. Programming,
 * starting and concluding run the rules again, as of today (--oggi): Job Coach manual 3.2 allows
 * them late "comunque entro e non oltre 7 giorni". Annulling and closing negatively only free the
 * slot, so no rule can refuse them. Starting the first delivery of a Job Coach activity makes the
 * activity INIZIATA.
 */
export function transizioneErogazione(db: Db, ctx: ErogazioneCtx, eid: number, azione: AzioneStato): Esito {
  const cats = loadCatalogues(ctx.catalogFiles);
  return inTransaction(db, () => {
    const e = loadFull(db, eid);
    const d = loadDoteRow(db, e.dote_id);
    // Programming and starting record hours on the dote: it must be active. Concluding a started
    // delivery, annulling a draft or closing negatively only need the lock to be open.
    requireNoConflict(db, d, e.servizio, { doteState: false });
    const next = statoDopo(e.stato, azione, `L'erogazione ${eid}`);
    if (azione === 'programma' || azione === 'avvia') requireNoConflict(db, d, e.servizio);
    // A delivery starts on its day, not before: starting or concluding it earlier would record as
    // delivered hours that have not happened yet (and let its activity be concluded on them).
    if ((azione === 'avvia' || azione === 'concludi') && e.data > ctx.oggi) {
      throw new RefusedError(
        `l'erogazione ${eid} è del ${formatDateIt(e.data)}: non si può ${azione === 'avvia' ? 'avviare' : 'concludere'} prima di quel giorno (oggi è ${formatDateIt(ctx.oggi)})`,
      );
    }
    let warnings: Finding[] = [];
    if (azione === 'programma' || azione === 'avvia' || azione === 'concludi') {
      const rc = ruleContext(db, cats);
      // The late-entry rule reads "registrata il": here the date is that of this step.
      const found = runRules(db, rc, ctx, e, next).map((f) =>
        f.rule === 'calendar/late-entry' ? { ...f, message: f.message.replace(/^registrata il/, `${PARTICIPI[azione]} il`) } : f,
      );
      warnings = refuseOnErrors(found, `${VERBI[azione]} dell'erogazione ${eid}`);
      // Starting or concluding on the delivery's own day is the normal case: the late-entry
      // warning ("andava inserita entro il giorno precedente") concerns entering and programming.
      if (azione !== 'programma') warnings = warnings.filter((w) => w.rule !== 'calendar/late-entry');
    }
    db.prepare('UPDATE erogazione SET stato = ?, aggiornata_il = ? WHERE id = ?').run(next, new Date().toISOString(), eid);
    storeWarnings(db, eid, warnings);
    recordHistory(db, { doteId: d.id, entita: 'erogazione', entitaId: eid, azione, operatore: ctx.operatore, prima: { stato: e.stato }, dopo: { stato: next } });
    if (azione === 'avvia') {
      const a = db.prepare('SELECT stato FROM attivita WHERE dote_id = ? AND servizio = ?').get(d.id, e.servizio) as { stato: StatoAttivita } | undefined;
      if (a) {
        const after = attivitaDopoAvvio(a.stato);
        if (after !== a.stato) {
          db.prepare('UPDATE attivita SET stato = ? WHERE dote_id = ? AND servizio = ?').run(after, d.id, e.servizio);
          recordHistory(db, {
            doteId: d.id,
            entita: 'attivita',
            entitaId: e.servizio,
            azione: 'inizia',
            operatore: ctx.operatore,
            prima: { stato: a.stato },
            dopo: { stato: after, erogazione: eid },
          });
        }
      }
    }
    return { erogazione: toView(db, loadFull(db, eid)), avvisi: warnings.map((w) => ({ ...w, erogazioneId: eid })), statoPrecedente: e.stato };
  });
}

const PARTICIPI: Record<'programma' | 'avvia' | 'concludi', string> = {
  programma: 'programmata',
  avvia: 'avviata',
  concludi: 'conclusa',
};

const VERBI: Record<'programma' | 'avvia' | 'concludi', string> = {
  programma: 'programmazione',
  avvia: 'avvio',
  concludi: 'conclusione',
};

/** `dote erogazione elenco ID [--stato S]`: a dote's deliveries by date and time. */
export function elencoErogazioni(db: Db, doteId: string, s?: StatoErogazione): ErogazioneView[] {
  const d = loadDoteRow(db, doteId);
  const rows = (
    s
      ? db.prepare(`${FULL_SELECT} WHERE e.dote_id = ? AND e.stato = ? ORDER BY e.data, e.inizio, e.id`).all(d.id, s)
      : db.prepare(`${FULL_SELECT} WHERE e.dote_id = ? ORDER BY e.data, e.inizio, e.id`).all(d.id)
  ) as ErogazioneFull[];
  return rows.map((r) => toView(db, r));
}
