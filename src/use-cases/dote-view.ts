/**
 * `dote elenco` and `dote mostra`: what a dote is now. States are shown as time made them (a Job
 * Coach request unanswered past its deadline is CANCELLATA even before anything stores it).
 * Hours and value per service come from the current PIP (Cremona) or the activities (Job Coach)
 * and from the deliveries: programmed = PROGRAMMATA + AVVIATA, delivered = EROGATA, left =
 * planned − delivered − programmed; group deliveries (collettiva) count as group hours.
 */
import { massimaleServizio } from '../domain/massimali.js';
import type { Repositories, Store } from '../db/store.js';
import { loadCatalogues } from '../bandi/load.js';
import type { DoteRow } from '../db/repo/lookup.js';
import type { StatoDote } from '../domain/dote-stati.js';
import { valueOfMinutes } from '../domain/money.js';
import { planValue, risultatoCent, sortPlan } from '../domain/pip.js';
import type { ScadenzaDote } from '../domain/scadenze.js';
import { doteDeadline } from '../rules/dote-deadline.js';
import { describeDote, doteDates, loadDote, type DoteCtx, type LoadedDote } from './dote-load.js';

export interface DoteSummary {
  id: string;
  bando: string;
  tipo: string;
  stato: string;
  /** The state as stored, when time changed it (CANCELLATA / CONCLUSA automatically). */
  statoRegistrato: string;
  statoAutomatico: string | null;
  destinatario: { cf: string; nome: string; cognome: string };
  fascia: number | null;
  linea: string | null;
  azienda: string | null;
  dataRichiesta: string;
  dataInizio: string | null;
  dataFine: string | null;
  dataConclusione: string | null;
  /**
   * False when the dote's bando catalogue is not loaded (a bando loaded with --catalogo when the
   * dote was created): the summary then shows the database row as stored, with no state given by time.
   */
  catalogoCaricato: boolean;
}

/**
 * The summary of a dote's row. `stato` is the state by time (an unanswered request CANCELLATA…)
 * when the bando's catalogue is loaded; without it (`stato` null) the row as stored.
 */
function rowSummary(
  r: DoteRow,
  persona: { cf: string; nome: string; cognome: string },
  stato: { stato: string; automatico: string | null } | null,
): DoteSummary {
  return {
    id: r.id,
    bando: r.bando,
    tipo: r.tipo,
    stato: stato?.stato ?? r.stato,
    statoRegistrato: r.stato,
    statoAutomatico: stato?.automatico ?? null,
    destinatario: { cf: persona.cf, nome: persona.nome, cognome: persona.cognome },
    fascia: r.fascia,
    linea: r.linea,
    azienda: r.azienda,
    dataRichiesta: r.data_richiesta,
    dataInizio: r.data_attivazione ?? r.data_ammissione,
    dataFine: r.data_fine,
    dataConclusione: r.data_conclusione,
    catalogoCaricato: stato !== null,
  };
}

function summary(d: LoadedDote): DoteSummary {
  return rowSummary(d.row, d.persona, d.stato);
}

/** What the database alone says of a dote whose bando is not loaded. */
async function storedSummary(r: Repositories, row: DoteRow): Promise<DoteSummary> {
  const p = (await r.destinatari.findById(row.destinatario_id))!;
  return rowSummary(row, p, null);
}


/**
 * Every dote in the database. A dote whose bando catalogue is not loaded is listed all the same,
 * as its row stores it (catalogoCaricato false): leaving it out would hide it from the operator.
 * `--bando` of a bando not loaded is accepted when the database has doti of it.
 */
export async function elencoDoti(store: Store, ctx: DoteCtx, o: { bando?: string; stato?: StatoDote }): Promise<DoteSummary[]> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const stato = o.stato;
  return store.read(async (r) => {
    const rows = await r.doti.list(o.bando ? { bando: o.bando } : {});
    if (o.bando && !rows.length) cats.get(o.bando);
    const list: DoteSummary[] = [];
    for (const row of rows) list.push(cats.find(row.bando) ? summary(await describeDote(r, cats, row, ctx.oggi)) : await storedSummary(r, row));
    return list.filter((s) => stato === undefined || s.stato === stato);
  });
}

export interface RigaServizio {
  servizio: string;
  nome: string;
  modalita: 'individuale' | 'collettiva';
  /** Job Coach activity state. */
  statoAttivita: string | null;
  tariffaCent: number;
  pianificatiMinuti: number;
  inseritiMinuti: number;
  programmatiMinuti: number;
  erogatiMinuti: number;
  /** Planned (or, before a Cremona PIP, the fascia's cap) minus programmed and delivered. */
  residuiMinuti: number;
  valorePianificatoCent: number;
  valoreErogatoCent: number;
}

export interface DoteDetail extends DoteSummary {
  bandoTitolo: string;
  tipoNome: string;
  famiglia: string;
  date: {
    richiesta: string;
    notifica: string | null;
    ammissione: string | null;
    rifiuto: string | null;
    attivazione: string | null;
    invioPip: string | null;
    validazionePip: string | null;
    fine: string | null;
    conclusione: string | null;
  };
  motivoRifiuto: string | null;
  pip: null | {
    versioneCorrente: number;
    versioni: { versione: number; data: string; motivo: string | null; valoreCent: number; voci: { servizio: string; minutiIndividuali: number; minutiCollettivi: number }[] }[];
  };
  servizi: RigaServizio[];
  /** The liquidation request made for the dote (`dote liquidazione prepara`), if any. */
  liquidazione: { data: string; importoCent: number | null; cartella: string; file: number } | null;
  totali: { pianificatiMinuti: number; programmatiMinuti: number; erogatiMinuti: number; residuiMinuti: number; valorePianificatoCent: number; valoreErogatoCent: number };
  risultato: null | { nome: string; importoCent: number | null; raggiunto: boolean | null };
  scadenze: ScadenzaDote[];
}

