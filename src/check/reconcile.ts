/**
 * Reconciliation of calendars and timesheets across all the files of one call (docs/comandi.md: overlaps
 * and reconciliation look across them; reconciliation covers the professionals whose timesheets
 * are in the call).
 *
 * Matching, precisely, in two steps. First, while the rows stream: a calendar row and a timesheet
 * row match when they have the same professional (registry code when the database knows them,
 * else the name normalised), dote, service, date, start and end. Rows are matched one to one: two
 * identical calendar rows need two timesheet rows. A group session is one timesheet row per dote,
 * as in the calendar (each hour "says which activity it belongs to"). Rows that cannot be read
 * (bad date, time, missing value) take no part.
 *
 * Then, at the end, among the rows left unmatched with the same professional, dote, service and
 * date: a row whose interval is exactly covered by a chain of unmatched rows of the other side
 * (each starting where the one before ends, so contiguous and not overlapping, together the same
 * hours) is matched with them. This goes both ways: a calendar delivery of 9-11 written in the
 * timesheet as 9-10 and 10-11, or two calendar deliveries written as one timesheet row, agree on
 * the hours (README "Regole": a calendar delivery with no matching timesheet hours). A gap or an
 * overlap (9-10 and 10:15-11 against 9-11) is no cover: every row stays reported. Calendar rows are
 * tried first, each against the earliest chain that fits. Last, the same hours cut differently on
 * both sides (calendar 9-10 and 10-12, timesheet 9-11 and 11-12) are matched together when each
 * side's rows run without gaps or overlaps from the same start to the same end. What is left after
 * that is reported.
 *
 * Without a database a professional's key is their name as written, so a timesheet that names them
 * by code ("P01") and a calendar by name ("Mario Rossi") cannot be linked. A professional whose
 * timesheet is in the call but whose key is on no calendar row is then not reconciled at all: the
 * three rules are reported as skipped for them, with the reason, instead of a wave of findings
 * that only say the names differ. With a database the keys are registry codes, and such a
 * professional's hours are truly missing from the calendars.
 *
 * Memory: matched pairs are forgotten as soon as they meet, so what stays is one typed-array slot
 * per unmatched row (its group, its time key, where it is: 20 bytes), plus one small record per
 * (professional, dote, service). The second step works on the leftovers only, copied at the end
 * into typed arrays (24 bytes a row) and sorted by group and day, one (group, day) at a time;
 * every leftover that stays unmatched becomes a finding anyway.
 */
import type { Bando, RegolaSetting } from '../bandi/schema.js';
import type { DeliveryRow, Severity } from '../rules/types.js';
import { finding } from '../rules/types.js';
import { isoFromDay } from '../domain/dates.js';
import { reconcileMissingCalendar } from '../rules/reconcile-missing-calendar.js';
import { reconcileMissingTimesheet } from '../rules/reconcile-missing-timesheet.js';
import { reconcileTotal } from '../rules/reconcile-total.js';
import { PairMap } from './pair-map.js';

/** A row's place: file index × 2^32 + line. Positive for calendar rows, negative for timesheet rows. */
export const LOC_FILE = 2 ** 32;

const TIME_SPAN = 2 ** 21; // inizio × 1440 + fine < 2^21

const RULES = [reconcileMissingTimesheet.id, reconcileMissingCalendar.id, reconcileTotal.id];

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

export interface ReconcilerOptions {
  /** Whether professionals' keys are registry codes (a database is open), else names as written. */
  database: boolean;
  /** Reports a rule not applied, and why (the output's "Regole non applicate" / `skipped`). */
  skip: (rule: string, reason: string) => void;
}

/** The reason for not reconciling a professional who is on no calendar row, without a database. */
export function unlinkedReason(professionista: string): string {
  return `professionista "${professionista}" dei timesheet non trovato nei calendari: senza database codice e nome non si collegano (indica --db)`;
}

export class Reconciler {
  /** professional → dote → service → group index. Keys are the rows' shared strings, whose hash V8 keeps: no string is built per row. */
  private readonly groupIndex = new Map<string, Map<string, Map<string, number>>>();
  private readonly groups: Group[] = [];
  private readonly withTimesheet = new Set<string>();
  private readonly withCalendar = new Set<string>();
  /** The professional last added to withCalendar and withTimesheet (consecutive rows repeat it). */
  private readonly lastWith: [string, string] = ['', ''];
  /** (group, time key) → location of the first unmatched row; its sign says which side. */
  private readonly pending = new PairMap(1 << 16);
  /** Further unmatched rows with the same key and side (rare: a row written twice). */
  private readonly more = new Map<string, number[]>();

