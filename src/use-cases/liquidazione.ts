/**
 * `dote contratto …`, `dote output …`, `dote liquidazione verifica`: what a liquidation request
 * rests on and what still blocks it (Cremona, "DOMANDA DI LIQUIDAZIONE"; Job Coach reporting).
 * One check serves `verifica` and, later, `prepara`: the same findings, the same amount.
 */
import { createHash } from 'node:crypto';
import { readNamedFile } from '../os-errors.js';
import path from 'node:path';
import { loadCatalogues } from '../bandi/load.js';
import type { Repositories, Store } from '../db/store.js';
import type { ContrattoRow, ImpresaRow, OutputRow } from '../db/liquidazione-repository.js';
import { checkPartitaIva } from '../domain/partita-iva.js';
import { RefusedError, UsageError } from '../errors.js';
import { STATO } from '../domain/dote-stati.js';
import { importoServizi, occupazione, type Contratto, type EsitoOccupazione, type RigaImporto, type TipoContratto } from '../domain/liquidazione.js';
import { risultatoCent } from '../domain/pip.js';
import { settingOf } from '../rules/engine.js';
import { doteDeadline } from '../rules/dote-deadline.js';
import { importConflict } from '../rules/import-conflict.js';
import { liquidazioneIncomplete } from '../rules/liquidazione-incomplete.js';
import { liquidazioneResult180 } from '../rules/liquidazione-result-180.js';
import { reconcileTotal } from '../rules/reconcile-total.js';
import { finding, type Finding } from '../rules/types.js';
import { actionDate, doteDates, loadDote, type DoteCtx, type LoadedDote } from './dote-load.js';

/** Refuses a change to what a request already sent rests on (import/conflict, as for deliveries). */
async function requireNotClaimed(r: Repositories, d: LoadedDote): Promise<void> {
  const c = importConflict.check({ doteId: d.row.id, stato: d.row.stato, inLiquidazione: await r.doti.inLiquidazione(d.row.id), servizio: '' }, { doteState: false, activity: false });
  if (c) throw new RefusedError(c.message, [c]);
}

export function toContratto(c: ContrattoRow): Contratto {
  return { numero: c.numero, tipo: c.tipo, azienda: c.azienda, dal: c.dal, al: c.al, minutiSettimanali: c.minuti_settimanali, minutiCcnl: c.minuti_ccnl };
}

export interface NuovoContrattoInput {
  tipo: TipoContratto;
  dal: string;
  al?: string;
  minutiSettimanali: number;
  minutiCcnl: number;
  azienda: string;
}

/** `dote contratto aggiungi ID …`: a contract may end after today (a fixed-term one signed during the dote). */
export async function aggiungiContratto(store: Store, ctx: DoteCtx, id: string, o: NuovoContrattoInput): Promise<ContrattoRow> {
  const cats = loadCatalogues(ctx.catalogFiles);
  // Not actionDate: a contract signed during the dote may start, and end, after today.
  const dal = o.dal;
  if (o.al !== undefined && o.al < dal) throw new UsageError('--al: la fine del contratto è prima del suo inizio');
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    if (!d.tipo.risultato) throw new RefusedError(`la dote ${d.row.id} (${d.tipo.codice}) non ha un risultato occupazionale: i contratti non servono`);
    if (d.tipo.risultato.prova === 'impresa') {
      throw new RefusedError(`la dote ${d.row.id} (${d.tipo.codice}): il risultato (${d.tipo.risultato.nome}) si prova con l'impresa avviata, non con un contratto`, [], `registra l'impresa con "dote impresa imposta ${d.row.id} …"`);
    }
    await requireNotClaimed(r, d);
    const c = await r.liquidazioni.insertContratto({
      dote_id: d.row.id,
      tipo: o.tipo,
      azienda: o.azienda,
      dal,
      al: o.al ?? null,
      minuti_settimanali: o.minutiSettimanali,
      minuti_ccnl: o.minutiCcnl,
      creato_il: new Date().toISOString(),
    });
    await r.storia.record({ doteId: d.row.id, entita: 'contratto', entitaId: c.numero, azione: 'aggiungi', operatore: ctx.operatore, prima: undefined, dopo: toContratto(c) });
    return c;
  });
}

/** `dote contratto rimuovi ID N`: the row stays, marked removed. */
export async function rimuoviContratto(store: Store, ctx: DoteCtx, id: string, numero: number): Promise<ContrattoRow> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    await requireNotClaimed(r, d);
    const c = (await r.liquidazioni.contrattiOf(d.row.id)).find((x) => x.numero === numero && !x.rimosso_il);
    if (!c) throw new RefusedError(`la dote ${d.row.id} non ha il contratto ${numero}`, [], `vedi "dote contratto elenco ${d.row.id}"`);
    const now = new Date().toISOString();
    await r.liquidazioni.removeContratto(c.id, now);
    await r.storia.record({ doteId: d.row.id, entita: 'contratto', entitaId: numero, azione: 'rimuovi', operatore: ctx.operatore, prima: { ...toContratto(c), rimosso_il: null }, dopo: { ...toContratto(c), rimosso_il: now } });
    return { ...c, rimosso_il: now };
  });
}

