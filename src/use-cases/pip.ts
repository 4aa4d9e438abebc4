/**
 * `dote pip imposta|varia|invia|valida`: the Cremona PIP. Every version is kept with its date and
 * reason (the Cremona bando, PIP changes); the current plan is the highest version.
 */
import { planCapFindings } from '../rules/hours-service-cap.js';
import { planNotInDote } from '../rules/service-not-in-dote.js';
import { planRepeat } from '../rules/service-repeat.js';
import type { Repositories, Store } from '../db/store.js';
import { loadCatalogues, type Catalogues } from '../bandi/load.js';
import { RefusedError, TransitionNotAllowed, UsageError } from '../errors.js';
import { formatDateIt } from '../domain/dates.js';
import { STATO } from '../domain/dote-stati.js';
import { dataFineDote } from '../domain/dote.js';
import { formatCents } from '../domain/money.js';
import {
  applySpecs,
  planValue,
  risultatoCent,
  sortPlan,
  type RigaValore,
  type ServizioSpec,
  type VocePip,
} from '../domain/pip.js';
import { descriviRitardo } from '../domain/scadenze.js';
import { settingOf } from '../rules/engine.js';
import { doteDeadline } from '../rules/dote-deadline.js';
import { finding, type Finding } from '../rules/types.js';
import { actionDate, doteDates, loadDote, type DoteCtx, type LoadedDote } from './dote-load.js';
import { azioniDote } from './doti.js';

export interface PipResult {
  doteId: string;
  versione: number;
  data: string;
  motivo: string | null;
  voci: RigaValore[];
  valoreCent: number;
  /** The result paid once if achieved, by fascia (null when the type has none). */
  risultatoCent: number | null;
  /** The limit of a variation: the value of version 1. */
  valoreDoteCent: number;
  /** Findings of rules the bando sets as warnings: the plan is recorded with them. */
  avvisi: Finding[];
}

function requireCremonaAttiva(d: LoadedDote, action: string): void {
  if (!d.tipo.servizi.length || d.row.fascia === null) {
    throw new RefusedError(`la dote ${d.row.id} (${d.tipo.codice}) non ha un PIP: le attività del voucher Job Coach sono fissate dal catalogo`);
  }
  if (d.row.stato !== STATO.ATTIVA) {
    throw new TransitionNotAllowed(`la dote ${d.row.id}`, d.stato.stato, action, azioniDote(d.stato.stato));
  }
}

/** Hours already delivered, started or programmed per service and mode: a plan cannot go below them. */
async function committedMinutes(r: Repositories, doteId: string): Promise<Map<string, { individuale: number; collettiva: number }>> {
  const rows = await r.doti.committedMinutes(doteId);
  const m = new Map<string, { individuale: number; collettiva: number }>();
  for (const row of rows) {
    const x = m.get(row.servizio) ?? { individuale: 0, collettiva: 0 };
    if (row.collettiva) x.collettiva += row.minuti;
    else x.individuale += row.minuti;
    m.set(row.servizio, x);
  }
  return m;
}

/**
 * Everything that makes a plan unacceptable for this dote: the catalogue's problems (type,
 * group rate, fascia caps), QD2/Q0C for a person who had a disability dote in a previous
 * annualità (service/repeat: "non saranno ammesse ripetizioni nè del colloquio specialistico, nè
 * del bilancio di competenze già erogati"), and hours below those already delivered or programmed.
 */
async function problemsOf(r: Repositories, d: LoadedDote, plan: readonly VocePip[], cats: Catalogues): Promise<Finding[]> {
  const info = await r.doti.info(cats, d.row.id);
  const notInDote = settingOf(d.bando, 'service/not-in-dote');
  const cap = settingOf(d.bando, 'hours/service-cap');
  return [
    ...(notInDote ? planNotInDote(notInDote.severita, d.bando, d.tipo, plan) : []),
    ...(cap ? planCapFindings(cap.severita, d.bando, d.tipo, d.row.fascia!, plan, await committedMinutes(r, d.row.id)) : []),
    ...planRepeat(settingOf(d.bando, 'service/repeat'), Boolean(info?.doteAnnualitaPrecedente), d.persona.cf, plan),
  ];
}

