import type { Rule } from './types.js';
import { formatDateIt, formatTime } from '../domain/dates.js';
import { IntMap, Interner, KINDS, dayKey, kindIndex } from './delivery-keys.js';

const ID = 'timesheet/overlap';
const FILE_SPAN = 2 ** 32;

/**
 * The intervals seen so far, per (professional, kind, day): a hash map from that key to the last
 * interval, and per interval its times, a reference to its row and the previous interval of the
 * same key — typed arrays, 16 bytes an interval, so a million rows stay within ~20 MB.
 */
class Slots {
  private readonly heads = new IntMap();
  private times = new Int32Array(1024);
  private refs = new Float64Array(1024);
  private next = new Int32Array(1024);
  /** For a delivery recorded in the database: its (dote, service) id; -1 for a row of the files. */
  private tags = new Int32Array(1024);
  private count = 0;

  head(key: number): number {
    const s = this.heads.find(key);
    return s < 0 ? -1 : this.heads.get(s) - 1;
  }
  time(i: number): number {
    return this.times[i]!;
  }
  ref(i: number): number {
    return this.refs[i]!;
  }
  prev(i: number): number {
    return this.next[i]!;
  }
  tag(i: number): number {
    return this.tags[i]!;
  }
  push(key: number, time: number, ref: number, tag = -1): void {
    if (this.count === this.times.length) {
      const n = this.count * 2;
      const t = new Int32Array(n), r = new Float64Array(n), x = new Int32Array(n), g = new Int32Array(n);
      t.set(this.times);
      r.set(this.refs);
      x.set(this.next);
      g.set(this.tags);
      this.times = t;
      this.refs = r;
      this.next = x;
      this.tags = g;
    }
    const i = this.count++;
    const s = this.heads.slot(key);
    this.times[i] = time;
    this.refs[i] = ref;
    this.tags[i] = tag;
    this.next[i] = this.heads.get(s) - 1;
    this.heads.set(s, i + 1);
  }
}

/**
 * timesheet/overlap: a professional in two individual deliveries at the same time, across files
 * and PIPs (Cremona: "quando un professionista lavora su più PIP nello stesso periodo … calendario
 * e timesheet devono riconciliarsi"). Intervals overlap when they share a positive length
 * (10:00-11:00 and 11:00-12:00 do not). Two group (collettiva) deliveries at the same time (same
 * start and end) are one group session, not an overlap (docs/comandi.md); an individual delivery during a
 * group session is, and so is another group session whose times differ. Rows are compared with rows of
 * the same kind only: a calendar row and its own timesheet row are the same delivery. The later
 * row in stream order is reported, naming the earlier one. With a database, calendar rows are also
 * compared with the professional's live deliveries already recorded that day (importa must not
 * store a double booking), and timesheet rows with the professional's timesheet rows already
 * imported that day, except the stored copy of the row itself (same dote, service and start).
 *
 * An interval is packed as (start × 2048 + end) × 2 + group; a row reference as
 * file × 2^32 + line, or -id for an erogazione. An interval already kept for the same key is not
 * kept again: a group session of ten is one interval, not ten.
 */
const messages = {
  /** `altro` is the other engagement as describe() writes it (a row of a file, a delivery, a timesheet row). */
  sovrapposizione: (d: { professionista: string; data: string; inizio: number; fine: number; altro: string }) =>
    `${d.professionista} impegnato il ${formatDateIt(d.data)} dalle ${formatTime(d.inizio)} alle ${formatTime(d.fine)} e nello stesso momento ${d.altro}`,
};