export async function elencoContratti(store: Store, ctx: DoteCtx, id: string): Promise<{ doteId: string; contratti: ContrattoRow[]; occupazione: EsitoOccupazione; soglia: number }> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.read(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    const contratti = (await r.liquidazioni.contrattiOf(d.row.id)).filter((c) => !c.rimosso_il);
    const soglia = sogliaGiorni(d);
    return { doteId: d.row.id, contratti, occupazione: occupazione(contratti.map(toContratto), soglia), soglia };
  });
}

function sogliaGiorni(d: LoadedDote): number {
  const g = settingOf(d.bando, liquidazioneResult180.id)?.parametri.giorni;
  return typeof g === 'number' ? g : 180;
}

export interface ImpresaInput {
  denominazione: string;
  partitaIva: string;
  rea?: string;
  iscrizione: string;
}

/** The business as the domain and the documents see it. */
export interface Impresa {
  denominazione: string;
  partitaIva: string;
  rea: string | null;
  iscrizione: string;
}

export function toImpresa(i: ImpresaRow): Impresa {
  return { denominazione: i.denominazione, partitaIva: i.partita_iva, rea: i.rea, iscrizione: i.iscrizione };
}

/**
 * The day the business must not precede to count as started with the dote: the dote's start
 * (activation, else the request). Our reading of "avvio d'impresa": a business registered before
 * the dote was not started by it.
 */
export function avvioDote(d: LoadedDote): string {
  return d.row.data_attivazione ?? d.row.data_richiesta;
}

/**
 * `dote impresa imposta ID --denominazione … --partita-iva … --iscrizione D [--rea …]`: the
 * business a D1-IMP dote started, which earns its result and goes on the packet's Registro
 * Imprese declaration. Setting it again replaces it (the previous one stays in the history).
 */
export async function impostaImpresa(store: Store, ctx: DoteCtx, id: string, o: ImpresaInput): Promise<{ doteId: string; impresa: Impresa; precedente: Impresa | null }> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const iscrizione = actionDate(o.iscrizione, ctx.oggi, '--iscrizione');
  const piva = checkPartitaIva(o.partitaIva);
  if (!piva.ok) throw new UsageError(`--partita-iva ${o.partitaIva}: partita IVA non valida: ${piva.reason}`);
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    if (d.tipo.risultato?.prova !== 'impresa') {
      throw new RefusedError(`la dote ${d.row.id} (${d.tipo.codice}) non ha come risultato l'avvio d'impresa: l'impresa non serve`, [], d.tipo.risultato ? `il risultato si prova con i contratti: "dote contratto aggiungi ${d.row.id} …"` : undefined);
    }
    await requireNotClaimed(r, d);
    const prima = await r.liquidazioni.impresaOf(d.row.id);
    const row = await r.liquidazioni.setImpresa({
      dote_id: d.row.id,
      denominazione: o.denominazione,
      partita_iva: piva.partitaIva,
      rea: o.rea ?? null,
      iscrizione,
      creata_il: new Date().toISOString(),
    });
    await r.storia.record({ doteId: d.row.id, entita: 'impresa', entitaId: row.id, azione: prima ? 'modifica' : 'aggiungi', operatore: ctx.operatore, prima: prima ? toImpresa(prima) : undefined, dopo: toImpresa(row) });
    return { doteId: d.row.id, impresa: toImpresa(row), precedente: prima ? toImpresa(prima) : null };
  });
}

/** `dote impresa mostra ID`: the business recorded, if any, and whether it earns the result. */
export async function mostraImpresa(store: Store, ctx: DoteCtx, id: string): Promise<{ doteId: string; impresa: Impresa | null; avvioDote: string; valida: boolean }> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.read(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    if (d.tipo.risultato?.prova !== 'impresa') throw new RefusedError(`la dote ${d.row.id} (${d.tipo.codice}) non ha come risultato l'avvio d'impresa`);
    const row = await r.liquidazioni.impresaOf(d.row.id);
    const avvio = avvioDote(d);
    return { doteId: d.row.id, impresa: row ? toImpresa(row) : null, avvioDote: avvio, valida: !!row && row.iscrizione >= avvio };
  });
}

