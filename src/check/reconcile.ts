/**
 * Reconciliation of calendars and timesheets across all the files of one call (cli.md: "overlaps
 * and reconciliation look across them"; "reconciliation covers the professionals whose timesheets
 * are in the call").
 *
 * Matching, precisely: a calendar row and a timesheet row match when they have the same
 * professional (registry code when the database knows them, else the name normalised), dote,
 * service, date, start and end. Rows are matched one to one: two identical calendar rows need two
 * timesheet rows. A group session is one timesheet row per dote, as in the calendar (each hour
 * "says which activity it belongs to"). Rows that cannot be read (bad date, time, missing value)
 * take no part.
 *
 * Memory: matched pairs are forgotten as soon as they meet, so what stays is one typed-array slot
 * per unmatched row (its group, its time key, where it is: 20 bytes), plus one small record per
 * (professional, dote, service).
 */
import type { Bando, RegolaSetting } from '../bandi/schema.js';
import type { DeliveryRow, Severity } from '../rules/types.js';
import { isoFromDay } from '../domain/dates.js';
import { reconcileMissingCalendar } from '../rules/reconcile-missing-calendar.js';
import { reconcileMissingTimesheet } from '../rules/reconcile-missing-timesheet.js';
import { reconcileTotal } from '../rules/reconcile-total.js';
import { PairMap } from './pair-map.js';

/** A row's place: file index × 2^32 + line. Positive for calendar rows, negative for timesheet rows. */
export const LOC_FILE = 2 ** 32;

const TIME_SPAN = 2 ** 21; // inizio × 1440 + fine < 2^21

interface Group {
  professionista: string;
  doteId: string;
  servizio: string;
  bando: Bando | undefined;
  calendario: number;
  timesheet: number;
  lastCal: number;
  lastTs: number;
}

export interface ReconcileFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** File index and line. */
  file: number;
  line: number;
  column?: string;
}

export class Reconciler {
  /** professional → dote → service → group index. Keys are the rows' shared strings, whose hash V8 keeps: no string is built per row. */
  private readonly groupIndex = new Map<string, Map<string, Map<string, number>>>();
  private readonly groups: Group[] = [];
  private readonly withTimesheet = new Set<string>();
  /** (group, time key) → location of the first unmatched row; its sign says which side. */
  private readonly pending = new PairMap(1 << 16);
  /** Further unmatched rows with the same key and side (rare: a row written twice). */
  private readonly more = new Map<string, number[]>();

  constructor(
    private readonly settingOf: (bando: Bando | undefined, ruleId: string) => RegolaSetting | null,
    /** How to name a professional in messages: their key is the registry code when known. */
    private readonly nameOf: (key: string) => string = (key) => key,
  ) {}

  row(r: DeliveryRow, fileIndex: number, bando: Bando | undefined): void {
    const side = r.kind === 'timesheet' ? -1 : r.kind === 'calendario' ? 1 : 0;
    if (!side) return;
    let byDote = this.groupIndex.get(r.professionista);
    if (!byDote) this.groupIndex.set(r.professionista, (byDote = new Map()));
    let byServ = byDote.get(r.doteId);
    if (!byServ) byDote.set(r.doteId, (byServ = new Map()));
    let gi = byServ.get(r.servizio);
    if (gi === undefined) {
      gi = this.groups.length;
      this.groups.push({ professionista: r.professionista, doteId: r.doteId, servizio: r.servizio, bando, calendario: 0, timesheet: 0, lastCal: 0, lastTs: 0 });
      byServ.set(r.servizio, gi);
    }
    const g = this.groups[gi]!;
    const loc = side * (fileIndex * LOC_FILE + r.line);
    const minutes = r.minuti > 0 ? r.minuti : 0;
    if (side > 0) {
      g.calendario += minutes;
      g.lastCal = loc;
    } else {
      g.timesheet += minutes;
      g.lastTs = loc;
      this.withTimesheet.add(r.professionista);
    }
    const key = r.day * TIME_SPAN + r.inizio * 1440 + r.fine;
    const slot = this.pending.find(gi, key);
    if (slot < 0) {
      this.pending.add(gi, key, loc);
      return;
    }
    const mk = `${gi}:${key}`;
    const extra = this.more.get(mk);
    if (this.pending.get(slot) * side > 0) {
      // Same side again: one more row waiting for its match.
      if (extra) extra.push(loc);
      else this.more.set(mk, [loc]);
      return;
    }
    // The other side's row: a match. The next waiting row, if any, takes its place.
    if (extra) {
      this.pending.set(slot, extra.shift()!);
      if (!extra.length) this.more.delete(mk);
    } else {
      this.pending.delete(slot);
    }
  }

  /** Everything left unmatched, and the groups whose totals differ. */
  finish(): ReconcileFinding[] {
    const out: ReconcileFinding[] = [];
    const report = (gi: number, key: number, loc: number) => {
      const g = this.groups[gi]!;
      if (!this.withTimesheet.has(g.professionista)) return;
      const rule = loc > 0 ? reconcileMissingTimesheet : reconcileMissingCalendar;
      const s = this.settingOf(g.bando, rule.id);
      if (!s) return;
      const day = Math.floor(key / TIME_SPAN);
      const rest = key - day * TIME_SPAN;
      const k = { professionista: this.nameOf(g.professionista), doteId: g.doteId, servizio: g.servizio, data: isoFromDay(day), inizio: Math.floor(rest / 1440), fine: rest % 1440 };
      out.push({ rule: rule.id, severity: s.severita, message: rule.message(k), ...place(loc) });
    };
    this.pending.forEach((gi, key, loc) => {
      report(gi, key, loc);
      for (const l of this.more.get(`${gi}:${key}`) ?? []) report(gi, key, l);
    });
    for (const g of this.groups) {
      if (!this.withTimesheet.has(g.professionista) || g.calendario === g.timesheet) continue;
      const s = this.settingOf(g.bando, reconcileTotal.id);
      if (!s) continue;
      out.push({
        rule: reconcileTotal.id,
        severity: s.severita,
        message: reconcileTotal.message({ professionista: this.nameOf(g.professionista), doteId: g.doteId, servizio: g.servizio, calendario: g.calendario, timesheet: g.timesheet }),
        ...place(g.lastTs || g.lastCal),
        column: 'ore',
      });
    }
    return out;
  }
}

function place(loc: number): { file: number; line: number } {
  const a = Math.abs(loc);
  const file = Math.floor(a / LOC_FILE);
  return { file, line: a - file * LOC_FILE };
}
