/**
 * The rows the database holds for one professional on one day, kept while a batch check reads that
 * day's rows (see DayRows). Used by SqlBatchContext (batch-context.ts) for deliveries and for imported timesheet rows.
 */
import type { Statement } from '../sql.js';
import type { StoredInterval } from '../../rules/types.js';

/** (professional, day) entries kept by each day cache. */
const DAY_CACHE = 16;
const NONE = new Float64Array(0);
/** Distinct texts (dote ids, services, descriptions, …) coded before the day caches start again. */
const MAX_CODES = 100_000;

/**
 * A professional's rows of a day (live deliveries, or imported timesheet rows), read in one query
 * and kept while the day's rows of the files are read (they come mostly in date order): the
 * overlap check and the "already imported?" lookups of the day's rows share them, instead of a
 * query per row (better-sqlite3 costs 3 µs a query, whatever the query). Kept as numbers in one
 * Float64Array per day, texts as small integers: arrays and strings kept for the length of a day
 * outlive the young generation and filled the old one (the process grew by 170 MB re-checking two
 * million imported rows).
 *
 * The statement's first six columns are id, dote_id, servizio, inizio, fine, collettiva; `text`
 * names the columns that hold text. NULL is kept as NaN.
 */
export class DayRows {
  private readonly days = new Map<string, Float64Array>();
  /** Whether a professional has any row at all: the others cost no query per day. */
  private readonly any = new Map<number, boolean>();
  private codes = new Map<string, number>();
  private names: string[] = [];
  private readonly width: number;
  private readonly isText: boolean[];

  /** `anyStmt` answers, for a professional, whether there is any row (a row or nothing). */
  constructor(
    private readonly stmt: Statement,
    private readonly anyStmt: Statement,
    private readonly columns: readonly string[],
    text: readonly string[],
  ) {
    this.width = columns.length;
    this.isText = columns.map((c) => text.includes(c));
  }

  private code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.names.length;
      this.codes.set(s, c);
      this.names.push(s);
    }
    return c;
  }

  /** Whether the professional has any row, on any day. */
  has(professionistaId: number): boolean {
    let v = this.any.get(professionistaId);
    if (v === undefined) {
      v = this.anyStmt.get(professionistaId) !== undefined;
      this.any.set(professionistaId, v);
    }
    return v;
  }

  of(professionistaId: number, data: string): Float64Array {
    if (!this.has(professionistaId)) return NONE;
    const k = `${professionistaId}|${data}`;
    let rows = this.days.get(k);
    if (!rows) {
      if (this.days.size >= DAY_CACHE) this.days.clear();
      if (this.names.length > MAX_CODES) {
        this.days.clear();
        this.codes = new Map();
        this.names = [];
      }
      const all = this.stmt.rows(professionistaId, data);
      const w = this.width;
      rows = new Float64Array(all.length * w);
      for (let i = 0; i < all.length; i++) {
        const row = all[i]!;
        for (let c = 0; c < w; c++) {
          const v = row[c];
          rows[i * w + c] = v === null ? NaN : this.isText[c] ? this.code(v as string) : (v as number);
        }
      }
      this.days.set(k, rows);
    }
    return rows;
  }

  /** The first row (lowest id) with this dote, service and start that day, as an object of its columns. */
  find(professionistaId: number, data: string, doteId: string, servizio: string, inizio: number): Record<string, unknown> | undefined {
    const rows = this.of(professionistaId, data);
    const d = this.codes.get(doteId);
    const sv = this.codes.get(servizio);
    if (d === undefined || sv === undefined) return undefined;
    const w = this.width;
    for (let o = 0; o < rows.length; o += w) {
      if (rows[o + 3] !== inizio || rows[o + 1] !== d || rows[o + 2] !== sv) continue;
      const out: Record<string, unknown> = {};
      for (let c = 0; c < w; c++) {
        const v = rows[o + c]!;
        out[this.columns[c]!] = Number.isNaN(v) ? null : this.isText[c] ? this.names[v]! : v;
      }
      return out;
    }
    return undefined;
  }

  intervals(professionistaId: number, data: string): StoredInterval[] {
    const rows = this.of(professionistaId, data);
    const out: StoredInterval[] = [];
    for (let o = 0; o < rows.length; o += this.width) {
      out.push({ id: rows[o]!, doteId: this.names[rows[o + 1]!]!, servizio: this.names[rows[o + 2]!]!, inizio: rows[o + 3]!, fine: rows[o + 4]!, collettiva: rows[o + 5] === 1 });
    }
    return out;
  }
}
