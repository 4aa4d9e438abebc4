/**
 * The BatchContext (src/db/batch-context.ts) over either store's statement runner (sql.ts): the
 * statements a batch check runs, prepared once on the command's connection, and their answers
 * cached. Every lookup is cached per
 * distinct text, and a professional's rows of a day are read in one query (DayRows), so a million
 * rows cost a few thousand queries.
 */
import { COUNTED_STATES_SQL, FREED_STATES_SQL } from '../states.js';
import { equalsNocase, sql, type Sql } from '../sql.js';
import type { Catalogues } from '../../bandi/load.js';
import type { DoteInfo, StoredInterval } from '../../rules/types.js';
import { doteInfoLookup } from '../dote-info.js';
import { findProfessionista } from '../repo/lookup.js';
import type {
  BatchContext,
  BatchContextOptions,
  ExistingErogazione,
  RowSource,
  ExistingTimesheetRiga,
  ProfessionistaRef,
  SedeRef,
} from '../batch-context.js';
import { dayNumber, isoFromDay } from '../../domain/dates.js';
import { DayRows } from './day-rows.js';

/** Every dote's minutes (giaRegistrate's query, for all doti at once). */
const GIA_ALL = `SELECT dote_id, CAST('calendario' AS TEXT), servizio, collettiva, sum(fine - inizio) FROM erogazione
   WHERE stato IN (${COUNTED_STATES_SQL}) GROUP BY dote_id, servizio, collettiva
 UNION ALL
 SELECT dote_id, CAST('timesheet' AS TEXT), servizio, collettiva, sum(fine - inizio) FROM timesheet_riga
   WHERE professionista_id IN (SELECT id FROM professionista) GROUP BY dote_id, servizio, collettiva`;

/** Every person's minutes per day (minutiPersona's query, for everyone at once), by day. */
const PERSONA_ALL = `SELECT p.cf, CAST('calendario' AS TEXT), e.data, sum(e.fine - e.inizio) FROM erogazione e
   JOIN dote d ON d.id = e.dote_id JOIN destinatario p ON p.id = d.destinatario_id
   WHERE e.stato NOT IN (${FREED_STATES_SQL}) GROUP BY p.cf, e.data
 UNION ALL
 SELECT p.cf, CAST('timesheet' AS TEXT), t.data, sum(t.fine - t.inizio) FROM timesheet_riga t
   JOIN dote d ON d.id = t.dote_id JOIN destinatario p ON p.id = d.destinatario_id
   WHERE t.professionista_id IN (SELECT id FROM professionista) GROUP BY p.cf, t.data
 ORDER BY 1, 2, 3`;

/** A person's minutes per day, sorted by day, with running totals: the minutes of any range in two searches. */
class PersonDays {
  private readonly days: Int32Array;
  private readonly upTo: Float64Array;

  constructor(days: readonly number[], minutes: readonly number[]) {
    this.days = Int32Array.from(days);
    this.upTo = new Float64Array(minutes.length + 1);
    for (let i = 0; i < minutes.length; i++) this.upTo[i + 1] = this.upTo[i]! + minutes[i]!;
  }

  /** The index of the first day >= `day`. */
  private first(day: number): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.days[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  between(fromDay: number, toDay: number): number {
    return this.upTo[this.first(toDay + 1)]! - this.upTo[this.first(fromDay)]!;
  }
}

/** Shared by the doti with no hours in the database (most, in a first import). */
const NOTHING: ReadonlyMap<string, number> = new Map();

export class SqlBatchContext implements BatchContext {
  readonly dote: (id: string) => DoteInfo | undefined;
  private readonly profs = new Map<string, ProfessionistaRef | null>();
  private readonly sedi = new Map<string, SedeRef | null>();
  private readonly sedeStmt;
  private readonly giaStmt;
  private readonly personaStmt;
  private readonly personaTsStmt;
  private readonly gia = new Map<string, ReadonlyMap<string, number>>();
  private readonly activityStmt;
  /** A professional's live deliveries and imported timesheet rows of the days being read. */
  private readonly erogazioniDay: DayRows;
  private readonly timesheetDay: DayRows;
  private readonly liquidate = new Map<string, boolean>();
  private readonly activities = new Map<string, ReadonlyMap<string, string>>();
  /** Every dote's activities, read up front with the doti (see the constructor). */
  private activitiesLoaded: ReadonlyMap<string, ReadonlyMap<string, string>> | null = null;
  /** The doti in a liquidation request, read up front with the doti (see the constructor). */
  private liquidateLoaded: ReadonlySet<string> | null = null;
  /** Every dote's minutes already recorded (giaRegistrate), read up front with the doti. */
  private giaLoaded: ReadonlyMap<string, ReadonlyMap<string, number>> | null = null;
  /** Every person's minutes per day (minutiPersona), read up front with the doti: by `cf|kind`. */
  private personaLoaded: ReadonlyMap<string, PersonDays> | null = null;