/**
 * Refuses with every problem at once: the rules' errors and `others`, the checks that are no
 * catalogue rule (the value of the dote). Returns the warnings, recorded with the plan.
 */
function refuse(what: string, findings: readonly Finding[], others: readonly string[] = []): Finding[] {
  const errors = findings.filter((f) => f.severity === 'error');
  if (!errors.length && !others.length) return findings.filter((f) => f.severity === 'warning');
  throw new RefusedError(
    `${what}: ${[...errors.map((p) => `${p.rule}: ${p.message}`), ...others].join('; ')}`,
    findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
  );
}

async function insertVersion(
  r: Repositories,
  ctx: DoteCtx,
  d: LoadedDote,
  versione: number,
  data: string,
  motivo: string | null,
  plan: readonly VocePip[],
  azione: string,
  prima: unknown,
): Promise<Omit<PipResult, 'avvisi'>> {
  const sorted = sortPlan(d.bando, plan);
  await r.doti.insertPipVersion({ doteId: d.row.id, versione, data, motivo, creataIl: new Date().toISOString(), voci: sorted });
  const value = planValue(d.bando, sorted);
  await r.storia.record({
    doteId: d.row.id,
    entita: 'pip',
    entitaId: versione,
    azione,
    operatore: ctx.operatore,
    prima,
    dopo: { versione, data, motivo, voci: sorted, valoreCent: value.totaleCent },
  });
  return {
    doteId: d.row.id,
    versione,
    data,
    motivo,
    voci: value.righe,
    valoreCent: value.totaleCent,
    risultatoCent: risultatoCent(d.tipo, d.row.fascia),
    valoreDoteCent: versione === 1 ? value.totaleCent : 0,
  };
}

function checkDateInDote(d: LoadedDote, data: string, what: string): void {
  const start = d.row.data_attivazione!;
  if (data < start) throw new RefusedError(`${what} il ${formatDateIt(data)}: prima dell'attivazione della dote (${formatDateIt(start)})`);
  if (d.row.data_fine && data > d.row.data_fine) {
    throw new RefusedError(`${what} il ${formatDateIt(data)}: dopo la fine della dote (${formatDateIt(d.row.data_fine)})`);
  }
}

/** `dote pip imposta ID --servizio CODICE=ORE[:coll] … [--data D]`: version 1 of the PIP. `data`: ISO, default today. */
export async function impostaPip(store: Store, ctx: DoteCtx, id: string, o: { servizi: readonly ServizioSpec[]; data?: string }): Promise<PipResult> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const specs = o.servizi;
  const data = actionDate(o.data, ctx.oggi);
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    requireCremonaAttiva(d, 'pip imposta');
    const versions = await r.doti.pipVersions(d.row.id);
    if (versions.length) {
      throw new RefusedError(
        `la dote ${d.row.id} ha già un PIP (versione ${versions.at(-1)!.versione} del ${formatDateIt(versions.at(-1)!.data)})`,
        [],
        `per cambiarlo usa: dote pip varia ${d.row.id} --motivo "…" --servizio CODICE=ORE`,
      );
    }
    checkDateInDote(d, data, 'PIP');
    const plan = applySpecs([], specs);
    if (!plan.length) throw new UsageError('il PIP non ha servizi: indica almeno un servizio con ore maggiori di zero');
    const avvisi = refuse('PIP rifiutato', await problemsOf(r, d, plan, cats));
    return { ...(await insertVersion(r, ctx, d, 1, data, null, plan, 'imposta', undefined)), avvisi };
  });
}