/** `dote output aggiungi ID SERVIZIO [--file F] [--data D]`: the file's SHA-256 when a file is given. */
export async function aggiungiOutput(store: Store, ctx: DoteCtx, id: string, servizio: string, o: { file?: string; data?: string }): Promise<OutputRow> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const data = actionDate(o.data, ctx.oggi);
  let sha256: string | null = null;
  if (o.file !== undefined) {
    sha256 = createHash('sha256').update(readNamedFile(`--file ${o.file}`, o.file)).digest('hex');
  }
  const code = servizio.toUpperCase();
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    const s = d.bando.servizi.find((x) => x.codice === code);
    const inTipo = d.tipo.servizi.includes(code) || d.tipo.attivita.some((a) => a.servizio === code);
    if (!s || !inTipo) throw new RefusedError(`servizio ${code} non previsto dal tipo di dote ${d.tipo.codice}`);
    if (!s.output) throw new RefusedError(`${code} non ha un output obbligatorio nel bando ${d.bando.id}`);
    await requireNotClaimed(r, d);
    const row = await r.liquidazioni.insertOutput({ dote_id: d.row.id, servizio: code, data, file: o.file ? path.resolve(o.file) : null, sha256, creato_il: new Date().toISOString() });
    await r.storia.record({ doteId: d.row.id, entita: 'output', entitaId: row.id, azione: 'aggiungi', operatore: ctx.operatore, prima: undefined, dopo: { servizio: code, data, file: row.file, sha256 } });
    return row;
  });
}

export async function elencoOutput(store: Store, ctx: DoteCtx, id: string): Promise<{ doteId: string; output: (OutputRow & { descrizione: string })[]; mancanti: { servizio: string; output: string }[] }> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.read(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    const rows = await r.liquidazioni.outputOf(d.row.id);
    const output = rows.map((o) => ({ ...o, descrizione: d.bando.servizi.find((s) => s.codice === o.servizio)?.output ?? '' }));
    return { doteId: d.row.id, output, mancanti: await missingOutputs(r, d) };
  });
}

/** Services with EROGATA hours whose required output has no record. */
async function missingOutputs(r: Repositories, d: LoadedDote): Promise<{ servizio: string; output: string }[]> {
  const recorded = new Set((await r.liquidazioni.outputOf(d.row.id)).map((o) => o.servizio));
  const delivered = new Set((await r.doti.minutesByState(d.row.id)).filter((m) => m.stato === 'EROGATA' && m.minuti > 0).map((m) => m.servizio));
  return d.bando.servizi.filter((s) => s.output && delivered.has(s.codice) && !recorded.has(s.codice)).map((s) => ({ servizio: s.codice, output: s.output! }));
}

export interface ImportoRichiesta {
  righe: RigaImporto[];
  serviziCent: number;
  /** The result's amount when the type has one; paid only when `raggiunto`. */
  risultato: { nome: string; importoCent: number; raggiunto: boolean } | null;
  totaleCent: number;
}

export interface VerificaLiquidazione {
  doteId: string;
  bando: string;
  tipo: string;
  stato: string;
  findings: Finding[];
  errori: number;
  avvisi: number;
  importo: ImportoRichiesta;
  occupazione: EsitoOccupazione | null;
  /** D1-IMP: the business that earns the result (null when none is recorded, or for other types). */
  impresa: Impresa | null;
  /** The request pays stamp duty or states the exemption (Cremona's domanda; not the Job Coach reporting). */
  bollo: boolean;
}

/**
 * Everything that blocks the request (errors) or that the operator should know (warnings), and
 * the amount that will be claimed. Inside the caller's transaction (prepara checks and records in one).
 */