  constructor(
    private readonly settingOf: (bando: Bando | undefined, ruleId: string) => RegolaSetting | null,
    /** How to name a professional in messages: their key is the registry code when known. */
    private readonly nameOf: (key: string) => string = (key) => key,
    private readonly options: ReconcilerOptions = { database: false, skip: () => {} },
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
      if (r.professionista !== this.lastWith[0]) this.withCalendar.add((this.lastWith[0] = r.professionista));
    } else {
      g.timesheet += minutes;
      g.lastTs = loc;
      if (r.professionista !== this.lastWith[1]) this.withTimesheet.add((this.lastWith[1] = r.professionista));
    }
    const key = r.day * TIME_SPAN + r.inizio * 1440 + r.fine;
    const slot = this.pending.find(gi, key);
    if (slot < 0) {
      this.pending.add(gi, key, loc);
      return;
    }
    // The key of further rows, built only when some row was written twice (rare).
    const mk = this.more.size ? `${gi}:${key}` : '';
    const extra = mk ? this.more.get(mk) : undefined;
    if (this.pending.get(slot) * side > 0) {
      // Same side again: one more row waiting for its match.
      if (extra) extra.push(loc);
      else this.more.set(`${gi}:${key}`, [loc]);
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
    const reconciled = this.reconciledProfessionals();
    const out: ReconcileFinding[] = [];

    // The leftovers, in typed arrays, in order of group, date, start, end, side and place.
    let n = this.pending.size;
    for (const extra of this.more.values()) n += extra.length;
    const gis = new Int32Array(n);
    const keys = new Float64Array(n);
    const locs = new Float64Array(n);
    let i = 0;
    this.pending.forEach((gi, key, loc) => {
      if (!reconciled.has(this.groups[gi]!.professionista)) return;
      gis[i] = gi;
      keys[i] = key;
      locs[i++] = loc;
      for (const l of this.more.get(`${gi}:${key}`) ?? []) {
        gis[i] = gi;
        keys[i] = key;
        locs[i++] = l;
      }
    });
    n = i;
    const order = new Uint32Array(n);
    for (let j = 0; j < n; j++) order[j] = j;
    order.sort((a, b) => gis[a]! - gis[b]! || keys[a]! - keys[b]! || Number(locs[a]! < 0) - Number(locs[b]! < 0) || Math.abs(locs[a]!) - Math.abs(locs[b]!));

    // Second step: chains of rows covering a row of the other side, one (group, day) at a time.
    const matched = new Uint8Array(n);
    for (let a = 0; a < n; ) {
      const gi = gis[order[a]!]!;
      const day = dayOf(keys[order[a]!]!);
      let b = a + 1;
      while (b < n && gis[order[b]!] === gi && dayOf(keys[order[b]!]!) === day) b++;
      if (b - a > 1) {
        const cal: number[] = [];
        const ts: number[] = [];
        for (let j = a; j < b; j++) (locs[order[j]!]! > 0 ? cal : ts).push(order[j]!);
        if (cal.length && ts.length) {
          coverWithChains(cal, ts, keys, matched);
          coverWithChains(ts, cal, keys, matched);
          coverPiecesOnBothSides(cal, ts, keys, matched);
        }
      }
      a = b;
    }

    for (let j = 0; j < n; j++) {
      const x = order[j]!;
      if (matched[x]) continue;
      const g = this.groups[gis[x]!]!;
      const loc = locs[x]!;
      const rule = loc > 0 ? reconcileMissingTimesheet : reconcileMissingCalendar;
      const s = this.settingOf(g.bando, rule.id);
      if (!s) continue;
      const key = keys[x]!;
      const k = { professionista: this.nameOf(g.professionista), doteId: g.doteId, servizio: g.servizio, data: isoFromDay(dayOf(key)), inizio: startOf(key), fine: endOf(key) };
      const f =
        loc > 0
          ? finding(reconcileMissingTimesheet, s.severita, reconcileMissingTimesheet.check(k))
          : finding(reconcileMissingCalendar, s.severita, reconcileMissingCalendar.check(k));
      out.push({ ...f, ...place(loc) });
    }
    for (const g of this.groups) {
      if (!reconciled.has(g.professionista) || g.calendario === g.timesheet) continue;
      const s = this.settingOf(g.bando, reconcileTotal.id);
      if (!s) continue;
      const said = reconcileTotal.check({ professionista: this.nameOf(g.professionista), doteId: g.doteId, servizio: g.servizio, calendario: g.calendario, timesheet: g.timesheet });
      if (said) out.push({ ...finding(reconcileTotal, s.severita, said, { column: 'ore' }), ...place(g.lastTs || g.lastCal) });
    }
    return out;
  }