export async function mostraDote(store: Store, ctx: DoteCtx, id: string): Promise<DoteDetail> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.read((repos) => detailOf(repos, cats, ctx, id));
}

async function richiesta(repos: Repositories, doteId: string): Promise<DoteDetail['liquidazione']> {
  const q = await repos.liquidazioni.richiestaOf(doteId);
  if (!q) return null;
  // Every PDF of the packet, the index too (SHA256SUMS is not recorded).
  const file = (await repos.liquidazioni.fileOf(q.id)).length;
  return { data: q.data, importoCent: q.importo_cent, cartella: q.cartella, file };
}

async function detailOf(repos: Repositories, cats: ReturnType<typeof loadCatalogues>, ctx: DoteCtx, id: string): Promise<DoteDetail> {
  const d = await loadDote(repos, cats, id, ctx.oggi);
  const r = d.row;
  const versions = await repos.doti.pipVersions(r.id);
  const current = versions.at(-1);
  const planned = new Map<string, { individuale: number; collettiva: number; stato: string | null }>();
  const acts = await repos.erogazioni.attivitaOf(r.id);
  for (const a of acts) planned.set(a.servizio, { individuale: a.minuti, collettiva: 0, stato: a.stato });
  if (current) for (const v of sortPlan(d.bando, current.voci)) planned.set(v.servizio, { individuale: v.minutiIndividuali, collettiva: v.minutiCollettivi, stato: null });

  const deliveries = await repos.doti.minutesByState(r.id);
  const senzaPip = !current && !acts.length;
  const codes = [...planned.keys()];
  for (const e of deliveries) if (!codes.includes(e.servizio)) codes.push(e.servizio);
  const servizi: RigaServizio[] = [];
  for (const code of codes) {
    const s = d.bando.servizi.find((x) => x.codice === code);
    const p = planned.get(code);
    for (const modalita of ['individuale', 'collettiva'] as const) {
      const coll = modalita === 'collettiva' ? 1 : 0;
      const sum = (states: string[]) => deliveries.filter((e) => e.servizio === code && e.collettiva === coll && states.includes(e.stato)).reduce((a, e) => a + e.minuti, 0);
      const pianificati = p ? (coll ? p.collettiva : p.individuale) : 0;
      // Before the PIP (Cremona) programming counts against the fascia's cap, and so does what is
      // left: the residue is the cap's, not a negative number against an empty plan.
      const massimale = massimaleServizio(d.bando, code, r.fascia);
      const limite = senzaPip ? ((coll ? massimale?.collettiva : massimale?.individuale) ?? 0) : pianificati;
      const inseriti = sum(['INSERITA']);
      const programmati = sum(['PROGRAMMATA', 'AVVIATA']);
      const erogati = sum(['EROGATA']);
      if (!pianificati && !inseriti && !programmati && !erogati) continue;
      const tariffa = (coll ? s?.tariffa.collettiva : s?.tariffa.individuale) ?? 0;
      servizi.push({
        servizio: code,
        nome: s?.nome ?? '(servizio sconosciuto)',
        modalita,
        statoAttivita: p?.stato ?? null,
        tariffaCent: tariffa,
        pianificatiMinuti: pianificati,
        inseritiMinuti: inseriti,
        programmatiMinuti: programmati,
        erogatiMinuti: erogati,
        residuiMinuti: limite - erogati - programmati,
        valorePianificatoCent: valueOfMinutes(tariffa, pianificati),
        valoreErogatoCent: valueOfMinutes(tariffa, erogati),
      });
    }
  }
  const tot = (k: keyof RigaServizio) => servizi.reduce((a, x) => a + (x[k] as number), 0);
  const ris = d.tipo.risultato;
  return {
    ...summary(d),
    bandoTitolo: d.bando.titolo,
    tipoNome: d.tipo.nome,
    famiglia: d.tipo.famiglia,
    date: {
      richiesta: r.data_richiesta,
      notifica: r.data_notifica,
      ammissione: r.data_ammissione,
      rifiuto: r.data_rifiuto,
      attivazione: r.data_attivazione,
      invioPip: r.data_invio_pip,
      validazionePip: r.data_validazione_pip,
      fine: r.data_fine,
      conclusione: r.data_conclusione,
    },
    motivoRifiuto: r.motivo_rifiuto,
    pip: current
      ? {
          versioneCorrente: current.versione,
          versioni: versions.map((v) => ({ versione: v.versione, data: v.data, motivo: v.motivo, valoreCent: planValue(d.bando, v.voci).totaleCent, voci: sortPlan(d.bando, v.voci) })),
        }
      : null,
    servizi,
    totali: {
      pianificatiMinuti: tot('pianificatiMinuti'),
      programmatiMinuti: tot('programmatiMinuti'),
      erogatiMinuti: tot('erogatiMinuti'),
      residuiMinuti: tot('residuiMinuti'),
      valorePianificatoCent: tot('valorePianificatoCent'),
      valoreErogatoCent: tot('valoreErogatoCent'),
    },
    risultato: ris ? { nome: ris.nome, importoCent: risultatoCent(d.tipo, r.fascia), raggiunto: r.risultato_raggiunto === null ? null : r.risultato_raggiunto === 1 } : null,
    scadenze: doteDeadline.scadenze(d.bando, await doteDates(repos, d), ctx.oggi),
    liquidazione: await richiesta(repos, r.id),
  };
}