export async function checkLiquidazione(r: Repositories, ctx: DoteCtx, d: LoadedDote): Promise<VerificaLiquidazione> {
  const id = d.row.id;
  const findings: Finding[] = [];
  const sev = (rule: string) => settingOf(d.bando, rule)?.severita ?? null;

  const claimed = await r.doti.liquidazioneDate(id);
  if (claimed) findings.push(finding(importConflict, 'error', { messageId: 'giaRichiesta', data: { doteId: id, data: claimed } }));

  const byState = await r.doti.minutesByState(id);
  const erogati = byState.filter((m) => m.stato === 'EROGATA').map((m) => ({ servizio: m.servizio, collettiva: m.collettiva === 1, minuti: m.minuti }));
  const info = await r.doti.info(loadCatalogues(ctx.catalogFiles), id);
  const cap = info?.cap ?? new Map();
  const pianificato = info?.pianificato ?? null;

  // The dote's imported timesheet, per professional and service: read once, for both checks below.
  const ts = await r.liquidazioni.timesheetPerProfessionista(id);
  const incomplete = sev(liquidazioneIncomplete.id);
  if (incomplete) {
    const piano: { servizio: string; collettiva: boolean; pianificate: number; erogate: number }[] = [];
    for (const [servizio, p] of pianificato ?? []) {
      for (const collettiva of [false, true]) {
        const pianificate = collettiva ? p.collettiva : p.individuale;
        if (!pianificate) continue;
        const erogate = erogati.find((e) => e.servizio === servizio && e.collettiva === collettiva)?.minuti ?? 0;
        piano.push({ servizio, collettiva, pianificate, erogate });
      }
    }
    findings.push(
      ...liquidazioneIncomplete.check(
        {
          dote: id,
          stato: d.stato.stato,
          conclusa: d.row.stato === STATO.CONCLUSA,
          aperte: await r.doti.openDeliveries(id),
          erogate: erogati.reduce((a, e) => a + e.minuti, 0),
          // Cremona keeps one timesheet per professional (allegato 011); Job Coach reconciles only when timesheets are given.
          timesheetRichiesto: !d.tipo.attivita.length && sev(reconcileTotal.id) !== null,
          timesheetImportato: ts.length > 0,
          piano,
          outputMancanti: await missingOutputs(r, d),
        },
        incomplete,
      ),
    );
  }

  // Calendar and timesheet reconcile per professional and service (reconcile/total), when the dote has timesheet rows.
  const reconcile = sev(reconcileTotal.id);
  if (reconcile && ts.length) {
    const cal = await r.liquidazioni.erogatiPerProfessionista(id);
    const keys = new Map<string, { professionista: string; servizio: string; calendario: number; timesheet: number }>();
    const at = (p: { professionista: string; nome: string; servizio: string }) => {
      const k = `${p.professionista}\u0000${p.servizio}`;
      let v = keys.get(k);
      if (!v) keys.set(k, (v = { professionista: `${p.nome} (${p.professionista})`, servizio: p.servizio, calendario: 0, timesheet: 0 }));
      return v;
    };
    for (const c of cal) at(c).calendario += c.minuti;
    for (const t of ts) at(t).timesheet += t.minuti;
    for (const v of keys.values()) {
      const said = reconcileTotal.check({ ...v, doteId: id });
      if (said) findings.push(finding(reconcileTotal, reconcile, said));
    }
  }

  // The claim deadline (Cremona 30 days from closure; Job Coach reporting 60 days).
  const deadline = sev(doteDeadline.id);
  if (deadline && !claimed) findings.push(...doteDeadline.check(d.bando, await doteDates(r, d), ctx.oggi, deadline, ['liquidazione', 'rendicontazione']));

  const servizi = importoServizi(d.bando, cap, pianificato, erogati);
  let esito: EsitoOccupazione | null = null;
  let risultato: ImportoRichiesta['risultato'] = null;
  const importoRisultato = risultatoCent(d.tipo, d.row.fascia);
  const result180 = sev(liquidazioneResult180.id);
  let impresa: Impresa | null = null;
  if (d.tipo.risultato && importoRisultato !== null && d.tipo.risultato.prova === 'impresa') {
    // D1-IMP: the business registered during the dote earns the result, not a contract.
    const row = await r.liquidazioni.impresaOf(id);
    impresa = row ? toImpresa(row) : null;
    const avvio = avvioDote(d);
    if (result180) findings.push(...liquidazioneResult180.checkImpresa(d.tipo.risultato.nome, impresa, avvio, result180));
    risultato = { nome: d.tipo.risultato.nome, importoCent: importoRisultato, raggiunto: !!impresa && impresa.iscrizione >= avvio };
  } else if (d.tipo.risultato && importoRisultato !== null) {
    const contratti = (await r.liquidazioni.contrattiOf(id)).filter((c) => !c.rimosso_il).map(toContratto);
    esito = occupazione(contratti, sogliaGiorni(d));
    if (result180) findings.push(...liquidazioneResult180.check(d.tipo.risultato.nome, contratti, esito, result180));
    risultato = { nome: d.tipo.risultato.nome, importoCent: importoRisultato, raggiunto: esito.raggiunto };
  }
  const totaleCent = servizi.totaleCent + (risultato?.raggiunto ? risultato.importoCent : 0);
  return {
    doteId: id,
    bando: d.bando.id,
    tipo: d.tipo.codice,
    stato: d.stato.stato,
    findings,
    errori: findings.filter((f) => f.severity === 'error').length,
    avvisi: findings.filter((f) => f.severity === 'warning').length,
    importo: { righe: servizi.righe, serviziCent: servizi.totaleCent, risultato, totaleCent },
    occupazione: esito,
    impresa,
    bollo: d.tipo.attivita.length === 0,
  };
}

/** `dote liquidazione verifica ID`. */
export async function verificaLiquidazione(store: Store, ctx: DoteCtx, id: string): Promise<VerificaLiquidazione> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.read(async (r) => checkLiquidazione(r, ctx, await loadDote(r, cats, id, ctx.oggi)));
}
