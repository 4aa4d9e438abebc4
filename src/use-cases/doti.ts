/**
 * `dote nuova`, `dote ammetti`, `dote rifiuta`, `dote concludi`: creating a dote and moving it
 * through its workflow. Every operation is one write transaction of the store (its checks, the
 * change and its audit trail), so a refused operation changes nothing.
 */
import type { Repositories, Store } from '../db/store.js';
import { loadCatalogues, tipoOf, type Catalogues } from '../bandi/load.js';
import type { Bando, TipoDote } from '../bandi/schema.js';
import type { DoteRow } from '../db/repo/lookup.js';
import { RefusedError, TransitionNotAllowed, UsageError } from '../errors.js';
import { formatDateIt } from '../domain/dates.js';
import { codiceFiscaleProblem } from '../domain/codice-fiscale.js';
import { STATO } from '../domain/dote-stati.js';
import {
  dataFineDote,
  nextId,
  OPAL_PATTERN,
  prefissoId,
  statoEffettivo,
  termineAmmissione,
  giorniAmmissione,
  tipoRisultato,
  type CategoriaPrioritaria,
} from '../domain/dote.js';
import { settingOf } from '../rules/engine.js';
import { doteOneActive, type AltraDote } from '../rules/dote-one-active.js';
import { doteEligibility, type DotePrecedente } from '../rules/dote-eligibility.js';
import { finding, type Finding } from '../rules/types.js';
import { actionDate, describeDote, doteDates, loadDote, personaOf, refuseOnErrors, type DoteCtx, type LoadedDote } from './dote-load.js';
import { scadenzeAperte } from '../domain/scadenze.js';
import { doteDeadline } from '../rules/dote-deadline.js';
import { terminaAttivita } from './attivita.js';

/** The options of `dote nuova`, as its schema reads them: `data` ISO, `fascia` a number. */
export interface NuovaOptions {
  bando?: string;
  tipo?: string;
  destinatario?: string;
  id?: string;
  fascia?: number;
  linea?: string;
  azienda?: string;
  data?: string;
}

export interface NuovaResult {
  dote: DoteRow;
  destinatario: { cf: string; nome: string; cognome: string };
  categoriePrioritarie: CategoriaPrioritaria[];
  avvisi: Finding[];
  /** Activities created for a Job Coach voucher. */
  attivita: { servizio: string; minuti: number }[];
  /** The first deadline now running (PIP to send, answer to give). */
  prossimaScadenza: { descrizione: string; entro: string } | null;
}

/** The bando of a new dote: --bando, or the one whose catalogue has the type. */
export function resolveBandoTipo(cats: Catalogues, bandoId: string | undefined, tipoCode: string): { bando: Bando; tipo: TipoDote } {
  const code = tipoCode.trim().toUpperCase();
  if (bandoId) {
    const bando = cats.get(bandoId);
    return { bando, tipo: tipoOf(bando, code) };
  }
  const bando = cats.bandoOfTipo(code);
  if (!bando) {
    const all = cats.bandi.flatMap((b) => b.tipi.map((t) => t.codice));
    throw new UsageError(`tipo di dote sconosciuto: ${tipoCode} (tipi: ${all.join(', ')})`);
  }
  return { bando, tipo: tipoOf(bando, code) };
}

/** Persons' other doti with their effective state, for the one-active and repeat rules. */
async function otherDoti(r: Repositories, cats: Catalogues, destinatarioId: number, oggi: string) {
  const rows = await r.doti.ofDestinatario(destinatarioId);
  return rows.map((row) => {
    const bando = cats.find(row.bando);
    return { row, bando, tipo: bando?.tipi.find((t) => t.codice === row.tipo), stato: statoEffettivo(bando, row, oggi) };
  });
}

/**
 * Brings stored states in line with time for one person's doti: a Job Coach request unanswered
 * past its deadline becomes CANCELLATA, a voucher past its end CONCLUSA, each with a history
 * entry. Our choice: this happens only inside a successful write about that person (`dote
 * nuova`), never in a read or in a refused command, so that what-if runs with --oggi and refused
 * operations leave the database as it was; every read shows the same state anyway.
 */
