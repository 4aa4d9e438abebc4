/**
 * `dote erogazione …`: deliveries of a dote, their state machine (Job Coach manual 3.1-3.2,
 * the Job Coach manual) and the checks at entry. Every change is one transaction with its audit trail;
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
import type { Repositories, Store } from '../db/store.js';
import type { ErogazioneEditable, ErogazioneFullRow, ErogazioneRow } from '../db/erogazione-repository.js';
import { loadCatalogues, type Catalogues } from '../bandi/load.js';
import type { Modalita } from '../bandi/schema.js';
import type { DoteRow } from '../db/dote-repository.js';
import type { ProfessionistaRow, SedeRow } from '../db/registry-repository.js';
import { RefusedError, UsageError } from '../errors.js';
import { importConflict } from '../rules/import-conflict.js';
import { refuseOnErrors } from './dote-load.js';
import { dayNumber, formatDateIt, formatTime, isoFromDay, isoWeekStart } from '../domain/dates.js';
import type { StatoErogazione } from '../domain/dote-stati.js';
import { attivitaDopoAvvio, azioniConsentite, statoDopo, type AzioneErogazione } from '../domain/erogazione-state.js';
import { sessionKey } from '../domain/sessione.js';
import { checkCandidate } from '../rules/engine.js';
import { DELIVERY_RULES } from '../rules/index.js';
import type { DeliveryRow, DoteInfo, Finding } from '../rules/types.js';

export { sessionKey };
export type { ErogazioneRow };

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

/** A delivery with its professional, sede and person, as the rules and the views need it. */
type ErogazioneFull = ErogazioneFullRow;

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


// ---------------------------------------------------------------------------------------------
// Resolving names (the options themselves are read by the command's schema)

async function professionistaOpt(r: Repositories, v: string): Promise<ProfessionistaRow> {
  const p = await r.registry.findProfessionista(v);
  if (!p) throw new RefusedError(`professionista sconosciuto: "${v}"`, [], 'registralo con "dote professionista aggiungi" o vedi "dote professionista elenco"');
  return p;
}

