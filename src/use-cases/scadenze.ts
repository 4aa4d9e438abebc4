/**
 * `dote scadenze [--entro N]`: the deadlines still to meet, across every dote that is not
 * finished, soonest first; overdue ones always shown. The rule dote/deadline computes them from
 * the bando's data; refused and cancelled requests have none. Deadlines met late are not listed
 * (nothing is left to do; `dote mostra` shows them as NON RISPETTATA). A dote whose bando
 * catalogue is not loaded cannot have its deadlines computed: it is named, never dropped silently.
 */
import type { Store } from '../db/store.js';
import { loadCatalogues } from '../bandi/load.js';
import { STATO } from '../domain/dote-stati.js';
import { compareCodeUnits, scadenzeAperte, type ScadenzaDote } from '../domain/scadenze.js';
import { settingOf } from '../rules/engine.js';
import { doteDeadline } from '../rules/dote-deadline.js';
import { describeDote, doteDates, type DoteCtx } from './dote-load.js';

export interface ScadenzaView extends ScadenzaDote {
  bando: string;
  tipo: string;
  statoDote: string;
  destinatario: { cf: string; nome: string; cognome: string };
  /** dote/deadline's severity in the bando. */
  severita: 'error' | 'warning';
}

/** A dote whose deadlines could not be computed because its bando's catalogue is not loaded. */
export interface DoteNonCalcolata {
  doteId: string;
  bando: string;
  tipo: string;
  /** The state as stored in the database. */
  statoRegistrato: string;
  destinatario: { cf: string; nome: string; cognome: string };
}

export interface ScadenzeResult {
  oggi: string;
  entro: number | null;
  scadenze: ScadenzaView[];
  riepilogo: { totale: number; scadute: number };
  /** Doti whose deadlines are unknown: their bando catalogue is not loaded (load it with --catalogo FILE). */
  nonCalcolate: DoteNonCalcolata[];
}

/** `entro`: only the deadlines due within that many days (and every one passed). */
export async function scadenzeView(store: Store, ctx: DoteCtx, o: { entro?: number }): Promise<ScadenzeResult> {
  const cats = loadCatalogues(ctx.catalogFiles);
  const entro = o.entro ?? null;
  const out: ScadenzaView[] = [];
  const nonCalcolate: DoteNonCalcolata[] = [];
  await store.read(async (repos) => {
    for (const r of await repos.doti.list({ order: 'id' })) {
      const bando = cats.find(r.bando);
      if (!bando) {
        // Without the catalogue only the stored state is known: refused and cancelled requests
        // have no deadlines in any bando, every other dote may have some.
        if (r.stato === STATO.RIFIUTATA || r.stato === STATO.CANCELLATA) continue;
        const p = (await repos.destinatari.findById(r.destinatario_id))!;
        nonCalcolate.push({ doteId: r.id, bando: r.bando, tipo: r.tipo, statoRegistrato: r.stato, destinatario: { cf: p.cf, nome: p.nome, cognome: p.cognome } });
        continue;
      }
      const setting = settingOf(bando, doteDeadline.id);
      if (!setting) continue;
      const d = await describeDote(repos, cats, r, ctx.oggi);
      if (d.stato.stato === STATO.RIFIUTATA || d.stato.stato === STATO.CANCELLATA) continue;
      for (const s of scadenzeAperte(doteDeadline.scadenze(bando, await doteDates(repos, d), ctx.oggi))) {
        if (entro !== null && s.giorniMancanti > entro) continue;
        out.push({
          ...s,
          bando: r.bando,
          tipo: r.tipo,
          statoDote: d.stato.stato,
          destinatario: { cf: d.persona.cf, nome: d.persona.nome, cognome: d.persona.cognome },
          severita: setting.severita,
        });
      }
    }
  });
  out.sort((a, b) => compareCodeUnits(a.entro, b.entro) || compareCodeUnits(a.doteId, b.doteId) || compareCodeUnits(a.id, b.id));
  return {
    oggi: ctx.oggi,
    entro,
    scadenze: out,
    riepilogo: { totale: out.length, scadute: out.filter((s) => s.stato === 'scaduta').length },
    nonCalcolate,
  };
}