export async function persistAutomaticStates(r: Repositories, cats: Catalogues, destinatarioId: number, oggi: string, operatore: string): Promise<void> {
  for (const d of await otherDoti(r, cats, destinatarioId, oggi)) {
    if (!d.stato.automatico || d.stato.stato === d.row.stato) continue;
    const dopo: Partial<DoteRow> = { stato: d.stato.stato };
    if (d.stato.stato === STATO.CONCLUSA) dopo.data_conclusione = d.row.data_fine;
    // A null end leaves the stored conclusion date as it is.
    await r.doti.update(d.row.id, { stato: dopo.stato, data_conclusione: dopo.data_conclusione ?? undefined });
    await r.storia.record({
      doteId: d.row.id,
      entita: 'dote',
      entitaId: d.row.id,
      azione: d.stato.stato === STATO.CANCELLATA ? 'cancellazione-automatica' : 'chiusura-automatica',
      operatore,
      prima: { stato: d.row.stato },
      dopo: { ...dopo, motivo: d.stato.automatico },
    });
  }
}

/** The fascia for the type: required where the type has fasce, one of them (the number is read by the schema). */
function fasciaOf(tipo: TipoDote, value: number | undefined): number | null {
  if (!tipo.fasce.length) {
    if (value !== undefined) throw new UsageError(`--fascia: il tipo ${tipo.codice} non ha fasce`);
    return null;
  }
  if (value === undefined) {
    throw new UsageError(`--fascia obbligatoria per ${tipo.codice}: la fascia di intensità di aiuto assegnata dalla Provincia (${tipo.fasce.join(', ')})`);
  }
  if (!tipo.fasce.includes(value)) {
    throw new UsageError(`--fascia: "${value}" non valida per ${tipo.codice} (fasce: ${tipo.fasce.join(', ')})`);
  }
  return value;
}

function parseLinea(tipo: TipoDote, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const l = value.trim().toLowerCase();
  if (!tipo.linee.length) {
    throw new UsageError(`--linea: il tipo ${tipo.codice} non ha linee di assegnazione (la linea di budget segue dal tipo)`);
  }
  if (!tipo.linee.includes(l)) throw new UsageError(`--linea: "${value}" non valida per ${tipo.codice} (linee: ${tipo.linee.join(', ')})`);
  return l;
}

/**
 * `dote nuova`. Cremona: the fascia from the Provincia's profiling is required, the dote is ATTIVA
 * from the request/activation date, its end follows the fascia. Job Coach: the OPAL code is the
 * id, the request is PROPOSTA from the CPI's notification date, with its five activities.
 */
