/**
 * A professional's monthly timesheet (Cremona, allegato 011), as values: one row per entry in
 * chronological order with the dote and the service each hour belongs to, daily and monthly
 * totals, and the reconciliation with the calendar.
 *
 * Source: the timesheet rows imported for that month (`dote importa --timesheet`); for a
 * professional with none, their EROGATA deliveries across all doti, and the document says which.
 * The reconciliation at the foot compares, per dote and service, the timesheet's minutes with the
 * calendar's (EROGATA deliveries of the same professional and month) and lists every difference;
 * it is a totals-level check (row-by-row matching is `dote verifica`'s). Built from the
 * deliveries, the timesheet is the calendar, and the document says so instead.
 */
import type { Store } from '../db/store.js';
import { loadCatalogues, servizioOf } from '../bandi/load.js';
import { RefusedError } from '../errors.js';
import { daysInMonth } from '../domain/dates.js';
import { enteIntestazione, type EnteIntestazione } from './stampa-registro.js';
import type { DoteCtx } from './dote-load.js';

export interface RigaTimesheet {
  data: string;
  inizio: number;
  fine: number;
  minuti: number;
  dote: string;
  servizio: string;
  servizioNome: string;
  collettiva: boolean;
  descrizione: string | null;
}

export interface Riconciliazione {
  dote: string;
  servizio: string;
  timesheetMinuti: number;
  calendarioMinuti: number;
}

export interface TimesheetData {
  ente: EnteIntestazione | null;
  professionista: { codice: string; nome: string; ruolo: string | null; ente: string | null };
  /** `YYYY-MM`. */
  mese: string;
  fonte: 'timesheet' | 'erogazioni';
  righe: RigaTimesheet[];
  giorni: { data: string; minuti: number }[];
  totaleMinuti: number;
  /** Per dote and service; null when the timesheet is built from the deliveries themselves. */
  riconciliazione: Riconciliazione[] | null;
}

const MESI = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

/** `2022-03` → `marzo 2022`. */
export function meseIt(mese: string): string {
  return `${MESI[+mese.slice(5, 7) - 1]} ${mese.slice(0, 4)}`;
}

export async function timesheetData(store: Store, ctx: DoteCtx, o: { professionista: string; mese: string }): Promise<TimesheetData> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const y = +o.mese.slice(0, 4), m = +o.mese.slice(5, 7);
  const from = `${o.mese}-01`;
  const to = `${o.mese}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  return store.read(async (r) => {
    const prof = await r.registry.findProfessionista(o.professionista);
    if (!prof) throw new RefusedError(`professionista sconosciuto: ${o.professionista}`, [], 'vedi "dote professionista elenco"');
    const imported = await r.erogazioni.timesheetOfProfessionalBetween(prof.id, from, to);
    const delivered = await r.erogazioni.deliveredOfProfessionalBetween(prof.id, from, to);
    if (!imported.length && !delivered.length) {
      throw new RefusedError(`${prof.nome} (${prof.codice}) non ha ore in ${meseIt(o.mese)}: né righe di timesheet importate né erogazioni EROGATA`);
    }
    const names = new Map<string, string>();
    const serviceName = async (dote: string, servizio: string) => {
      const k = `${dote}\u0000${servizio}`;
      if (!names.has(k)) {
        const row = await r.doti.find(dote);
        const bando = row ? cats.find(row.bando) : undefined;
        names.set(k, (bando && servizioOf(bando, servizio)?.nome) ?? servizio);
      }
      return names.get(k)!;
    };
    const fonte = imported.length ? 'timesheet' : 'erogazioni';
    const source = imported.length ? imported : delivered;
    const righe: RigaTimesheet[] = [];
    for (const x of source) {
      righe.push({
        data: x.data,
        inizio: x.inizio,
        fine: x.fine,
        minuti: x.fine - x.inizio,
        dote: x.dote_id,
        servizio: x.servizio,
        servizioNome: await serviceName(x.dote_id, x.servizio),
        collettiva: x.collettiva === 1,
        descrizione: x.descrizione,
      });
    }
    const byDay = new Map<string, number>();
    for (const x of righe) byDay.set(x.data, (byDay.get(x.data) ?? 0) + x.minuti);

    let riconciliazione: Riconciliazione[] | null = null;
    if (fonte === 'timesheet') {
      const key = (d: string, s: string) => `${d}\u0000${s}`;
      const map = new Map<string, Riconciliazione>();
      const at = (d: string, s: string) => {
        const k = key(d, s);
        if (!map.has(k)) map.set(k, { dote: d, servizio: s, timesheetMinuti: 0, calendarioMinuti: 0 });
        return map.get(k)!;
      };
      for (const x of imported) at(x.dote_id, x.servizio).timesheetMinuti += x.fine - x.inizio;
      for (const x of delivered) at(x.dote_id, x.servizio).calendarioMinuti += x.fine - x.inizio;
      riconciliazione = [...map.values()].sort((a, b) => a.dote.localeCompare(b.dote) || a.servizio.localeCompare(b.servizio));
    }
    return {
      ente: await enteIntestazione(r),
      professionista: { codice: prof.codice, nome: prof.nome, ruolo: prof.ruolo, ente: prof.ente },
      mese: o.mese,
      fonte,
      righe,
      giorni: [...byDay].map(([data, minuti]) => ({ data, minuti })),
      totaleMinuti: righe.reduce((s, x) => s + x.minuti, 0),
      riconciliazione,
    };
  });
}