/**
 * `dote pip varia ID --motivo "…" --servizio … [--data D]`: a new version. The services named
 * replace their hours, the others are kept (`CODICE=0` removes one). Our reading of "nel limite
 * del valore della dote e del termine di conclusione delle attività del piano" (Cremona,
 * "VARIAZIONI DEL PIP"): the new total may not exceed the value of version 1 (the plan as first
 * drawn up, sent and validated), and the variation must be dated within the dote's period.
 */
export async function variaPip(store: Store, ctx: DoteCtx, id: string, o: { servizi: readonly ServizioSpec[]; motivo: string; data?: string }): Promise<PipResult> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const motivo = o.motivo;
  const specs = o.servizi;
  const data = actionDate(o.data, ctx.oggi);
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    requireCremonaAttiva(d, 'pip varia');
    const versions = await r.doti.pipVersions(d.row.id);
    if (!versions.length) {
      throw new RefusedError(`la dote ${d.row.id} non ha ancora un PIP`, [], `crealo con: dote pip imposta ${d.row.id} --servizio CODICE=ORE`);
    }
    const current = versions.at(-1)!;
    checkDateInDote(d, data, 'variazione del PIP');
    if (data < current.data) {
      throw new RefusedError(`variazione il ${formatDateIt(data)}: prima della versione ${current.versione} del PIP (${formatDateIt(current.data)})`);
    }
    const plan = applySpecs(current.voci, specs);
    if (!plan.length) throw new RefusedError('la variazione toglierebbe tutti i servizi dal PIP');
    const same =
      plan.length === current.voci.length &&
      plan.every((v) => current.voci.some((c) => c.servizio === v.servizio && c.minutiIndividuali === v.minutiIndividuali && c.minutiCollettivi === v.minutiCollettivi));
    if (same) throw new RefusedError(`la variazione non cambia il PIP (versione ${current.versione})`);
    const first = planValue(d.bando, versions[0]!.voci).totaleCent;
    const total = planValue(d.bando, plan).totaleCent;
    const others = total > first ? [`valore ${formatCents(total)} oltre il valore della dote, ${formatCents(first)} (PIP versione 1)`] : [];
    const avvisi = refuse('variazione del PIP rifiutata', await problemsOf(r, d, plan, cats), others);
    // Before: the version being replaced, with the same fields as after (so the history shows what the variation changed).
    const prima = { versione: current.versione, data: current.data, motivo: current.motivo, voci: sortPlan(d.bando, current.voci), valoreCent: planValue(d.bando, current.voci).totaleCent };
    const res = await insertVersion(r, ctx, d, current.versione + 1, data, motivo, plan, 'varia', prima);
    return { ...res, valoreDoteCent: first, avvisi };
  });
}

export interface PipStepResult {
  doteId: string;
  prima: Record<string, string | null>;
  dopo: Record<string, string | null>;
  /** dote/deadline when the step was recorded after its deadline (the step is recorded anyway). */
  avvisi: Finding[];
}

/**
 * The finding for a workflow step recorded after its deadline (PIP sent later than 10 working
 * days from activation, validated later than 30 working days from sending). Our choice: the step
 * is recorded all the same, because it is a fact that happened (the PEC did go out on that day)
 * and refusing it would only leave the database saying something false; the missed deadline is
 * reported as dote/deadline and stays visible in `dote mostra` as NON RISPETTATA. It is reported
 * as a warning, so the command exits 0, whatever the bando's severity of dote/deadline: that
 * severity decides what an open deadline that passed blocks, while here nothing is refused and
 * exit status 1 means "nothing was changed" (docs/comandi.md, Stato di uscita). No finding when the bando
 * turns the rule off.
 */