export async function nuovaDote(store: Store, ctx: DoteCtx, o: NuovaOptions): Promise<NuovaResult> {
  const cats = loadCatalogues(ctx.catalogFiles);
  if (!o.tipo) throw new UsageError('--tipo obbligatorio');
  if (!o.destinatario) throw new UsageError('--destinatario obbligatorio (codice fiscale)');
  const { bando, tipo } = resolveBandoTipo(cats, o.bando, o.tipo);
  const isJc = tipo.attivita.length > 0;
  const fascia = fasciaOf(tipo, o.fascia);
  const lineaOpt = parseLinea(tipo, o.linea);
  const data = actionDate(o.data, ctx.oggi);
  const azienda = o.azienda?.trim() || null;
  if (!azienda && tipoRisultato(tipo) === 'mantenimento') {
    throw new UsageError(`--azienda obbligatoria per ${tipo.codice}: il datore di lavoro presso cui il destinatario è occupato`);
  }
  const destinatario = o.destinatario;

  return store.write(async (r) => {
    const persona = await r.destinatari.find(destinatario);
    if (!persona) {
      const problem = codiceFiscaleProblem(destinatario, ctx.oggi);
      if (problem) throw new RefusedError(problem, [], 'correggi il codice; un destinatario nuovo si registra con "dote destinatario aggiungi --cf … --nome … --cognome …"');
      throw new RefusedError(`destinatario sconosciuto: ${destinatario.trim().toUpperCase()}`, [], 'registralo con "dote destinatario aggiungi --cf … --nome … --cognome …"');
    }

    let id: string | null = null;
    if (isJc) {
      if (!o.id) throw new UsageError(`--id obbligatorio per ${tipo.codice}: il codice OPAL del voucher, es. JC-1-1103/022`);
      id = o.id.trim().toUpperCase();
      if (!OPAL_PATTERN.test(id)) throw new UsageError(`--id: "${o.id}" non è un codice OPAL (es. JC-1-1103/022)`);
    } else if (o.id !== undefined) {
      id = o.id.trim();
      if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(id)) throw new UsageError(`--id: "${o.id}" non valido (lettere, cifre, - / _ .)`);
    }

    if (id !== null) {
      const existing = await r.doti.find(id);
      if (existing) throw new RefusedError(`esiste già una dote con id ${id}`);
    }
    // Activation opens with the bando and never after its end (Cremona, "LE SCADENZE").
    const what = isJc ? 'notifica della richiesta' : 'attivazione';
    if (data < bando.inizio) throw new RefusedError(`${what} il ${formatDateIt(data)}: prima dell'apertura del bando ${bando.id} (${formatDateIt(bando.inizio)})`);
    if (data > bando.fine) throw new RefusedError(`${what} il ${formatDateIt(data)}: dopo la fine del bando ${bando.id} (${formatDateIt(bando.fine)})`);

    const others = await otherDoti(r, cats, persona.id, ctx.oggi);
    const misure = await r.destinatari.misureEsterne(persona.id);
    const findings: Finding[] = [];
    const oneActive = settingOf(bando, doteOneActive.id);
    if (oneActive) {
      const altre: AltraDote[] = others.map((d) => ({
        id: d.row.id,
        tipo: d.row.tipo,
        statoEffettivo: d.stato.stato,
        inizio: d.row.data_attivazione ?? d.row.data_ammissione ?? d.row.data_richiesta,
        data_conclusione: d.row.data_conclusione ?? (d.stato.stato === STATO.CONCLUSA ? d.row.data_fine : null),
        data_fine: d.row.data_fine,
      }));
      findings.push(...doteOneActive.check({ cf: persona.cf, data, doti: altre, misure }, oneActive.severita));
    }
    const elig = settingOf(bando, doteEligibility.id);
    const precedenti: DotePrecedente[] = others.map((d) => ({
      id: d.row.id,
      tipo: d.tipo,
      azienda: d.row.azienda,
      statoEffettivo: d.stato.stato,
      risultatoRaggiunto: d.row.risultato_raggiunto,
    }));
    const e = doteEligibility.check(
      { persona: personaOf(persona), tipo, fascia, linea: lineaOpt, azienda, data, precedenti, misure, ente: await r.registry.ente() },
      elig?.severita ?? 'warning',
    );
    if (elig) findings.push(...e.findings);
    const avvisi = refuseOnErrors(findings, `nuova dote ${tipo.codice} per ${persona.cf}`);

    await persistAutomaticStates(r, cats, persona.id, ctx.oggi, ctx.operatore);
    if (id === null) {
      const prefix = prefissoId(bando.id, data);
      id = nextId(prefix, await r.doti.idsWithPrefix(prefix));
    }
    const now = new Date().toISOString();
    const row: DoteRow = {
      id,
      bando: bando.id,
      tipo: tipo.codice,
      destinatario_id: persona.id,
      fascia,
      linea: isJc ? null : e.linea,
      azienda,
      stato: isJc ? STATO.PROPOSTA : STATO.ATTIVA,
      data_richiesta: data,
      data_notifica: isJc ? data : null,
      data_ammissione: null,
      data_rifiuto: null,
      motivo_rifiuto: null,
      data_attivazione: isJc ? null : data,
      data_invio_pip: null,
      data_validazione_pip: null,
      data_conclusione: null,
      data_fine: isJc ? null : dataFineDote(bando, fascia, data, null),
      risultato_raggiunto: null,
      creata_il: now,
    };
    await r.doti.insert(row);
    await r.storia.record({ doteId: id, entita: 'dote', entitaId: id, azione: 'nuova', operatore: ctx.operatore, dopo: row });
    const attivita = tipo.attivita.map((a) => ({ servizio: a.servizio, minuti: a.ore }));
    for (const a of attivita) {
      await r.erogazioni.insertAttivita({ doteId: id, servizio: a.servizio, minuti: a.minuti, stato: 'PROPOSTA' });
      await r.storia.record({ doteId: id, entita: 'attivita', entitaId: a.servizio, azione: 'nuova', operatore: ctx.operatore, dopo: { ...a, stato: 'PROPOSTA' } });
    }
    const loaded = await describeDote(r, cats, row, ctx.oggi);
    const next = scadenzeAperte(doteDeadline.scadenze(bando, await doteDates(r, loaded), ctx.oggi)).find((s) => s.id !== 'fine');
    return {
      dote: row,
      destinatario: { cf: persona.cf, nome: persona.nome, cognome: persona.cognome },
      categoriePrioritarie: e.categorie,
      avvisi,
      attivita,
      prossimaScadenza: next ? { descrizione: next.descrizione, entro: next.entro } : null,
    };
  });
}