  /**
   * `expectedRows`: about how many rows the batch holds. When they outnumber the doti of the
   * register, every dote is read up front in three queries instead of a few queries per dote.
   */
  constructor(
    readonly db: Sql,
    cats: Catalogues,
    opts: BatchContextOptions = {},
    private readonly transaction: <T>(work: () => T) => T,
  ) {
    const doti = opts.expectedRows ? db.prepare('SELECT count(*) FROM dote').value<number>()! : Infinity;
    const preload = (opts.expectedRows ?? 0) >= doti;
    this.dote = doteInfoLookup(db, cats, { preload });
    if (preload) {
      const all = new Map<string, Map<string, string>>();
      for (const a of db.prepare('SELECT dote_id, servizio, stato FROM attivita').all<{ dote_id: string; servizio: string; stato: string }>()) {
        let m = all.get(a.dote_id);
        if (!m) all.set(a.dote_id, (m = new Map()));
        m.set(a.servizio, a.stato);
      }
      this.activitiesLoaded = all;
      // One query instead of one per dote: rows of group sessions alternate between doti, so
      // nearly every row asks (20,000 queries for the benchmark's doti, ~0,2 s).
      this.liquidateLoaded = new Set(db.prepare('SELECT dote_id FROM liquidazione').column<string>());
      // Likewise the hours already recorded, per dote and per person and day: asked once per
      // dote and once per person and period, they were tens of thousands of queries, which a
      // server answers in a tenth of a millisecond each, not SQLite's microseconds.
      const gia = new Map<string, Map<string, number>>();
      for (const [dote, kind, servizio, collettiva, minuti] of db.prepare(GIA_ALL).rows() as [string, string, string, number, number][]) {
        let m = gia.get(dote);
        if (!m) gia.set(dote, (m = new Map()));
        m.set(`${kind}|${servizio}|${collettiva}`, minuti);
      }
      this.giaLoaded = gia;
      const persona = new Map<string, { days: number[]; minutes: number[] }>();
      for (const [cf, kind, data, minuti] of db.prepare(PERSONA_ALL).rows() as [string, string, string, number][]) {
        const k = `${cf}|${kind}`;
        let p = persona.get(k);
        if (!p) persona.set(k, (p = { days: [], minutes: [] }));
        p.days.push(dayNumber(data));
        p.minutes.push(minuti);
      }
      this.personaLoaded = new Map([...persona].map(([k, p]) => [k, new PersonDays(p.days, p.minutes)]));
    }
    this.sedeStmt = db.prepare(sql`SELECT id, nome, patrono FROM sede WHERE ${equalsNocase('nome', '?')}`);
    this.giaStmt = db.prepare(
      `SELECT CAST('calendario' AS TEXT) AS kind, servizio, collettiva, sum(fine - inizio) AS minuti FROM erogazione
        WHERE dote_id = ? AND stato IN (${COUNTED_STATES_SQL}) GROUP BY servizio, collettiva
       UNION ALL
       SELECT CAST('timesheet' AS TEXT), servizio, collettiva, sum(fine - inizio) FROM timesheet_riga
        WHERE professionista_id IN (SELECT id FROM professionista) AND dote_id = ? GROUP BY servizio, collettiva`,
    );
    this.personaStmt = db.prepare(
      `SELECT coalesce(sum(e.fine - e.inizio), 0) FROM destinatario p CROSS JOIN dote d CROSS JOIN erogazione e
        WHERE p.cf = ? AND d.destinatario_id = p.id AND e.dote_id = d.id AND e.data BETWEEN ? AND ? AND e.stato NOT IN (${FREED_STATES_SQL})`,
    );
    this.personaTsStmt = db.prepare(
      `SELECT coalesce(sum(t.fine - t.inizio), 0) FROM destinatario p CROSS JOIN dote d CROSS JOIN timesheet_riga t
        WHERE p.cf = ? AND d.destinatario_id = p.id AND t.dote_id = d.id AND t.professionista_id IN (SELECT id FROM professionista) AND t.data BETWEEN ? AND ?`,
    );
    this.activityStmt = db.prepare('SELECT servizio, stato FROM attivita WHERE dote_id = ?');
    // A professional's rows of a day are few: these indexes find them directly.
    const tsColumns = ['id', 'dote_id', 'servizio', 'inizio', 'fine', 'collettiva', 'descrizione'];
    // SQLite's planner is told which index; PostgreSQL's chooses by itself.
    this.timesheetDay = new DayRows(
      db.prepare(sql`SELECT ${tsColumns.join(', ')} FROM timesheet_riga ${{ sqlite: 'INDEXED BY timesheet_riga_giorno', postgres: '' }} WHERE professionista_id = ? AND data = ? ORDER BY id`),
      db.prepare('SELECT 1 FROM timesheet_riga WHERE professionista_id = ? LIMIT 1'),
      tsColumns,
      ['dote_id', 'servizio', 'descrizione'],
    );
    const eColumns = ['id', 'dote_id', 'servizio', 'inizio', 'fine', 'collettiva', 'sede_id', 'modalita', 'descrizione', 'stato', 'liquidazione_id', 'registrata_il'];
    this.erogazioniDay = new DayRows(
      db.prepare(
        sql`SELECT ${eColumns.join(', ')} FROM erogazione ${{ sqlite: 'INDEXED BY erogazione_professionista', postgres: '' }}
          WHERE professionista_id = ? AND data = ? AND stato NOT IN (${FREED_STATES_SQL}) ORDER BY id`,
      ),
      db.prepare(`SELECT 1 FROM erogazione WHERE professionista_id = ? AND stato NOT IN (${FREED_STATES_SQL}) LIMIT 1`),
      eColumns,
      ['dote_id', 'servizio', 'modalita', 'descrizione', 'stato', 'registrata_il'],
    );
  }

