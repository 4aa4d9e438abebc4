import type { Bando } from '../bandi/schema.js';
import type { DeliveryRow, Rule, RuleEnv } from './types.js';
import { Interner, Totals, KINDS, hoursMinutes, hoursWord, kindIndex, onceSkipper } from './delivery-keys.js';

const ID = 'hours/service-cap';

/** The delivery states whose hours count against the caps (RuleEnv.giaRegistrate counts these). */
const CAP_STATES = new Set(['PROGRAMMATA', 'AVVIATA', 'EROGATA']);

type Caps = Map<string, { individuale: number; collettiva: number }>;

interface DoteCaps {
  caps: Caps;
  /** "fascia 3" or null for Job Coach activity hours. */
  fascia: number | null;
  attivita: boolean;
}

/** Caps from the catalogue for a type and fascia given by the CSV itself (no database). */
export function catalogueCaps(bando: Bando, tipoCode: string, fascia: number | null): DoteCaps | string {
  const tipo = bando.tipi.find((t) => t.codice === tipoCode);
  if (!tipo) return `tipo di dote ${tipoCode} sconosciuto nel bando ${bando.id}`;
  const caps: Caps = new Map();
  if (tipo.attivita.length) {
    for (const a of tipo.attivita) caps.set(a.servizio, { individuale: a.ore, collettiva: 0 });
    return { caps, fascia: null, attivita: true };
  }
  if (fascia === null) return 'fascia sconosciuta: nessun database';
  for (const code of tipo.servizi) {
    const m = bando.servizi.find((s) => s.codice === code)?.massimali?.[String(fascia) as '1' | '2' | '3' | '4'];
    if (m) caps.set(code, { individuale: m.individuale, collettiva: m.collettiva ?? 0 });
  }
  return { caps, fascia, attivita: false };
}

function resolveCaps(env: RuleEnv, r: DeliveryRow): DoteCaps | string {
  const info = env.dote(r.doteId);
  if (info) {
    if (!info.cap.size) return `fascia della dote ${info.id} sconosciuta`;
    const attivita = info.bando.tipi.some((t) => t.codice === info.tipo && t.attivita.length > 0);
    return { caps: info.cap, fascia: info.fascia, attivita };
  }
  const bando = env.bandoOf(r);
  if (r.tipoDote && bando) return catalogueCaps(bando, r.tipoDote, r.fascia ?? null);
  if (env.hasDatabase) return 'dote sconosciuta nel database';
  return 'fascia sconosciuta: nessun database';
}

/**
 * hours/service-cap: a dote's hours of one service, individual and group apart, over the cap:
 * the fascia's caps (Cremona, "X/Y": X individual, Y group hours) or the activity's hours (Job
 * Coach). Group hours on a service without a group cap count against 0. The caps come from the
 * database's dote, else from the CSV's `fascia` and `tipo_dote` columns; without either the rule
 * is skipped. The row that crosses the cap is reported, once per dote, service and kind. With a
 * database the CSV's totals start from the hours the database already holds (delivered,
 * programmed or started deliveries; imported timesheet rows), rows it already holds not counted
 * twice.
 */
export const hoursServiceCap: Rule = {
  id: ID,
  create(env) {
    const skip = onceSkipper(env, ID);
    const doti = new Interner();
    const doteCaps: (DoteCaps | null)[] = [];
    const services = new Interner();
    // (dote, kind, service, group) → minutes so far; -1 once reported.
    const totals = new Totals();
    return {
      row(r) {
        if (r.minuti <= 0) return;
        const bando = env.bandoOf(r);
        if (!bando) return;
        const s = env.setting(bando, ID);
        if (!s) return;
        const d = doti.id(r.doteId);
        let dc = doteCaps[d];
        if (dc === undefined) {
          const resolved = resolveCaps(env, r);
          if (typeof resolved === 'string') {
            skip(resolved);
            dc = null;
          } else {
            dc = resolved;
          }
          doteCaps[d] = dc;
        }
        if (dc === null) return;
        const c = dc.caps.get(r.servizio);
        // A service outside the dote is service/not-in-dote's finding, not a cap.
        if (!c) return;
        const group = r.collettiva ? 1 : 0;
        const cap = group ? c.collettiva : c.individuale;
        const key = ((d * KINDS + kindIndex(r.kind)) * 1024 + services.id(r.servizio)) * 2 + group;
        // With a database, a total starts from the hours it already holds for the dote's service;
        // a row it already holds adds only the difference.
        const base = env.giaRegistrate && r.kind !== 'erogazione' && !totals.has(key) ? env.giaRegistrate(r.doteId, r.kind, r.servizio, r.collettiva) : 0;
        const held = r.giaNelDatabase !== undefined && (r.kind === 'timesheet' || CAP_STATES.has(r.statoNelDatabase ?? '')) ? r.giaNelDatabase : 0;
        const total = totals.add(key, base + r.minuti - held);
        if (total < 0) return;
        if (total <= cap) return;
        totals.markReported(key);
        const what = group ? 'ore collettive' : dc.attivita ? 'ore' : 'ore individuali';
        const already = env.giaRegistrate && r.kind !== 'erogazione' ? env.giaRegistrate(r.doteId, r.kind, r.servizio, r.collettiva) : 0;
        const di = already > 0 ? ` (di cui ${hoursMinutes(already)} già registrate nel database)` : '';
        let message: string;
        if (group && cap === 0) {
          message = `${r.servizio}: ${hoursMinutes(total)} ${what} per la dote ${r.doteId}${di}, ma il servizio non prevede ore collettive`;
        } else if (dc.attivita) {
          message = `${r.servizio}: ${hoursMinutes(total)} ${what} per la dote ${r.doteId}${di}, oltre le ${hoursWord(cap)} dell'attività`;
        } else {
          message = `${r.servizio}: ${hoursMinutes(total)} ${what} per la dote ${r.doteId}${di}, oltre il massimale di ${hoursWord(cap)} della fascia ${dc.fascia}`;
        }
        env.report(r, { rule: ID, severity: s.severita, message });
      },
    };
  },
};