/** Actions a dote allows in each state, for the state-machine messages. */
export function azioniDote(stato: string): string[] {
  switch (stato) {
    case STATO.PROPOSTA:
      return ['ammetti', 'rifiuta'];
    case STATO.AMMESSA:
      return ['concludi'];
    case STATO.ATTIVA:
      return ['pip imposta', 'pip varia', 'pip invia', 'pip valida', 'concludi'];
    default:
      return [];
  }
}

/**
 * Admission and refusal are allowed while the request is PROPOSTA and within the bando's days of
 * the CPI's notification (Job Coach manual, 2: "entro 7 giorni dalla notifica della richiesta
 * da parte del CPI, pena la cancellazione automatica"). The date is --data (an answer given on an
 * earlier day, recorded before the deadline) or today; past the deadline nothing reopens it.
 */
function admissionWindow(d: LoadedDote, data: string, action: 'ammetti' | 'rifiuta'): void {
  const { row, bando } = d;
  const verb = action === 'ammetti' ? "l'ammissione" : 'il rifiuto';
  const answer = action === 'ammetti' ? 'ammetterla' : 'rifiutarla';
  const notifica = row.data_notifica ?? row.data_richiesta;
  const termine = termineAmmissione(bando, notifica);
  // Past the deadline (by --oggi) the request shows as CANCELLATA and stays so: an earlier --data
  // does not reopen it (issue 2: "after which the request shows as CANCELLATA and admission is
  // refused"). --data records an answer given in time on an earlier day, within the deadline.
  const cancelled = d.stato.stato === STATO.CANCELLATA || row.stato === STATO.CANCELLATA || (row.stato === STATO.PROPOSTA && termine !== null && data > termine);
  if (cancelled && termine) {
    throw new RefusedError(
      `richiesta ${row.id} CANCELLATA: non si può più ${answer}, la risposta andava data entro il ${formatDateIt(termine)}, ${giorniAmmissione(bando)} giorni dalla notifica del ${formatDateIt(notifica)} (manuale Job Coach, 2)`,
      [finding(doteDeadline, 'error', { messageId: 'ammissioneScaduta', data: { termine } })],
    );
  }
  if (row.stato !== STATO.PROPOSTA) {
    throw new TransitionNotAllowed(`la richiesta ${row.id}`, d.stato.stato, action, azioniDote(d.stato.stato));
  }
  if (data < notifica) throw new RefusedError(`${verb} il ${formatDateIt(data)} precede la notifica della richiesta (${formatDateIt(notifica)})`);
}

export interface TransitionResult {
  dote: DoteRow;
  prima: Partial<DoteRow>;
}

/** `dote ammetti ID [--data D]`: PROPOSTA → AMMESSO AL SERVIZIO; the voucher runs to the bando's end. */
export async function ammettiDote(store: Store, ctx: DoteCtx, id: string, o: { data?: string }): Promise<TransitionResult> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const data = actionDate(o.data, ctx.oggi);
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    admissionWindow(d, data, 'ammetti');
    const prima = { stato: d.row.stato, data_ammissione: d.row.data_ammissione, data_fine: d.row.data_fine };
    const dopo = { stato: STATO.AMMESSA, data_ammissione: data, data_fine: dataFineDote(d.bando, d.row.fascia, data, null) };
    await r.doti.update(d.row.id, dopo);
    await r.storia.record({ doteId: d.row.id, entita: 'dote', entitaId: d.row.id, azione: 'ammetti', operatore: ctx.operatore, prima, dopo });
    return { dote: { ...d.row, ...dopo }, prima };
  });
}

/** `dote rifiuta ID --motivo "…" [--data D]`: PROPOSTA → RIFIUTATA, with the reason (Job Coach manual, 2). */
export async function rifiutaDote(store: Store, ctx: DoteCtx, id: string, o: { motivo: string; data?: string }): Promise<TransitionResult> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const motivo = o.motivo;
  const data = actionDate(o.data, ctx.oggi);
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    admissionWindow(d, data, 'rifiuta');
    const prima = { stato: d.row.stato, data_rifiuto: d.row.data_rifiuto, motivo_rifiuto: d.row.motivo_rifiuto };
    const dopo = { stato: STATO.RIFIUTATA, data_rifiuto: data, motivo_rifiuto: motivo };
    await r.doti.update(d.row.id, dopo);
    await r.storia.record({ doteId: d.row.id, entita: 'dote', entitaId: d.row.id, azione: 'rifiuta', operatore: ctx.operatore, prima, dopo });
    return { dote: { ...d.row, ...dopo }, prima };
  });
}