  professionista(text: string): ProfessionistaRef | undefined {
    let p = this.profs.get(text);
    if (p === undefined) {
      const row = findProfessionista(this.db, text);
      p = row ? { id: row.id, codice: row.codice, nome: row.nome } : null;
      this.profs.set(text, p);
    }
    return p ?? undefined;
  }

  sede(nome: string): SedeRef | undefined {
    let s = this.sedi.get(nome);
    if (s === undefined) {
      s = this.sedeStmt.get<SedeRef>(nome.trim()) ?? null;
      this.sedi.set(nome, s);
    }
    return s ?? undefined;
  }

  // timesheet_riga's only index starts with the professional: "professionista_id IN (all of
  // them)" lets SQLite seek (professional, dote) for each of the few professionals instead of
  // scanning the table once per dote. CROSS JOIN keeps the order person → doti → rows.

  /**
   * Minutes the database holds for a dote's service, individual or group: deliveries that count
   * against the caps (PROGRAMMATA, AVVIATA, EROGATA) for calendars, imported rows for timesheets.
   * One query per dote, cached.
   */
  giaRegistrate(doteId: string, kind: 'calendario' | 'timesheet', servizio: string, collettiva: boolean): number {
    let m = this.giaLoaded ? (this.giaLoaded.get(doteId) ?? NOTHING) : this.gia.get(doteId);
    if (!m) {
      const rows = this.giaStmt.all<{ kind: string; servizio: string; collettiva: number; minuti: number }>(doteId, doteId);
      m = rows.length ? new Map(rows.map((r) => [`${r.kind}|${r.servizio}|${r.collettiva}`, r.minuti])) : NOTHING;
      this.gia.set(doteId, m);
    }
    return m.get(`${kind}|${servizio}|${collettiva ? 1 : 0}`) ?? 0;
  }

  /** The state of a Job Coach activity (PROPOSTA, INIZIATA, TERMINATA), or undefined: no such activity. One query per dote, cached. */
  attivitaStato(doteId: string, servizio: string): string | undefined {
    if (this.activitiesLoaded) return this.activitiesLoaded.get(doteId)?.get(servizio);
    let m = this.activities.get(doteId);
    if (!m) {
      const rows = this.activityStmt.all<{ servizio: string; stato: string }>(doteId);
      m = new Map(rows.map((r) => [r.servizio, r.stato]));
      this.activities.set(doteId, m);
    }
    return m.get(servizio);
  }

