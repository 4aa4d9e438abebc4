import type { Bando, TipoDote } from '../bandi/schema.js';
import type { DeliveryRow, PlanFinding, Rule, SharedEnv, Severity } from './types.js';
import { finding } from './types.js';
import type { VocePip } from '../domain/pip.js';
import { Interner, Totals, KINDS, kindIndex, onceSkipper } from './delivery-keys.js';
import { STATI_PROGRAMMATI } from '../domain/erogazione-state.js';
import { massimaleServizio, massimaliTipo, type OreServizi } from '../domain/massimali.js';
import { formatDurata } from '../domain/money.js';

const ID = 'hours/service-cap';

/** The delivery states whose hours count against the limits (RuleEnv.giaRegistrate counts these). */
const COUNTED: ReadonlySet<string> = new Set(STATI_PROGRAMMATI);

/** Where a dote's limits come from: the activities (Job Coach), the PIP, or the fascia's caps. */
type Fonte = 'attivita' | 'pip' | 'fascia';

interface DoteLimits {
  fonte: Fonte;
  /** The plan (activity hours or PIP); for 'fascia' the caps themselves. */
  limits: OreServizi;
  /** The fascia's caps (Cremona), also with a PIP: a PIP cannot plan past them. */
  caps: OreServizi;
  fascia: number | null;
}

/** Caps from the catalogue for a type and fascia given by the CSV itself (no database). */
export function catalogueLimits(bando: Bando, tipoCode: string, fascia: number | null): DoteLimits | string {
  const m = massimaliTipo(bando, tipoCode, fascia);
  if (typeof m === 'string') return m;
  if (!m.attivita && fascia === null) return 'fascia sconosciuta: nessun database';
  return { fonte: m.attivita ? 'attivita' : 'fascia', limits: m.caps, caps: m.caps, fascia };
}

function resolveLimits(env: SharedEnv, r: DeliveryRow): DoteLimits | string {
  const info = env.dote(r.doteId);
  if (info) {
    if (info.attivita) return { fonte: 'attivita', limits: info.cap, caps: info.cap, fascia: null };
    if (!info.cap.size) return `fascia della dote ${info.id} sconosciuta`;
    if (info.pianificato) return { fonte: 'pip', limits: info.pianificato, caps: info.cap, fascia: info.fascia };
    return { fonte: 'fascia', limits: info.cap, caps: info.cap, fascia: info.fascia };
  }
  const bando = env.bandoOf(r);
  if (r.tipoDote && bando) return catalogueLimits(bando, r.tipoDote, r.fascia ?? null);
  if (env.hasDatabase) return 'dote sconosciuta nel database';
  // Job Coach limits are the activities' hours of the voucher type, not a fascia's caps.
  if (bando && bando.tipi.length > 0 && bando.tipi.every((t) => t.attivita.length > 0)) return ATTIVITA_SENZA_DATABASE;
  return 'fascia sconosciuta: nessun database';
}

/** Skip reason for a Job Coach row with neither a database nor a `tipo_dote` column. */
export const ATTIVITA_SENZA_DATABASE = 'ore delle attività sconosciute: nessun database né colonna tipo_dote';