export interface ConcludiResult {
  dote: DoteRow;
  /** Job Coach: activities concluded now, and those left with no delivered hours. */
  attivitaTerminate: string[];
  attivitaSenzaOre: string[];
}


/**
 * `dote concludi ID [--data D]`: the dote is closed (CONCLUSA). Refused while a delivery is still
 * open (INSERITA, PROGRAMMATA, AVVIATA: README "La domanda di liquidazione"), before a
 * delivery already EROGATA, or after the dote's end. Job Coach: every activity with at least one
 * EROGATA delivery becomes TERMINATA (manual, 3.3: "è sufficiente che ne sia stata effettuata
 * una"); activities with none are reported and stay as they are.
 */
export async function concludiDote(store: Store, ctx: DoteCtx, id: string, o: { data?: string }): Promise<ConcludiResult> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const data = actionDate(o.data, ctx.oggi);
  return store.write(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    const { row } = d;
    if (row.stato !== STATO.ATTIVA && row.stato !== STATO.AMMESSA) {
      throw new TransitionNotAllowed(`la dote ${row.id}`, d.stato.stato, 'concludi', azioniDote(d.stato.stato));
    }
    const inizio = row.data_attivazione ?? row.data_ammissione!;
    if (data < inizio) throw new RefusedError(`conclusione il ${formatDateIt(data)}: prima dell'inizio della dote (${formatDateIt(inizio)})`);
    if (row.data_fine && data > row.data_fine) {
      throw new RefusedError(`conclusione il ${formatDateIt(data)}: dopo la fine della dote (${formatDateIt(row.data_fine)})`, [], `indica --data entro il ${formatDateIt(row.data_fine)}`);
    }
    const open = await r.doti.openDeliveries(row.id);
    if (open.length) {
      const list = open.map((e) => `${e.id} ${formatDateIt(e.data)} ${e.servizio} ${e.stato}`).join(', ');
      throw new RefusedError(`la dote ${row.id} ha ${open.length} erogazion${open.length === 1 ? 'e' : 'i'} ancora apert${open.length === 1 ? 'a' : 'e'}: ${list}`, [], 'concludile, annullale o chiudile negativamente prima');
    }
    const last = await r.doti.lastDeliveredDate(row.id);
    if (last && last > data) {
      throw new RefusedError(`conclusione il ${formatDateIt(data)}: c'è un'erogazione EROGATA il ${formatDateIt(last)}, dopo`);
    }
    const terminate: string[] = [];
    const senzaOre: string[] = [];
    for (const a of await r.erogazioni.attivitaOf(row.id)) {
      if (a.stato === 'TERMINATA') continue;
      const n = await r.erogazioni.countByState(row.id, a.servizio, 'EROGATA');
      if (n === 0) {
        senzaOre.push(a.servizio);
        continue;
      }
      await terminaAttivita(r, { doteId: row.id, servizio: a.servizio, stato: a.stato, erogate: n, data, operatore: ctx.operatore });
      terminate.push(a.servizio);
    }
    const prima = { stato: row.stato, data_conclusione: row.data_conclusione };
    const dopo = { stato: STATO.CONCLUSA, data_conclusione: data };
    await r.doti.update(row.id, dopo);
    await r.storia.record({ doteId: row.id, entita: 'dote', entitaId: row.id, azione: 'concludi', operatore: ctx.operatore, prima, dopo });
    return { dote: { ...row, ...dopo }, attivitaTerminate: terminate, attivitaSenzaOre: senzaOre };
  });
}

/**
 * Required options that are missing, as option names: --tipo and --destinatario always, then by
 * type --fascia (Cremona), --azienda (mantenimento), --id (Job Coach). An unknown type or bando is
 * left to nuovaDote, which names it.
 */
export function missingNuovaOptions(catalogFiles: readonly string[], o: NuovaOptions): string[] {
  const missing: string[] = [];
  if (!o.tipo) missing.push('--tipo');
  if (!o.destinatario) missing.push('--destinatario');
  if (!o.tipo) return missing;
  const cats = loadCatalogues(catalogFiles);
  const bando = o.bando ? cats.find(o.bando) : cats.bandoOfTipo(o.tipo.trim().toUpperCase());
  const tipo = bando?.tipi.find((t) => t.codice === o.tipo!.trim().toUpperCase());
  if (!tipo) return missing;
  if (tipo.fasce.length && o.fascia === undefined) missing.push('--fascia');
  if (tipoRisultato(tipo) === 'mantenimento' && !o.azienda) missing.push('--azienda');
  if (tipo.attivita.length && !o.id) missing.push('--id');
  return missing;
}
