/**
 * Builds the rules' view of a dote (DoteInfo) from the database: type, fascia, period, caps,
 * planned hours and the person's history. Shared by delivery entry and the CSV checker.
 *
 * One dote at a time (delivery entry, or a small file against a big register: a few queries per
 * dote), or all of them at once for a batch that will touch many (`preload`): a query per table
 * (a 20,000-dote calendar: 0,1 s instead of 0,4 s, measured).
 */
import { cachedStatement, type Db } from './connection.js';
import type { Catalogues } from '../bandi/load.js';
import type { DoteInfo } from '../rules/types.js';
import type { DoteRow } from './repo/lookup.js';
import type { Bando } from '../bandi/schema.js';
import { STATO } from '../domain/dote-stati.js';

type Caps = Map<string, { individuale: number; collettiva: number }>;

/**
 * What a dote's person brings to its rules: the codice fiscale and the history the repeat rule
 * reads (their other doti, and the Dote disabili of other operators recorded as external measures).
 */
interface PersonFacts {
  cf: string | null;
  others: readonly OtherDote[];
  measures: readonly PastMeasure[];
}

interface OtherDote {
  id: string;
  bando: string;
  stato: string;
}

interface PastMeasure {
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

const PERSON_CF = 'SELECT p.cf AS cf, d.destinatario_id AS destinatario_id FROM dote d LEFT JOIN destinatario p ON p.id = d.destinatario_id WHERE d.id = ?';
const PERSON_OTHERS = 'SELECT id, bando, stato FROM dote WHERE destinatario_id = ? AND id <> ?';
const PERSON_MEASURES = "SELECT annualita, dal FROM misura_esterna WHERE destinatario_id = ? AND tipo = 'dote-disabili'";

/** One dote's person facts, in three small queries. */
function personFacts(db: Db, doteId: string): PersonFacts | undefined {
  const p = cachedStatement(db, PERSON_CF).get(doteId) as { cf: string | null; destinatario_id: number } | undefined;
  if (!p) return undefined;
  return {
    cf: p.cf,
    others: cachedStatement(db, PERSON_OTHERS).all(p.destinatario_id, doteId) as OtherDote[],
    measures: cachedStatement(db, PERSON_MEASURES).all(p.destinatario_id) as PastMeasure[],
  };
}

/** A line of the dote's latest PIP; a null service when that PIP plans nothing. */
interface PipLine {
  servizio: string | null;
  minuti_individuali: number;
  minuti_collettivi: number;
}

interface ActivityLine {
  servizio: string;
  minuti: number;
}

// Only the columns the rules use: better-sqlite3 builds a row object property by property, and
// `SELECT *` of a dote costs three times these.
const DOTE_FACTS = `SELECT d.id, d.bando, d.tipo, d.fascia, d.data_attivazione, d.data_ammissione, d.data_fine, d.stato, d.destinatario_id
  FROM dote d`;

type DoteFacts = Pick<DoteRow, 'id' | 'bando' | 'tipo' | 'fascia' | 'data_attivazione' | 'data_ammissione' | 'data_fine' | 'stato' | 'destinatario_id'>;

// The latest PIP version and its lines: no row when there is no PIP, one row with a null service
// when the PIP plans nothing.
const LATEST_PIP = `SELECT x.servizio, x.minuti_individuali, x.minuti_collettivi
  FROM pip_versione v LEFT JOIN pip_voce x ON x.pip_versione_id = v.id
 WHERE v.id = (SELECT id FROM pip_versione WHERE dote_id = ? ORDER BY versione DESC LIMIT 1)`;
const ALL_LATEST_PIPS = `SELECT v.dote_id, x.servizio, x.minuti_individuali, x.minuti_collettivi
  FROM pip_versione v LEFT JOIN pip_voce x ON x.pip_versione_id = v.id
 WHERE v.versione = (SELECT max(w.versione) FROM pip_versione w WHERE w.dote_id = v.dote_id)`;

/** The rules' view of a dote, from its row and what the other tables hold for it. */
function doteInfoFrom(cats: Catalogues, d: DoteFacts | DoteRow, person: PersonFacts | undefined, pip: readonly PipLine[], activities: readonly ActivityLine[]): DoteInfo | undefined {
  const bando = cats.find(d.bando);
  if (!bando) return undefined;
  const tipo = bando.tipi.find((t) => t.codice === d.tipo);
  const cap: Caps = new Map();
  let pianificato: Caps | null = null;
  if (tipo && tipo.attivita.length) {
    const acts = activities.length ? activities : tipo.attivita.map((a) => ({ servizio: a.servizio, minuti: a.ore }));
    for (const a of acts) cap.set(a.servizio, { individuale: a.minuti, collettiva: 0 });
    pianificato = cap;
  } else {
    if (d.fascia !== null && tipo) {
      for (const code of tipo.servizi) {
        const s = bando.servizi.find((x) => x.codice === code);
        const m = s?.massimali?.[String(d.fascia) as '1' | '2' | '3' | '4'];
        if (m) cap.set(code, { individuale: m.individuale, collettiva: m.collettiva ?? 0 });
      }
    }
    if (pip.length) {
      pianificato = new Map();
      for (const x of pip) if (x.servizio !== null) pianificato.set(x.servizio, { individuale: x.minuti_individuali, collettiva: x.minuti_collettivi });
    }
  }
  return {
    id: d.id,
    bando,
    tipo: d.tipo,
    fascia: d.fascia,
    inizio: d.data_attivazione ?? d.data_ammissione,
    fine: d.data_fine,
    cf: person?.cf ?? '',
    cap,
    pianificato,
    doteAnnualitaPrecedente: hadPreviousAnnualita(cats, bando, person),
    stato: d.stato,
  };
}

function isJobCoach(cats: Catalogues, d: { bando: string; tipo: string }): boolean {
  return Boolean(cats.find(d.bando)?.tipi.find((t) => t.codice === d.tipo)?.attivita.length);
}

/** The PIP or the activities of one dote, and its DoteInfo. */
function withPlan(db: Db, cats: Catalogues, d: DoteFacts | DoteRow, person: PersonFacts | undefined): DoteInfo | undefined {
  const jobCoach = isJobCoach(cats, d);
  const activities = jobCoach ? (cachedStatement(db, 'SELECT servizio, minuti FROM attivita WHERE dote_id = ?').all(d.id) as ActivityLine[]) : [];
  const pip = jobCoach ? [] : (cachedStatement(db, LATEST_PIP).all(d.id) as PipLine[]);
  return doteInfoFrom(cats, d, person, pip, activities);
}

export function doteInfoFromRow(db: Db, cats: Catalogues, d: DoteRow): DoteInfo | undefined {
  return withPlan(db, cats, d, personFacts(db, d.id));
}

/** Every dote's DoteInfo, in three queries. */
function allDoteInfo(db: Db, cats: Catalogues): Map<string, DoteInfo | undefined> {
  const pips = new Map<string, PipLine[]>();
  for (const r of db.prepare(ALL_LATEST_PIPS).all() as (PipLine & { dote_id: string })[]) {
    let l = pips.get(r.dote_id);
    if (!l) pips.set(r.dote_id, (l = []));
    l.push(r);
  }
  const activities = new Map<string, ActivityLine[]>();
  for (const r of db.prepare('SELECT dote_id, servizio, minuti FROM attivita').all() as (ActivityLine & { dote_id: string })[]) {
    let l = activities.get(r.dote_id);
    if (!l) activities.set(r.dote_id, (l = []));
    l.push(r);
  }
  const cfs = new Map<number, string | null>();
  for (const p of db.prepare('SELECT id, cf FROM destinatario').raw().all() as [number, string | null][]) cfs.set(p[0], p[1]);
  const measures = new Map<number, PastMeasure[]>();
  for (const m of db.prepare("SELECT destinatario_id, annualita, dal FROM misura_esterna WHERE tipo = 'dote-disabili'").all() as (PastMeasure & { destinatario_id: number })[]) {
    let l = measures.get(m.destinatario_id);
    if (!l) measures.set(m.destinatario_id, (l = []));
    l.push(m);
  }
  const doti = db.prepare(DOTE_FACTS).all() as DoteFacts[];
  const byPerson = new Map<number, DoteFacts[]>();
  for (const d of doti) {
    let l = byPerson.get(d.destinatario_id);
    if (!l) byPerson.set(d.destinatario_id, (l = []));
    l.push(d);
  }
  const out = new Map<string, DoteInfo | undefined>();
  for (const d of doti) {
    const jobCoach = isJobCoach(cats, d);
    const person: PersonFacts = {
      cf: cfs.get(d.destinatario_id) ?? null,
      others: byPerson.get(d.destinatario_id)!.filter((o) => o !== d),
      measures: measures.get(d.destinatario_id) ?? [],
    };
    out.set(d.id, doteInfoFrom(cats, d, person, jobCoach ? [] : (pips.get(d.id) ?? []), jobCoach ? (activities.get(d.id) ?? []) : []));
  }
  return out;
}

/**
 * A cached lookup of DoteInfo by id, for a run over many rows. With `preload` every dote is read
 * at once (for a batch expected to name more rows than the register has doti), and an id not
 * found then is not asked again: the caller reads in one transaction.
 */
export function doteInfoLookup(db: Db, cats: Catalogues, opts: { preload?: boolean } = {}): (id: string) => DoteInfo | undefined {
  // The last id asked for first: a row's checks ask for its dote several times, with the same string.
  let lastId: string | null = null;
  let lastInfo: DoteInfo | undefined;
  if (opts.preload) {
    const all = allDoteInfo(db, cats);
    return (id) => {
      if (id === lastId) return lastInfo;
      lastId = id;
      return (lastInfo = all.get(id));
    };
  }
  const cache = new Map<string, DoteInfo | undefined>();
  const stmt = cachedStatement(db, `${DOTE_FACTS} WHERE d.id = ?`);
  return (id) => {
    if (id === lastId) return lastInfo;
    let info: DoteInfo | undefined;
    if (cache.has(id)) info = cache.get(id);
    else {
      const row = stmt.get(id) as DoteFacts | undefined;
      info = row ? withPlan(db, cats, row, personFacts(db, row.id)) : undefined;
      cache.set(id, info);
    }
    lastId = id;
    return (lastInfo = info);
  };
}
