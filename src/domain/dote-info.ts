/**
 * The rules' view of a dote (DoteInfo): its bando, type, fascia, period, hour caps, planned hours
 * and the person's history, built from plain rows (src/db/dote-info.ts loads them). Pure.
 */
import type { Bando } from '../bandi/schema.js';
import type { Catalogues } from '../bandi/load.js';
import { STATO } from './dote-stati.js';
import { massimaliTipo, type OreServizi } from './massimali.js';

/** What the database knows about a dote, for the rules that need context. */
export interface DoteInfo {
  id: string;
  bando: Bando;
  tipo: string;
  fascia: number | null;
  /**
   * The period in which deliveries are allowed, ISO dates: from activation (admission for Job
   * Coach) to the end date, or to the conclusion when the dote was concluded before its end
   * (`conclusa`): nothing is delivered on a dote after it closed.
   */
  inizio: string | null;
  fine: string | null;
  conclusa: boolean;
  cf: string;
  /**
   * Hours cap per service in minutes (hours/service-cap): the fascia's caps from the catalogue
   * (Cremona; empty when the fascia is unknown) or the activity hours (Job Coach).
   */
  cap: OreServizi;
  /**
   * Planned hours per service in minutes: the latest PIP version (Cremona; null before the PIP is
   * set) or the activity hours (Job Coach). Deliveries beyond these are refused (hours/service-cap).
   */
  pianificato: OreServizi | null;
  /** Whether the type is of the activity kind (Job Coach: hours agreed per activity). */
  attivita: boolean;
  /** The person had a disability dote in a previous annualità (service/repeat). */
  doteAnnualitaPrecedente: boolean;
  stato: string;
}

/** The columns of a dote row the view needs. */
export interface DoteFacts {
  id: string;
  bando: string;
  tipo: string;
  fascia: number | null;
  data_attivazione: string | null;
  data_ammissione: string | null;
  data_conclusione: string | null;
  data_fine: string | null;
  stato: string;
  destinatario_id: number;
}

/**
 * What a dote's person brings to its rules: the codice fiscale and the history the repeat rule
 * reads (their other doti, and the Dote disabili of other operators recorded as external measures).
 */
export interface PersonFacts {
  cf: string | null;
  others: readonly OtherDote[];
  measures: readonly PastMeasure[];
}

export interface OtherDote {
  id: string;
  bando: string;
  stato: string;
}

export interface PastMeasure {
  annualita: string | null;
  dal: string;
}

/** A dote the person actually had: admitted, active or concluded (not a request refused or lapsed). */
const HAD: readonly string[] = [STATO.ATTIVA, STATO.AMMESSA, STATO.CONCLUSA];

/**
 * Whether the person "abbia beneficiato di una dote disabili nelle precedenti annualità del Piano"
 * (Cremona, "Ripetibilità dei servizi"). Our reading, written down:
 *   - one of our doti counts when its bando is of the same Piano (the same `ente` in the
 *     catalogue: a Job Coach voucher of the Veneto is not a Cremona dote), of an earlier annualità
 *     (its bando started before this one) and was really had (ATTIVA, AMMESSA or CONCLUSA);
 *   - an external Dote disabili counts when its annualità is earlier than this bando's (its first
 *     year before the year this bando starts), or, with no annualità recorded, when it started
 *     before this bando did.
 * A dote whose bando catalogue is not loaded cannot be placed and does not count.
 */
function hadPreviousAnnualita(cats: Catalogues, bando: Bando, p: PersonFacts | undefined): boolean {
  if (!p) return false;
  for (const o of p.others) {
    if (o.bando === bando.id || !HAD.includes(o.stato)) continue;
    const ob = cats.find(o.bando);
    if (ob && ob.ente === bando.ente && ob.inizio < bando.inizio) return true;
  }
  const startYear = Number(bando.inizio.slice(0, 4));
  for (const m of p.measures) {
    const first = m.annualita ? Number(/^\d{4}/.exec(m.annualita)?.[0]) : NaN;
    if (Number.isFinite(first) ? first < startYear : m.dal < bando.inizio) return true;
  }
  return false;
}

/** A line of the dote's latest PIP; a null service when that PIP plans nothing. */
export interface PipLine {
  servizio: string | null;
  minuti_individuali: number;
  minuti_collettivi: number;
}

export interface ActivityLine {
  servizio: string;
  minuti: number;
}

/** The rules' view of a dote, from its row and what the other tables hold for it. */
export function doteInfoFrom(cats: Catalogues, d: DoteFacts, person: PersonFacts | undefined, pip: readonly PipLine[], activities: readonly ActivityLine[]): DoteInfo | undefined {
  const bando = cats.find(d.bando);
  if (!bando) return undefined;
  const fromCatalogue = massimaliTipo(bando, d.tipo, d.fascia);
  let cap: OreServizi = typeof fromCatalogue === 'string' ? new Map() : fromCatalogue.caps;
  const attivita = typeof fromCatalogue !== 'string' && fromCatalogue.attivita;
  let pianificato: OreServizi | null = null;
  if (attivita) {
    // The activities recorded for the dote carry the hours agreed (manual 2.1); without them,
    // the type's defaults.
    if (activities.length) {
      cap = new Map();
      for (const a of activities) cap.set(a.servizio, { individuale: a.minuti, collettiva: 0 });
    }
    pianificato = cap;
  } else if (pip.length) {
    pianificato = new Map();
    for (const x of pip) if (x.servizio !== null) pianificato.set(x.servizio, { individuale: x.minuti_individuali, collettiva: x.minuti_collettivi });
  }
  const conclusa = d.data_conclusione !== null && (d.data_fine === null || d.data_conclusione < d.data_fine);
  return {
    id: d.id,
    bando,
    tipo: d.tipo,
    fascia: d.fascia,
    inizio: d.data_attivazione ?? d.data_ammissione,
    fine: conclusa ? d.data_conclusione : d.data_fine,
    conclusa,
    cf: person?.cf ?? '',
    cap,
    pianificato,
    attivita,
    doteAnnualitaPrecedente: hadPreviousAnnualita(cats, bando, person),
    stato: d.stato,
  };
}