/** The messages of the rule, by id, from their data. */
export const messages = {
  /** A group delivery of a service with no group hours at all. */
  nessunaCollettiva: (d: { servizio: string; totale: number; dote: string; giaNelDatabase: number }) =>
    `${d.servizio}: ${formatDurata(d.totale)} in erogazioni collettive per la dote ${d.dote}${giaDi(d.giaNelDatabase)}, ma il servizio non prevede ore collettive`,
  /** Over the fascia's cap (Cremona, before the PIP, or a PIP above the caps). */
  oltreMassimale: (d: { servizio: string; totale: number; dote: string; giaNelDatabase: number; collettiva: boolean; limite: number; fascia: number | null }) =>
    `${d.servizio}: ${formatDurata(d.totale)} in erogazioni ${d.collettiva ? 'collettive' : 'individuali'} per la dote ${d.dote}${giaDi(d.giaNelDatabase)}, oltre il massimale di ${formatDurata(d.limite)} della fascia ${d.fascia}`,
  /**
   * Over the plan: the activity's hours (Job Coach manual 3.1, the portal's alert, word for word)
   * or the PIP's hours of the service in that mode (Cremona has no activities: the same alert says
   * "nel PIP").
   */
  oltrePiano: (d: { servizio: string; totale: number; prima: number; questa: number; collettiva: boolean; limite: number; fonte: 'attivita' | 'pip'; timesheet: boolean }) =>
    `Le ore delle erogazioni superano le ore definite ${d.fonte === 'attivita' ? 'nella attività' : 'nel PIP'}: ${d.servizio}${d.fonte === 'attivita' ? '' : d.collettiva ? ' collettive' : ' individuali'} ` +
    `${formatDurata(d.totale)} (${formatDurata(d.prima)} ${d.timesheet ? 'già nel timesheet' : 'già programmate, avviate o erogate'} + ${formatDurata(d.questa)} di questa), ` +
    (d.fonte === 'attivita' ? `definite nell'attività: ${formatDurata(d.limite)}` : d.limite === 0 ? 'non previste dal PIP' : `previste dal PIP: ${formatDurata(d.limite)}`),
  /** A PIP that plans more hours than the fascia's cap. */
  pianoOltreMassimale: (d: { servizio: string; minuti: number; collettiva: boolean; massimo: number; fascia: number }) =>
    `${d.servizio} ${d.collettiva ? 'collettive' : 'individuali'}: ${formatDurata(d.minuti)}, oltre il massimo di ${formatDurata(d.massimo)} per la fascia ${d.fascia}`,
  /** A PIP that plans fewer hours than those already programmed or delivered. */
  pianoSottoImpegnate: (d: { servizio: string; impegnate: number; collettiva: boolean; pianificate: number }) =>
    `${d.servizio} ${d.collettiva ? 'collettive' : 'individuali'}: già erogate o programmate ${formatDurata(d.impegnate)}, più di quelle pianificate (${formatDurata(d.pianificate)})`,
} as const;

function giaDi(min: number): string {
  return min > 0 ? ` (di cui ${formatDurata(min)} già nel database)` : '';
}

/**
 * hours/service-cap: a dote's hours of one service, individual and group apart, over its limit:
 * - Job Coach: the hours of the activity (manual 3.1);
 * - Cremona with a PIP: the hours the latest PIP version plans for the service in that mode (a
 *   service the PIP does not plan has none), and never beyond the fascia's cap;
 * - Cremona before the PIP: the fascia's cap ("X/Y": X individual, Y group hours).
 * Group hours on a service without group hours count against 0. Counted: deliveries PROGRAMMATA,
 * AVVIATA or EROGATA (INSERITA ones are drafts), imported timesheet rows for timesheet rows.
 * The limits come from the database's dote, else from the CSV's `fascia` and `tipo_dote` columns;
 * without either the rule is skipped. A CSV row that crosses the limit is reported once per dote,
 * service and kind; with a database the totals start from the hours it already holds, rows it
 * already holds not counted twice. At entry (`erogazione aggiungi|modifica`) a delivery still
 * INSERITA over the plan or the cap is a warning: manual 3.1 lets drafts be entered and changed
 * freely, the alert refuses at `programma`. A group delivery of a service that has no group hours
 * keeps the bando's severity at entry too: no plan can make it right.
 */
