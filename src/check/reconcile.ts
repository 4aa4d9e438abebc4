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
 * Memory: matched pairs are forgotten as soon as they meet, so what stays is one number per
 * unmatched row (its key within its group and where it is), plus one small record per
 * (professional, dote, service). Keys and locations are numbers, not strings.
 */
import type { Bando, RegolaSetting } from '../bandi/schema.js';
import type { DeliveryRow, Severity } from '../rules/types.js';
import { isoFromDay } from '../domain/dates.js';
import { reconcileMissingCalendar } from '../rules/reconcile-missing-calendar.js';
import { reconcileMissingTimesheet } from '../rules/reconcile-missing-timesheet.js';
import { reconcileTotal } from '../rules/reconcile-total.js';

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
  /** time key → location of the unmatched row(s) on one side (sign says which). */
  pending: Map<number, number | number[]>;
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
  private readonly groups = new Map<string, Group>();
  private readonly withTimesheet = new Set<string>();

  constructor(private readonly settingOf: (bando: Bando | undefined, ruleId: string) => RegolaSetting | null) {}

  row(r: DeliveryRow, fileIndex: number, bando: Bando | undefined): void {
    const side = r.kind === 'timesheet' ? -1 : r.kind === 'calendario' ? 1 : 0;
    if (!side) return;
    const gk = `${r.professionista}\u0000${r.doteId}\u0000${r.servizio}`;
    let g = this.groups.get(gk);
    if (!g) {
      g = { professionista: r.professionista, doteId: r.doteId, servizio: r.servizio, bando, calendario: 0, timesheet: 0, lastCal: 0, lastTs: 0, pending: new Map() };
      this.groups.set(gk, g);
    }
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
    const p = g.pending.get(key);
    if (p === undefined) {
      g.pending.set(key, loc);
    } else if (typeof p === 'number') {
      if (p * side < 0) g.pending.delete(key); // the other side's row: a match
      else g.pending.set(key, [p, loc]);
    } else if (p[0]! * side < 0) {
      p.shift();
      if (p.length === 1) g.pending.set(key, p[0]!);
    } else {
      p.push(loc);
    }
  }

  /** Everything left unmatched, and the groups whose totals differ. */
  finish(): ReconcileFinding[] {
    const out: ReconcileFinding[] = [];
    for (const g of this.groups.values()) {
      if (!this.withTimesheet.has(g.professionista)) continue;
      const sMissingTs = this.settingOf(g.bando, reconcileMissingTimesheet.id);
      const sMissingCal = this.settingOf(g.bando, reconcileMissingCalendar.id);
      for (const [key, p] of g.pending) {
        const day = Math.floor(key / TIME_SPAN);
        const rest = key - day * TIME_SPAN;
        const k = { professionista: g.professionista, doteId: g.doteId, servizio: g.servizio, data: isoFromDay(day), inizio: Math.floor(rest / 1440), fine: rest % 1440 };
        for (const loc of typeof p === 'number' ? [p] : p) {
          const s = loc > 0 ? sMissingTs : sMissingCal;
          if (!s) continue;
          const rule = loc > 0 ? reconcileMissingTimesheet : reconcileMissingCalendar;
          out.push({ rule: rule.id, severity: s.severita, message: rule.message(k), ...place(loc) });
        }
      }
      if (g.calendario !== g.timesheet) {
        const s = this.settingOf(g.bando, reconcileTotal.id);
        if (!s) continue;
        out.push({
          rule: reconcileTotal.id,
          severity: s.severita,
          message: reconcileTotal.message({ professionista: g.professionista, doteId: g.doteId, servizio: g.servizio, calendario: g.calendario, timesheet: g.timesheet }),
          ...place(g.lastTs || g.lastCal),
          column: 'ore',
        });
      }
    }
    return out;
  }
}

function place(loc: number): { file: number; line: number } {
  const a = Math.abs(loc);
  const file = Math.floor(a / LOC_FILE);
  return { file, line: a - file * LOC_FILE };
}
