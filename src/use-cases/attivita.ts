/**
 * `dote attivita …`: the five activities of a Job Coach voucher (Job Coach manual 3.3).
 * PROPOSTA → INIZIATA (first delivery started, see use-cases/erogazione.ts) → TERMINATA by `attivita
 * concludi`, which needs at least one EROGATA delivery and freezes the activity for good.
 * Cremona doti have no activities (their services are planned in the PIP).
 */
import type { Repositories, Store } from '../db/store.js';
import type { DoteRow } from '../db/dote-repository.js';
import { loadCatalogues } from '../bandi/load.js';
import { RefusedError } from '../errors.js';
import { formatDateIt } from '../domain/dates.js';
import { actionDate } from './dote-load.js';
import { concludiAttivita, type StatoAttivita } from '../domain/erogazione-state.js';

export interface AttivitaCtx {
  oggi: string;
  operatore: string;
  catalogFiles: readonly string[];
}

export interface AttivitaView {
  dote: string;
  servizio: string;
  nome: string;
  stato: StatoAttivita;
  oreMinuti: number;
  /** Minutes of EROGATA deliveries, and of deliveries still open (INSERITA, PROGRAMMATA, AVVIATA). */
  erogateMinuti: number;
  aperteMinuti: number;
  erogazioniErogate: number;
  erogazioniAperte: number;
  dataConclusione: string | null;
}

async function loadJcDote(r: Repositories, ctx: AttivitaCtx, id: string): Promise<{ d: DoteRow; nomi: Map<string, string> }> {
  const d = await r.doti.find(id);
  if (!d) throw new RefusedError(`dote sconosciuta: ${id}`, [], 'vedi "dote elenco"');
  const bando = loadCatalogues(ctx.catalogFiles).find(d.bando);
  const tipo = bando?.tipi.find((t) => t.codice === d.tipo);
  const hasRows = await r.erogazioni.hasAttivita(d.id);
  if (!hasRows && !(tipo && tipo.attivita.length)) {
    throw new RefusedError(
      `la dote ${d.id} (${d.bando}, ${d.tipo}) non ha attività: le attività con i loro stati sono solo del Job Coach; i servizi di questa dote sono nel PIP`,
    );
  }
  return { d, nomi: new Map((bando?.servizi ?? []).map((s) => [s.codice, s.nome])) };
}

async function views(r: Repositories, d: DoteRow, nomi: Map<string, string>): Promise<AttivitaView[]> {
  const out: AttivitaView[] = [];
  for (const a of await r.erogazioni.attivitaOf(d.id)) {
    const s = await r.erogazioni.attivitaTotals(d.id, a.servizio);
    out.push({
      dote: d.id,
      servizio: a.servizio,
      nome: nomi.get(a.servizio) ?? a.servizio,
      stato: a.stato,
      oreMinuti: a.minuti,
      erogateMinuti: s.erogate,
      aperteMinuti: s.aperte,
      erogazioniErogate: s.n_erogate,
      erogazioniAperte: s.n_aperte,
      dataConclusione: a.data_conclusione,
    });
  }
  return out;
}

/** `dote attivita elenco ID`. */
export async function elencoAttivita(store: Store, ctx: AttivitaCtx, doteId: string): Promise<AttivitaView[]> {
  return store.read(async (r) => {
    const { d, nomi } = await loadJcDote(r, ctx, doteId);
    return views(r, d, nomi);
  });
}

/**
 * `dote attivita concludi ID SERVIZIO [--data D]`: the activity to TERMINATA.
 *
 * Our choice: refused while a delivery of the activity is still open (INSERITA, PROGRAMMATA,
 * AVVIATA). The manual's screen shows an INSERITA delivery beside the "Concludi" button, and after
 * the conclusion "nessuna operazione potrà più essere effettuata": that delivery could then never
 * be annulled, and an open delivery blocks the conclusion of the dote and its liquidation
 * (the Cremona bando). So the user closes or annuls it first, explicitly, and the audit trail says so.
 */
export async function concludiAttivitaDote(store: Store, ctx: AttivitaCtx, doteId: string, servizioText: string, dataIso?: string): Promise<AttivitaView> {
  return store.write(async (r) => {
    const { d, nomi } = await loadJcDote(r, ctx, doteId);
    const servizio = servizioText.trim().toUpperCase();
    const data = actionDate(dataIso, ctx.oggi);
    const all = await views(r, d, nomi);
    const a = all.find((x) => x.servizio === servizio);
    if (!a) throw new RefusedError(`la dote ${d.id} non ha l'attività ${servizio} (attività: ${all.map((x) => x.servizio).join(', ')})`);
    await terminaAttivita(r, { doteId: d.id, servizio, stato: a.stato, erogate: a.erogazioniErogate, data, operatore: ctx.operatore });
    return (await views(r, d, nomi)).find((x) => x.servizio === servizio)!;
  });
}

/**
 * Concludes one activity: the state rule (concludiAttivita: refused when already TERMINATA or
 * with no EROGATA delivery), no delivery of it still open, the new state and date, and the
 * history entry. Used by `attivita concludi` and by `dote concludi` for each activity it closes.
 * Call it inside the caller's write transaction.
 */
export async function terminaAttivita(
  r: Repositories,
  a: { doteId: string; servizio: string; stato: StatoAttivita; erogate: number; data: string; operatore: string },
): Promise<void> {
  const next = concludiAttivita(a.stato, a.erogate, `L'attività ${a.servizio} della dote ${a.doteId}`);
  const open = await r.erogazioni.apertiOf(a.doteId, a.servizio);
  if (open.length) {
    const list = open.map((e) => `${e.id} del ${formatDateIt(e.data)} (${e.stato})`).join(', ');
    throw new RefusedError(
      `l'attività ${a.servizio} della dote ${a.doteId} ha ${open.length === 1 ? "un'erogazione ancora aperta" : `${open.length} erogazioni ancora aperte`}: ${list}; ` +
        "dopo la conclusione non si potrebbe più cambiarla",
      [],
      `concludila, annullala o chiudila negativamente prima (es. "dote erogazione annulla ${open[0]!.id}")`,
    );
  }
  await r.erogazioni.setAttivitaConclusa(a.doteId, a.servizio, next, a.data);
  await r.storia.record({
    doteId: a.doteId,
    entita: 'attivita',
    entitaId: a.servizio,
    azione: 'concludi',
    operatore: a.operatore,
    // An activity that is not concluded has no conclusion date: before and after hold the same fields.
    prima: { stato: a.stato, data_conclusione: null },
    dopo: { stato: next, data_conclusione: a.data },
  });
}