async function lateStepFindings(r: Repositories, d: LoadedDote, oggi: string, evento: 'invio-pip' | 'validazione-pip'): Promise<Finding[]> {
  if (!settingOf(d.bando, doteDeadline.id)) return [];
  const row = (await r.doti.find(d.row.id))!;
  const scadenze = doteDeadline.scadenze(d.bando, await doteDates(r, { ...d, row }), oggi);
  return scadenze
    .filter((s) => s.evento === evento && s.stato === 'in-ritardo')
    .map((s) =>
      finding(doteDeadline, 'warning', {
        messageId: 'registratoInRitardo',
        data: { dote: d.row.id, descrizione: s.descrizione, ritardo: descriviRitardo(s), giorni: s.giorni, lavorativi: s.tipoGiorni === 'lavorativi', dal: s.dal },
      }),
    );
}

/** `dote pip invia ID [--data D]`: the PIP sent to the Provincia by PEC (10 working days from activation). */
export async function inviaPip(store: Store, ctx: DoteCtx, id: string, o: { data?: string }): Promise<PipStepResult> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const data = actionDate(o.data, ctx.oggi);
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    requireCremonaAttiva(d, 'pip invia');
    const versions = await r.doti.pipVersions(d.row.id);
    if (!versions.length) throw new RefusedError(`la dote ${d.row.id} non ha un PIP da inviare`, [], `crealo con: dote pip imposta ${d.row.id} --servizio CODICE=ORE`);
    if (d.row.data_invio_pip) throw new RefusedError(`il PIP della dote ${d.row.id} è già stato inviato il ${formatDateIt(d.row.data_invio_pip)}`);
    checkDateInDote(d, data, 'invio del PIP');
    const prima = { data_invio_pip: d.row.data_invio_pip };
    const dopo = { data_invio_pip: data };
    await r.doti.update(d.row.id, dopo);
    await r.storia.record({ doteId: d.row.id, entita: 'pip', entitaId: versions.at(-1)!.versione, azione: 'invia', operatore: ctx.operatore, prima, dopo });
    return { doteId: d.row.id, prima, dopo, avvisi: await lateStepFindings(r, d, ctx.oggi, 'invio-pip') };
  });
}

/**
 * `dote pip valida ID [--data D]`: the Provincia validated the PIP. The dote's end is recomputed
 * from the validation: 6 or 12 months by fascia, never past the bando's end.
 */
export async function validaPip(store: Store, ctx: DoteCtx, id: string, o: { data?: string }): Promise<PipStepResult> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const data = actionDate(o.data, ctx.oggi);
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    requireCremonaAttiva(d, 'pip valida');
    if (!d.row.data_invio_pip) throw new RefusedError(`il PIP della dote ${d.row.id} non è ancora stato inviato`, [], `registra prima l'invio: dote pip invia ${d.row.id} --data …`);
    if (d.row.data_validazione_pip) throw new RefusedError(`il PIP della dote ${d.row.id} è già stato validato il ${formatDateIt(d.row.data_validazione_pip)}`);
    if (data < d.row.data_invio_pip) throw new RefusedError(`validazione il ${formatDateIt(data)}: prima dell'invio del PIP (${formatDateIt(d.row.data_invio_pip)})`);
    if (data > d.bando.fine) throw new RefusedError(`validazione il ${formatDateIt(data)}: dopo la fine del bando (${formatDateIt(d.bando.fine)})`);
    const fine = dataFineDote(d.bando, d.row.fascia, d.row.data_attivazione!, data);
    const prima = { data_validazione_pip: d.row.data_validazione_pip, data_fine: d.row.data_fine };
    const dopo = { data_validazione_pip: data, data_fine: fine };
    await r.doti.update(d.row.id, dopo);
    const versione = (await r.doti.pipVersions(d.row.id)).at(-1)?.versione ?? 1;
    await r.storia.record({ doteId: d.row.id, entita: 'pip', entitaId: versione, azione: 'valida', operatore: ctx.operatore, prima, dopo });
    return { doteId: d.row.id, prima, dopo, avvisi: await lateStepFindings(r, d, ctx.oggi, 'validazione-pip') };
  });
}