export const hoursServiceCap: Rule<typeof messages> = {
  id: ID,
  messages,
  create(env) {
    const skip = onceSkipper(env, ID);
    const doti = new Interner();
    const doteLimits: (DoteLimits | null)[] = [];
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
        let dl = doteLimits[d];
        if (dl === undefined) {
          const resolved = resolveLimits(env, r);
          if (typeof resolved === 'string') {
            skip(resolved);
            dl = null;
          } else {
            dl = resolved;
          }
          doteLimits[d] = dl;
        }
        if (dl === null) return;
        const capOf = dl.caps.get(r.servizio);
        // A service outside the dote is service/not-in-dote's finding, not a cap.
        if (!capOf) return;
        const group = r.collettiva;
        const cap = group ? capOf.collettiva : capOf.individuale;
        let limit = cap;
        let fonte: Fonte = dl.fonte;
        if (dl.fonte === 'pip') {
          const p = dl.limits.get(r.servizio);
          const planned = p ? (group ? p.collettiva : p.individuale) : 0;
          if (planned <= cap) limit = planned;
          else fonte = 'fascia';
        }
        const key = ((d * KINDS + kindIndex(r.kind)) * 1024 + services.id(r.servizio)) * 2 + (group ? 1 : 0);
        // With a database, a total starts from the hours it already holds for the dote's service;
        // a row it already holds adds only the difference.
        const fromDb = env.giaRegistrate !== undefined && r.kind !== 'erogazione';
        const base = fromDb && !totals.has(key) ? env.giaRegistrate!(r.doteId, r.kind as 'calendario' | 'timesheet', r.servizio, group) : 0;
        const held = r.giaNelDatabase !== undefined && (r.kind === 'timesheet' || COUNTED.has(r.statoNelDatabase ?? '')) ? r.giaNelDatabase : 0;
        const total = totals.add(key, base + r.minuti - held);
        if (total < 0 || total <= limit) return;
        // Delivery entry checks one candidate after the dote's counted deliveries: it is reported
        // whenever the total is over, even if an older delivery already was. A CSV is reported once.
        if (r.kind !== 'erogazione') totals.markReported(key);
        const already = fromDb ? env.giaRegistrate!(r.doteId, r.kind as 'calendario' | 'timesheet', r.servizio, group) : 0;
        const structural = group && cap === 0;
        const severity = !structural && r.kind === 'erogazione' && r.stato === 'INSERITA' ? 'warning' : s.severita;
        if (structural) {
          env.report(r, { severity, messageId: 'nessunaCollettiva', data: { servizio: r.servizio, totale: total, dote: r.doteId, giaNelDatabase: already } });
        } else if (fonte === 'fascia') {
          env.report(r, {
            severity,
            messageId: 'oltreMassimale',
            data: { servizio: r.servizio, totale: total, dote: r.doteId, giaNelDatabase: already, collettiva: group, limite: limit, fascia: dl.fascia },
          });
        } else {
          const questa = r.minuti - held;
          env.report(r, {
            severity,
            messageId: 'oltrePiano',
            data: { servizio: r.servizio, totale: total, prima: total - questa, questa, collettiva: group, limite: limit, fonte, timesheet: r.kind === 'timesheet' },
          });
        }
      },
    };
  },
};

/**
 * The same rule on a PIP (`pip imposta|varia`): a plan may not give a service more hours than the
 * fascia's cap (Cremona, "SERVIZI": "X/Y" = at most X individual and Y group hours), nor fewer
 * than those already counted against it (`committed`: PROGRAMMATA, AVVIATA or EROGATA), since the
 * plan is the limit deliveries are checked against.
 */
export function planCapFindings(
  severity: Severity,
  bando: Bando,
  tipo: TipoDote,
  fascia: number,
  plan: readonly VocePip[],
  committed: ReadonlyMap<string, { individuale: number; collettiva: number }>,
): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const v of plan) {
    // A service outside the type is service/not-in-dote's finding.
    if (!tipo.servizi.includes(v.servizio)) continue;
    const s = bando.servizi.find((x) => x.codice === v.servizio);
    const cap = massimaleServizio(bando, v.servizio, fascia);
    if (!s || !cap) continue;
    const over = (minuti: number, massimo: number, collettiva: boolean) =>
      out.push(finding(hoursServiceCap, severity, { messageId: 'pianoOltreMassimale', data: { servizio: v.servizio, minuti, collettiva, massimo, fascia } }));
    if (v.minutiIndividuali > cap.individuale) over(v.minutiIndividuali, cap.individuale, false);
    if (s.tariffa.collettiva !== undefined && v.minutiCollettivi > cap.collettiva) over(v.minutiCollettivi, cap.collettiva, true);
  }
  for (const [servizio, c] of committed) {
    const v = plan.find((x) => x.servizio === servizio) ?? { servizio, minutiIndividuali: 0, minutiCollettivi: 0 };
    const under = (impegnate: number, pianificate: number, collettiva: boolean) =>
      out.push(finding(hoursServiceCap, severity, { messageId: 'pianoSottoImpegnate', data: { servizio, impegnate, collettiva, pianificate } }));
    if (c.individuale > v.minutiIndividuali) under(c.individuale, v.minutiIndividuali, false);
    if (c.collettiva > v.minutiCollettivi) under(c.collettiva, v.minutiCollettivi, true);
  }
  return out;
}
