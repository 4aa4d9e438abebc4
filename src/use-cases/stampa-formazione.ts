/**
 * Training (Cremona QF0, QF0-COV: services marked `formazione` in the catalogue) as values, for
 * two documents: the registro formativo e delle presenze (Cremona, "Registro formativo e delle
 * presenze": per session its date, times, teacher, mode, and every participant with a signature
 * cell) and the notice to the Collocamento Disabili of the training's start date and mode, with
 * the guest access for distance training (Cremona, "Realizzazione del PIP").
 *
 * The comune of "[Comune], lì" is the sessions' sede's, else that of the dote's other deliveries.
 *
 * The registro holds the sessions that took place (EROGATA); the notice the first training
 * session still live (planned or held). A group session's participants are the live deliveries
 * of the same session (`sessione`) in every dote.
 */
import type { Store } from '../db/store.js';
import { loadCatalogues, servizioOf } from '../bandi/load.js';
import type { Modalita } from '../bandi/schema.js';
import { RefusedError } from '../errors.js';
import { loadDote, type DoteCtx } from './dote-load.js';
import { enteIntestazione, type EnteIntestazione } from './stampa-registro.js';

export interface Partecipante {
  dote: string;
  cognome: string;
  nome: string;
  cf: string;
}

export interface SessioneFormazione {
  id: number;
  data: string;
  inizio: number;
  fine: number;
  servizio: string;
  servizioNome: string;
  docente: string;
  docenteEnte: string | null;
  modalita: Modalita;
  collettiva: boolean;
  sede: string | null;
  stato: string;
  descrizione: string | null;
  partecipanti: Partecipante[];
}

export interface FormazioneData {
  ente: EnteIntestazione | null;
  bando: { id: string; titolo: string; riferimento: string };
  dote: { id: string; tipo: string; tipoNome: string; fascia: number | null };
  destinatario: { cognome: string; nome: string; cf: string };
  sessioni: SessioneFormazione[];
  /** The comune of the sessions' sede (or the only sede). */
  comune: string | null;
}

const NOT_LIVE = new Set(['ANNULLATA', 'CHIUSA NEGATIVAMENTE']);

export async function formazioneData(store: Store, ctx: DoteCtx, id: string, o: { soloErogate: boolean }): Promise<FormazioneData> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.read(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    const all = await r.erogazioni.ofDote(d.row.id);
    const training = all.filter((e) => servizioOf(d.bando, e.servizio)?.formazione && (o.soloErogate ? e.stato === 'EROGATA' : !NOT_LIVE.has(e.stato)));
    if (!training.length) {
      const codes = d.bando.servizi.filter((s) => s.formazione).map((s) => s.codice);
      throw new RefusedError(
        `la dote ${d.row.id} non ha sessioni di formazione ${o.soloErogate ? 'EROGATA' : 'programmate o svolte'}` + (codes.length ? ` (${codes.join(', ')})` : ' (il bando non prevede formazione)'),
      );
    }
    const sessioni: SessioneFormazione[] = [];
    for (const e of training) {
      const group = e.sessione ? await r.erogazioni.liveOfSession(e.sessione) : [e];
      const partecipanti: Partecipante[] = [];
      for (const g of group) {
        const p = await r.destinatari.find(g.cf);
        partecipanti.push({ dote: g.dote_id, cognome: p?.cognome ?? '', nome: p?.nome ?? '', cf: g.cf });
      }
      const prof = await r.registry.findProfessionista(e.prof_codice);
      sessioni.push({
        id: e.id,
        data: e.data,
        inizio: e.inizio,
        fine: e.fine,
        servizio: e.servizio,
        servizioNome: servizioOf(d.bando, e.servizio)?.nome ?? e.servizio,
        docente: e.prof_nome,
        docenteEnte: prof?.ente ?? null,
        modalita: e.modalita,
        collettiva: e.collettiva === 1,
        sede: e.sede_nome,
        stato: e.stato,
        descrizione: e.descrizione,
        partecipanti,
      });
    }
    // The sessions' sede, else the sede of the dote's other deliveries, else the only one.
    const sedeNome = sessioni.find((s) => s.sede)?.sede ?? all.find((e) => e.sede_nome)?.sede_nome ?? undefined;
    const sedi = await r.registry.listSedi();
    const sede = sedeNome ? await r.registry.findSede(sedeNome) : sedi.length === 1 ? sedi[0] : undefined;
    return {
      ente: await enteIntestazione(r),
      bando: { id: d.bando.id, titolo: d.bando.titolo, riferimento: d.bando.riferimentoNormativo },
      dote: { id: d.row.id, tipo: d.tipo.codice, tipoNome: d.tipo.nome, fascia: d.row.fascia },
      destinatario: { cognome: d.persona.cognome, nome: d.persona.nome, cf: d.persona.cf },
      sessioni,
      comune: sede?.comune ?? null,
    };
  });
}