  /** A person's minutes in the database between two days (RuleEnv.minutiPersona). */
  minutiPersona(cf: string, kind: 'calendario' | 'timesheet', fromDay: number, toDay: number): number {
    if (this.personaLoaded) return this.personaLoaded.get(`${cf}|${kind}`)?.between(fromDay, toDay) ?? 0;
    const stmt = kind === 'timesheet' ? this.personaTsStmt : this.personaStmt;
    return stmt.value<number>(cf, isoFromDay(fromDay), isoFromDay(toDay))!;
  }

  /**
   * A professional's live deliveries on a day (professional by registry code), for the overlap
   * check. Only professionals with deliveries in the database cost a query (one per day).
   */
  erogazioniDelGiorno(professionista: string, day: number): readonly StoredInterval[] {
    const p = this.professionista(professionista);
    return p ? this.erogazioniDay.intervals(p.id, isoFromDay(day)) : [];
  }

  /** The same for the timesheet rows already imported, for the overlap check of a new timesheet. */
  timesheetDelGiorno(professionista: string, day: number): readonly StoredInterval[] {
    const p = this.professionista(professionista);
    return p ? this.timesheetDay.intervals(p.id, isoFromDay(day)) : [];
  }

  /** Whether the professional has live deliveries, and imported timesheet rows, in the database. */
  hasErogazioni(professionistaId: number): boolean {
    return this.erogazioniDay.has(professionistaId);
  }

  hasTimesheet(professionistaId: number): boolean {
    return this.timesheetDay.has(professionistaId);
  }

  /** Where an imported timesheet row came from: `file:riga`. */
  rigaTimesheet(id: number): string {
    const row = this.db
      .prepare('SELECT f.percorso, t.riga FROM timesheet_riga t LEFT JOIN file_importato f ON f.id = t.file_id WHERE t.id = ?')
      .get<{ percorso: string | null; riga: number | null }>(id);
    return row ? `${row.percorso ?? '?'}:${row.riga ?? '?'}` : `riga ${id}`;
  }

  sedeNome(id: number | null): string | null {
    if (id === null) return null;
    return this.db.prepare('SELECT nome FROM sede WHERE id = ?').value<string>(id) ?? null;
  }

  sourceOf(table: 'erogazione' | 'timesheet', id: number): RowSource {
    const text =
      table === 'erogazione'
        ? 'SELECT f.percorso AS file, r.riga FROM erogazione r LEFT JOIN file_importato f ON f.id = r.file_id WHERE r.id = ?'
        : 'SELECT f.percorso AS file, r.riga FROM timesheet_riga r LEFT JOIN file_importato f ON f.id = r.file_id WHERE r.id = ?';
    return this.db.prepare(text).get<RowSource>(id) ?? { file: null, riga: null };
  }

  /** Whether the dote is in a liquidation request (its services' records can no longer change). */
  inLiquidazione(doteId: string): boolean {
    if (this.liquidateLoaded) return this.liquidateLoaded.has(doteId);
    let v = this.liquidate.get(doteId);
    if (v === undefined) {
      v = this.db.prepare('SELECT 1 FROM liquidazione WHERE dote_id = ?').get(doteId) !== undefined;
      this.liquidate.set(doteId, v);
    }
    return v;
  }

  /** The live delivery with this key (dote, service, date, start, professional), if any: the first recorded. */
  existingErogazione(professionistaId: number, data: string, doteId: string, servizio: string, inizio: number): ExistingErogazione | undefined {
    return this.erogazioniDay.find(professionistaId, data, doteId, servizio, inizio) as ExistingErogazione | undefined;
  }

  /** The imported timesheet row with this key (professional, dote, service, date, start), if any. */
  existingTimesheet(professionistaId: number, doteId: string, servizio: string, data: string, inizio: number): ExistingTimesheetRiga | undefined {
    return this.timesheetDay.find(professionistaId, data, doteId, servizio, inizio) as ExistingTimesheetRiga | undefined;
  }

  readTransaction<T>(work: () => T): T {
    return this.transaction(work);
  }
}