  /**
   * The professionals to reconcile: those with a timesheet in the call, less, without a database,
   * those on no calendar row, whose rules are reported as skipped (where their bando applies them).
   */
  private reconciledProfessionals(): Set<string> {
    const out = new Set(this.withTimesheet);
    if (this.options.database) return out;
    for (const p of this.withTimesheet) {
      if (this.withCalendar.has(p)) continue;
      out.delete(p);
      const reason = unlinkedReason(this.nameOf(p));
      for (const rule of RULES) {
        if (this.groups.some((g) => g.professionista === p && this.settingOf(g.bando, rule))) this.options.skip(rule, reason);
      }
    }
    return out;
  }
}

/**
 * Matches each unmatched row of `rows` with a chain of unmatched rows of `parts` (the other side,
 * same group and day, in order of start and end) that starts at its start, runs without gaps or
 * overlaps and ends at its end. A row and its chain are marked in `matched`.
 */
function coverWithChains(rows: readonly number[], parts: readonly number[], keys: Float64Array, matched: Uint8Array): void {
  const chain: number[] = [];
  for (const r of rows) {
    if (matched[r]) continue;
    const start = startOf(keys[r]!);
    const end = endOf(keys[r]!);
    if (end <= start) continue;
    // Positions from which no chain reaches `end`: each is tried once.
    const dead = new Set<number>();
    const reach = (at: number): boolean => {
      if (at === end) return true;
      if (dead.has(at)) return false;
      for (let j = firstStartingAt(parts, keys, at); j < parts.length; j++) {
        const p = parts[j]!;
        if (startOf(keys[p]!) !== at) break;
        const e = endOf(keys[p]!);
        if (e > end) break;
        if (matched[p] || e <= at) continue;
        chain.push(p);
        if (reach(e)) return true;
        chain.pop();
      }
      dead.add(at);
      return false;
    };
    chain.length = 0;
    if (!reach(start)) continue;
    matched[r] = 1;
    for (const p of chain) matched[p] = 1;
  }
}

/**
 * The same hours cut differently on both sides (calendar 9-10 and 10-12, timesheet 9-11 and
 * 11-12), which no single row's chain covers: the unmatched rows of a group and day form runs of
 * rows that overlap or touch; a run whose calendar rows and whose timesheet rows each follow one
 * another without gaps or overlaps, from the run's start to its end, is matched as a whole.
 */
function coverPiecesOnBothSides(cal: readonly number[], ts: readonly number[], keys: Float64Array, matched: Uint8Array): void {
  const rows = [...cal, ...ts].filter((r) => !matched[r] && endOf(keys[r]!) > startOf(keys[r]!));
  rows.sort((a, b) => keys[a]! - keys[b]!); // by start, then end
  const isCal = new Set(cal);
  for (let a = 0; a < rows.length; ) {
    let end = endOf(keys[rows[a]!]!);
    let b = a + 1;
    while (b < rows.length && startOf(keys[rows[b]!]!) <= end) end = Math.max(end, endOf(keys[rows[b++]!]!));
    const run = rows.slice(a, b);
    const start = startOf(keys[run[0]!]!);
    const sides = [run.filter((r) => isCal.has(r)), run.filter((r) => !isCal.has(r))];
    if (sides.every((side) => side.length && gapless(side, keys, start, end))) for (const r of run) matched[r] = 1;
    a = b;
  }
}

/** Whether `rows` (in order of start) follow one another from `start` to `end` without gaps or overlaps. */
function gapless(rows: readonly number[], keys: Float64Array, start: number, end: number): boolean {
  let at = start;
  for (const r of rows) {
    if (startOf(keys[r]!) !== at) return false;
    at = endOf(keys[r]!);
  }
  return at === end;
}

/** The first index of `parts` (sorted by start) whose row starts at or after `at`. */
function firstStartingAt(parts: readonly number[], keys: Float64Array, at: number): number {
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startOf(keys[parts[mid]!]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function dayOf(key: number): number {
  return Math.floor(key / TIME_SPAN);
}

function startOf(key: number): number {
  return Math.floor((key - dayOf(key) * TIME_SPAN) / 1440);
}

function endOf(key: number): number {
  return (key - dayOf(key) * TIME_SPAN) % 1440;
}

function place(loc: number): { file: number; line: number } {
  const a = Math.abs(loc);
  const file = Math.floor(a / LOC_FILE);
  return { file, line: a - file * LOC_FILE };
}
