/**
 * The registro attività of a dote, as values: what `dote stampa registro` prints. Only EROGATA
 * deliveries (what took place), in date and time order.
 *
 * Job Coach manual, 3.2 "Erogazione delle attività": for each activity delivered its date, start
 * and end time and a short description, signed by the coach and the destinatario (voucher holder
 * or company referent); the outputs carry the drafting date, the legal reference of the avviso
 * and the destinatario (Id voucher, nome, cognome, CF). Cremona: the same register from the
 * calendar; training (services marked `formazione` in the catalogue: QF0, QF0-COV) is not in the
 * calendar but in the registro formativo e delle presenze, so it is left out and the document
 * says so.
 */
import type { Store } from '../db/store.js';
import { loadCatalogues, servizioOf } from '../bandi/load.js';
import { RefusedError } from '../errors.js';
import { loadDote, type DoteCtx } from './dote-load.js';

export interface EnteIntestazione {
  nome: string;
  codice: string | null;
  indirizzo: string | null;
  pec: string | null;
  logo: string | null;
  rappresentante: string | null;
}

export interface RigaRegistro {
  id: number;
  data: string;
  /** Minutes since midnight. */
  inizio: number;
  fine: number;
  minuti: number;
  servizio: string;
  servizioNome: string;
  descrizione: string | null;
  professionista: string;
  collettiva: boolean;
}

export interface TotaleAttivita {
  servizio: string;
  nome: string;
  erogazioni: number;
  minuti: number;
  /** Job Coach: the activity's agreed minutes. */
  previstiMinuti: number | null;
}

export interface RegistroData {
  ente: EnteIntestazione | null;
  bando: { id: string; titolo: string; riferimento: string };
  jobCoach: boolean;
  dote: { id: string; tipo: string; tipoNome: string };
  destinatario: { nome: string; cognome: string; cf: string };
  righe: RigaRegistro[];
  totali: TotaleAttivita[];
  totaleMinuti: number;
  /** Training services delivered and left out (they are in the registro formativo). */
  formazioneEsclusa: { servizio: string; erogazioni: number }[];
}

export async function enteIntestazione(r: Parameters<Parameters<Store['read']>[0]>[0]): Promise<EnteIntestazione | null> {
  const e = await r.registry.findEnte();
  return e ? { nome: e.nome, codice: e.codice, indirizzo: e.indirizzo, pec: e.pec, logo: e.logo, rappresentante: e.rappresentante_legale } : null;
}

export async function registroData(store: Store, ctx: DoteCtx, id: string): Promise<RegistroData> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.read(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    const jobCoach = d.tipo.attivita.length > 0;
    const erogate = await r.erogazioni.ofDote(d.row.id, 'EROGATA');
    const formazione = new Map<string, number>();
    const righe: RigaRegistro[] = [];
    for (const e of erogate) {
      const s = servizioOf(d.bando, e.servizio);
      if (s?.formazione) {
        formazione.set(e.servizio, (formazione.get(e.servizio) ?? 0) + 1);
        continue;
      }
      righe.push({
        id: e.id,
        data: e.data,
        inizio: e.inizio,
        fine: e.fine,
        minuti: e.fine - e.inizio,
        servizio: e.servizio,
        servizioNome: s?.nome ?? e.servizio,
        descrizione: e.descrizione,
        professionista: e.prof_nome,
        collettiva: e.collettiva === 1,
      });
    }
    const formazioneEsclusa = [...formazione].map(([servizio, erogazioni]) => ({ servizio, erogazioni }));
    if (!righe.length) {
      throw new RefusedError(
        `la dote ${d.row.id} non ha erogazioni EROGATA da riportare nel registro` +
          (formazioneEsclusa.length ? ` (la formazione ${formazioneEsclusa.map((f) => f.servizio).join(', ')} va nel registro formativo)` : ''),
        [],
        'il registro riporta solo le erogazioni avvenute: vedi "dote erogazione elenco ' + d.row.id + '"',
      );
    }
    // Totals per activity in the catalogue's order (Job Coach: the voucher's activities, each
    // with its agreed hours, also those with nothing delivered yet).
    const order = jobCoach ? d.tipo.attivita.map((a) => a.servizio) : d.bando.servizi.map((s) => s.codice);
    const byService = new Map<string, TotaleAttivita>();
    for (const code of jobCoach ? order : []) {
      const a = d.tipo.attivita.find((x) => x.servizio === code)!;
      byService.set(code, { servizio: code, nome: servizioOf(d.bando, code)?.nome ?? code, erogazioni: 0, minuti: 0, previstiMinuti: a.ore });
    }
    for (const riga of righe) {
      const t = byService.get(riga.servizio) ?? { servizio: riga.servizio, nome: riga.servizioNome, erogazioni: 0, minuti: 0, previstiMinuti: null };
      t.erogazioni++;
      t.minuti += riga.minuti;
      byService.set(riga.servizio, t);
    }
    const rank = (c: string) => (order.indexOf(c) < 0 ? order.length : order.indexOf(c));
    const totali = [...byService.values()].sort((a, b) => rank(a.servizio) - rank(b.servizio) || a.servizio.localeCompare(b.servizio));
    return {
      ente: await enteIntestazione(r),
      bando: { id: d.bando.id, titolo: d.bando.titolo, riferimento: d.bando.riferimentoNormativo },
      jobCoach,
      dote: { id: d.row.id, tipo: d.tipo.codice, tipoNome: d.tipo.nome },
      destinatario: { nome: d.persona.nome, cognome: d.persona.cognome, cf: d.persona.cf },
      righe,
      totali,
      totaleMinuti: righe.reduce((s, x) => s + x.minuti, 0),
      formazioneEsclusa,
    };
  });
}