async function sedeOpt(r: Repositories, v: string): Promise<SedeRow> {
  const s = await r.registry.findSede(v);
  if (!s) throw new RefusedError(`sede sconosciuta: "${v}"`, [], 'registrala con "dote sede aggiungi" o vedi "dote sede elenco"');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Loading

async function loadDoteRow(r: Repositories, id: string): Promise<DoteRow> {
  const d = await r.doti.find(id);
  if (!d) throw new RefusedError(`dote sconosciuta: ${id}`, [], 'vedi "dote elenco"');
  return d;
}

async function loadFull(r: Repositories, eid: number): Promise<ErogazioneFull> {
  const e = await r.erogazioni.find(eid);
  if (!e) throw new RefusedError(`erogazione sconosciuta: ${eid}`, [], 'vedi "dote erogazione elenco ID_DOTE"');
  return e;
}

async function toView(r: Repositories, e: ErogazioneFull): Promise<ErogazioneView> {
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
    avvisi: await r.erogazioni.avvisi(e.id),
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
async function requireNoConflict(r: Repositories, d: DoteRow, servizio: string, opts: { doteState?: boolean; activity?: boolean } = {}): Promise<void> {
  const attivita = await r.erogazioni.attivitaStato(d.id, servizio);
  const inLiquidazione = await r.doti.inLiquidazione(d.id);
  const c = importConflict.check({ doteId: d.id, stato: d.stato, inLiquidazione, servizio, attivita }, opts);
  if (c) throw new RefusedError(c.message, [c]);
}

/** A person takes part in a group session once: a second delivery of the same dote in it is a copy. */
async function requireNotInSession(r: Repositories, cand: ErogazioneFull): Promise<void> {
  if (!cand.sessione) return;
  const other = await r.erogazioni.liveIdInSession(cand.dote_id, cand.sessione, cand.id);
  if (other !== undefined) {
    throw new RefusedError(`la dote ${cand.dote_id} partecipa già a questa sessione di gruppo con l'erogazione ${other}`);
  }
}

/**
 * What the rules read besides the rows, loaded before they run (they run synchronously): the
 * DoteInfo of every dote the rows belong to, the patron saint of every sede they name. Kept for
 * the whole operation (the doti of a group session share people's facts and sedi).
 */
interface RuleContext {
  cats: Catalogues;
  doti: Map<string, DoteInfo | undefined>;
  patroni: Map<string, string | null>;
}

function ruleContext(cats: Catalogues): RuleContext {
  return { cats, doti: new Map(), patroni: new Map() };
}

async function loadRuleFacts(r: Repositories, rc: RuleContext, rows: readonly ErogazioneFull[]): Promise<void> {
  for (const e of rows) {
    if (!rc.doti.has(e.dote_id)) rc.doti.set(e.dote_id, await r.doti.info(rc.cats, e.dote_id));
    if (e.sede_nome && !rc.patroni.has(e.sede_nome)) rc.patroni.set(e.sede_nome, (await r.registry.findSede(e.sede_nome))?.patrono ?? null);
  }
}

const CAP_RULE = 'hours/service-cap';

/**
 * Runs the delivery rules on a candidate (a new delivery has id 0). Returns the findings about
 * the candidate: errors and warnings.
 */
async function runRules(r: Repositories, rc: RuleContext, ctx: ErogazioneCtx, cand: ErogazioneFull, stato: StatoErogazione = cand.stato): Promise<Finding[]> {
  const day = dayNumber(cand.data);
  const monday = isoWeekStart(day);
  const dote = await loadDoteRow(r, cand.dote_id);
  const byId = new Map<number, ErogazioneFull>();
  for (const e of await r.erogazioni.liveOfPersonBetween(dote.destinatario_id, isoFromDay(monday), isoFromDay(monday + 6), cand.id)) byId.set(e.id, e);
  for (const e of await r.erogazioni.liveOfProfessionalOn(cand.professionista_id, cand.data, cand.id)) byId.set(e.id, e);
  const capRule = DELIVERY_RULES.find((x) => x.id === CAP_RULE);
  const committed = capRule ? await r.erogazioni.countedOf(cand.dote_id, cand.servizio, cand.id) : [];
  await loadRuleFacts(r, rc, [cand, ...byId.values(), ...committed]);

  const doteOf = (id: string) => rc.doti.get(id);
  const opts = {
    oggi: ctx.oggi,
    bandoOf: (x: DeliveryRow) => doteOf(x.doteId)?.bando,
    dote: doteOf,
    hasDatabase: true,
    patronoOf: (sede: string | null) => (sede ? (rc.patroni.get(sede) ?? null) : null),
  };
  const candidate = toDeliveryRow(cand, ctx.oggi, stato);
  const others = [...byId.values()].map((x) => toDeliveryRow(x));
  const found = checkCandidate(opts, others, candidate, DELIVERY_RULES.filter((x) => x.id !== CAP_RULE));
  if (capRule) found.push(...checkCandidate(opts, committed.map((x) => toDeliveryRow(x)), candidate, [capRule]));
  return found;
}

async function storeWarnings(r: Repositories, eid: number, warnings: readonly Finding[]): Promise<void> {
  await r.erogazioni.addAvvisi(
    eid,
    warnings.map((w) => ({ regola: w.rule, messaggio: w.message })),
    new Date().toISOString(),
  );
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

async function resolveNew(r: Repositories, input: NuovaErogazione): Promise<Resolved> {
  const descr = input.descrizione?.trim();
  const prof = await professionistaOpt(r, input.professionista);
  const sede = input.sede ? await sedeOpt(r, input.sede) : null;
  return {
    servizio: input.servizio,
    data: input.data,
    inizio: input.inizio,
    fine: input.fine,
    prof,
    sede,
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

/** The columns `aggiungi` writes and `modifica` may change. */
function editableColumns(c: ErogazioneFull): ErogazioneEditable {
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

async function cfOf(r: Repositories, d: DoteRow): Promise<string> {
  return (await r.destinatari.findById(d.destinatario_id))?.cf ?? '';
}

/**
 * `dote erogazione aggiungi ID… --servizio … --data … --inizio … --fine … --professionista …`:
 * one delivery per dote, state INSERITA, registered today (--oggi). Several doti at once only for
 * a group session (--collettiva): each gets its own delivery with the same session key.
 */
export async function aggiungiErogazione(store: Store, ctx: ErogazioneCtx, doteIds: readonly string[], input: NuovaErogazione): Promise<Esito[]> {
  const cats = loadCatalogues(ctx.catalogFiles);
  if (doteIds.length === 0) throw new UsageError('indica la dote');
  const ids = doteIds.map((x) => x.trim());
  const dup = ids.find((x, i) => ids.indexOf(x) !== i);
  if (dup) throw new UsageError(`la dote ${dup} è indicata due volte`);
  if (ids.length > 1 && input.collettiva !== true) {
    throw new UsageError("più doti in una volta solo per un'erogazione collettiva: aggiungi --collettiva");
  }
  return store.write(async (r) => {
    const res = await resolveNew(r, input);
    const doti: DoteRow[] = [];
    for (const id of ids) doti.push(await loadDoteRow(r, id));
    const rc = ruleContext(cats);
    const results: Esito[] = [];
    for (const d of doti) {
      await requireNoConflict(r, d, res.servizio);
      const cand = candidateOf(0, d.id, res, await cfOf(r, d), ctx.oggi, 'INSERITA');
      await requireNotInSession(r, cand);
      const what = ids.length > 1 ? `erogazione per la dote ${d.id}` : 'erogazione';
      const warnings = refuseOnErrors(await runRules(r, rc, ctx, cand), what);
      const eid = await r.erogazioni.insert({
        dote_id: cand.dote_id,
        ...editableColumns(cand),
        stato: cand.stato,
        origine: cand.origine,
        creata_il: cand.creata_il,
        aggiornata_il: cand.aggiornata_il,
      });
      await storeWarnings(r, eid, warnings);
      const saved = await loadFull(r, eid);
      await r.storia.record({ doteId: d.id, entita: 'erogazione', entitaId: eid, azione: 'aggiungi', operatore: ctx.operatore, dopo: snapshot(saved) });
      results.push({ erogazione: await toView(r, saved), avvisi: warnings.map((w) => ({ ...w, erogazioneId: eid })) });
    }
    return results;
  });
}

/** `dote erogazione modifica EID [options]`: any field, while INSERITA (manual 3.1). */
export async function modificaErogazione(store: Store, ctx: ErogazioneCtx, eid: number, input: ErogazioneInput): Promise<Esito> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const given = Object.entries(input).filter(([, v]) => v !== undefined);
  if (!given.length) throw new UsageError('indica almeno un campo da modificare (es. --data, --inizio, --fine, --professionista)');
  return store.write(async (r) => {
    const old = await loadFull(r, eid);
    const d = await loadDoteRow(r, old.dote_id);
    // The lock first, then the state machine, then the dote and the activity (as before the merge
    // of the two locks: "è nello stato ANNULLATA" is what a user must hear for a final delivery).
    await requireNoConflict(r, d, old.servizio, { doteState: false, activity: false });
    statoDopo(old.stato, 'modifica', `L'erogazione ${eid}`);
    await requireNoConflict(r, d, old.servizio);
    const descr = input.descrizione?.trim();
    const prof = await professionistaOpt(r, input.professionista !== undefined ? input.professionista : old.prof_codice);
    let sede: SedeRow | null;
    if (input.sede !== undefined) sede = input.sede === null ? null : await sedeOpt(r, input.sede);
    else sede = old.sede_nome !== null ? await sedeOpt(r, old.sede_nome) : null;
    const res: Resolved = {
      servizio: input.servizio ?? old.servizio,
      data: input.data ?? old.data,
      inizio: input.inizio ?? old.inizio,
      fine: input.fine ?? old.fine,
      prof,
      sede,
      modalita: input.modalita ?? old.modalita,
      collettiva: input.collettiva !== undefined ? input.collettiva : old.collettiva === 1,
      descrizione: input.descrizione !== undefined ? (descr ? descr : null) : old.descrizione,
    };
    if (res.servizio !== old.servizio) await requireNoConflict(r, d, res.servizio);
    const cand = candidateOf(eid, d.id, res, old.cf, ctx.oggi, old.stato);
    await requireNotInSession(r, cand);
    const warnings = refuseOnErrors(await runRules(r, ruleContext(cats), ctx, cand), `modifica dell'erogazione ${eid}`);
    await r.erogazioni.update(eid, editableColumns(cand), new Date().toISOString());
    await storeWarnings(r, eid, warnings);
    const saved = await loadFull(r, eid);
    await r.storia.record({ doteId: d.id, entita: 'erogazione', entitaId: eid, azione: 'modifica', operatore: ctx.operatore, prima: snapshot(old), dopo: snapshot(saved) });
    return { erogazione: await toView(r, saved), avvisi: warnings.map((w) => ({ ...w, erogazioneId: eid })) };
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
export async function transizioneErogazione(store: Store, ctx: ErogazioneCtx, eid: number, azione: AzioneStato): Promise<Esito> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.write(async (r) => {
    const e = await loadFull(r, eid);
    const d = await loadDoteRow(r, e.dote_id);
    // Programming and starting record hours on the dote: it must be active. Concluding a started
    // delivery, annulling a draft or closing negatively only need the lock to be open.
    await requireNoConflict(r, d, e.servizio, { doteState: false });
    const next = statoDopo(e.stato, azione, `L'erogazione ${eid}`);
    if (azione === 'programma' || azione === 'avvia') await requireNoConflict(r, d, e.servizio);
    // A delivery starts on its day, not before: starting or concluding it earlier would record as
    // delivered hours that have not happened yet (and let its activity be concluded on them).
    if ((azione === 'avvia' || azione === 'concludi') && e.data > ctx.oggi) {
      throw new RefusedError(
        `l'erogazione ${eid} è del ${formatDateIt(e.data)}: non si può ${azione === 'avvia' ? 'avviare' : 'concludere'} prima di quel giorno (oggi è ${formatDateIt(ctx.oggi)})`,
      );
    }
    let warnings: Finding[] = [];
    if (azione === 'programma' || azione === 'avvia' || azione === 'concludi') {
      // The late-entry rule reads "registrata il": here the date is that of this step.
      const found = (await runRules(r, ruleContext(cats), ctx, e, next)).map((f) =>
        f.rule === 'calendar/late-entry' ? { ...f, message: f.message.replace(/^registrata il/, `${PARTICIPI[azione]} il`) } : f,
      );
      warnings = refuseOnErrors(found, `${VERBI[azione]} dell'erogazione ${eid}`);
      // Starting or concluding on the delivery's own day is the normal case: the late-entry
      // warning ("andava inserita entro il giorno precedente") concerns entering and programming.
      if (azione !== 'programma') warnings = warnings.filter((w) => w.rule !== 'calendar/late-entry');
    }
    await r.erogazioni.setStato(eid, next, new Date().toISOString());
    await storeWarnings(r, eid, warnings);
    await r.storia.record({ doteId: d.id, entita: 'erogazione', entitaId: eid, azione, operatore: ctx.operatore, prima: { stato: e.stato }, dopo: { stato: next } });
    if (azione === 'avvia') {
      const stato = await r.erogazioni.attivitaStato(d.id, e.servizio);
      if (stato) {
        const after = attivitaDopoAvvio(stato);
        if (after !== stato) {
          await r.erogazioni.setAttivitaStato(d.id, e.servizio, after);
          await r.storia.record({
            doteId: d.id,
            entita: 'attivita',
            entitaId: e.servizio,
            azione: 'inizia',
            operatore: ctx.operatore,
            prima: { stato },
            dopo: { stato: after, erogazione: eid },
          });
        }
      }
    }
    return { erogazione: await toView(r, await loadFull(r, eid)), avvisi: warnings.map((w) => ({ ...w, erogazioneId: eid })), statoPrecedente: e.stato };
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
export async function elencoErogazioni(store: Store, doteId: string, s?: StatoErogazione): Promise<ErogazioneView[]> {
  return store.read(async (r) => {
    const d = await loadDoteRow(r, doteId);
    const views: ErogazioneView[] = [];
    for (const e of await r.erogazioni.ofDote(d.id, s)) views.push(await toView(r, e));
    return views;
  });
}