export const timesheetOverlap: Rule<typeof messages> = {
  id: ID,
  messages,
  create(env) {
    const profs = new Interner();
    const files = new Interner();
    const slots = new Slots();
    const describe = (ref: number, start: number, end: number, kind: string) => {
      const where =
        ref >= 0
          ? `in ${files.values[Math.floor(ref / FILE_SPAN)]}:${ref % FILE_SPAN}`
          : kind === 'timesheet'
            ? `nella riga di timesheet già importata ${env.rigaTimesheet?.(-ref) ?? -ref}`
            : `nell'erogazione ${-ref}`;
      return `${where} (${formatTime(start)}-${formatTime(end)})`;
    };
    // With a database, a calendar row is also compared with the professional's deliveries already
    // recorded that day, a timesheet row with the timesheet rows already imported (loaded once per
    // professional, kind and day). A stored one with the row's own key (dote, service, start) is
    // the row itself, imported before: not compared with it.
    const loaded = new Set<number>();
    let anyStored = false;
    // (dote, service) → small integer, on nested maps: no key string built per row.
    const pairs = new Map<string, Map<string, number>>();
    let pairCount = 0;
    const pairOf = (doteId: string, servizio: string, add: boolean): number => {
      let m = pairs.get(doteId);
      if (!m) {
        if (!add) return -2;
        pairs.set(doteId, (m = new Map()));
      }
      let id = m.get(servizio);
      if (id === undefined) {
        if (!add) return -2;
        m.set(servizio, (id = pairCount++));
      }
      return id;
    };
    return {
      row(r) {
        if (r.fine <= r.inizio) return;
        const bando = env.bandoOf(r);
        const s = bando ? env.setting(bando, ID) : { severita: 'error' as const, parametri: {} };
        if (!s) return;
        const key = dayKey(profs.id(r.professionista) * KINDS + kindIndex(r.kind), r.day);
        const stored = r.kind === 'calendario' ? env.erogazioniDelGiorno : r.kind === 'timesheet' ? env.timesheetDelGiorno : undefined;
        if (stored && !loaded.has(key)) {
          loaded.add(key);
          // A group session's participants share one interval: two of them are kept, not all. A
          // row of the same session is not compared with them whatever its dote; any other row
          // overlaps the session unless it is one participant's own copy, and then the other
          // participant still says so. A day of sessions of ten costs each row a fifth of the
          // comparisons.
          const sessions = new Map<number, number>();
          for (const e of stored(r.professionista, r.day)) {
            if (e.fine <= e.inizio) continue;
            const packed = (e.inizio * 2048 + e.fine) * 2 + (e.collettiva ? 1 : 0);
            if (e.collettiva) {
              const kept = sessions.get(packed) ?? 0;
              if (kept === 2) continue;
              sessions.set(packed, kept + 1);
            }
            slots.push(key, packed, -e.id, pairOf(e.doteId, e.servizio, true));
            anyStored = true;
          }
        }
        const group = r.collettiva ? 1 : 0;
        const mine = (r.inizio * 2048 + r.fine) * 2 + group;
        let self = -3; // the row's (dote, service) id, looked up only when a recorded delivery is met
        let same = false;
        for (let i = slots.head(key); i >= 0; i = slots.prev(i)) {
          const packed = slots.time(i);
          if (anyStored) {
            // The recorded copy of this row (same dote, service and start) is the row itself.
            const tag = slots.tag(i);
            // packed >> 12 is the start: (start × 2048 + end) × 2 + group, end × 2 + group < 4096.
            if (tag >= 0 && packed >> 12 === r.inizio && tag === (self === -3 ? (self = pairOf(r.doteId, r.servizio, false)) : self)) continue;
          }
          // The same interval again (the next participant of a group session): nothing new to
          // keep, since a later row overlapping it finds the first one.
          if (packed === mine) same = true;
          const otherGroup = packed & 1;
          // Group rows at the same time are one session (docs/comandi.md); a different group session that
          // overlaps it is a second slot for the same professional.
          if (group && otherGroup && packed === mine) continue;
          const t = (packed - otherGroup) / 2;
          const end = t % 2048;
          const start = (t - end) / 2048;
          if (r.inizio < end && start < r.fine) {
            env.report(r, {
              severity: s.severita,
              messageId: 'sovrapposizione',
              data: { professionista: r.professionista, data: r.data, inizio: r.inizio, fine: r.fine, altro: describe(slots.ref(i), start, end, r.kind) },
            });
            break;
          }
        }
        if (same) return;
        const ref = r.kind === 'erogazione' && r.erogazioneId !== undefined ? -r.erogazioneId : files.id(r.file) * FILE_SPAN + r.line;
        slots.push(key, mine, ref);
      },
    };
  },
};
