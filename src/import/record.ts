/**
 * What importa does with each readable row, and what verifica with a database checks of it.
 *
 * A calendar row is a delivery that took place: an `erogazione` in state EROGATA, origine
 * 'importa', with its file and line. Its key is dote, service, date, start and professional (the
 * deliveries ANNULLATA or CHIUSA NEGATIVAMENTE do not count: their slot can be used again). With
 * the key already in the database:
 *   - same content (end, mode, group; sede and description when the file gives them): "già
 *     presente", nothing changes, so importing the same file twice adds nothing;
 *   - different content, or a new row, for a dote in a liquidation request: import/conflict, refused;
 *   - different content otherwise: the delivery is updated to the file's content (the file is the
 *     record of what happened), with its own history entry, before and after.
 * A row for a dote that is not active (CONCLUSA, PROPOSTA, RIFIUTATA, CANCELLATA) is refused,
 * unless it is already present. Timesheet rows go to `timesheet_riga` with the same logic on
 * that table's key (professional, dote, service, date, start).
 *
 * History: one summary entry per dote ("importate N erogazioni e M righe di timesheet", with the
 * files, the hours and the period), not one per row: the rows themselves keep their file and
 * line, and a million history rows would double the import time. Updates get one entry each.
 */
import type { Bando } from '../bandi/schema.js';
import type { DeliveryRow } from '../rules/types.js';
import type { BatchFile, ReportFn, RowExtra, RowSink } from '../check/batch.js';
import type { Said } from '../rules/types.js';
import type { BatchContext, ExistingErogazione } from '../db/batch-context.js';
import { importConflict, type LockFacts } from '../rules/import-conflict.js';
import { attivitaDopoAvvio, type StatoAttivita } from '../domain/erogazione-state.js';
import { formatTime } from '../domain/dates.js';
import { statSync } from 'node:fs';
import type { HistoryEntry } from '../db/storia.js';
import type { ImportWriter } from './import-writer.js';
import type { MaybeOutcome } from './import-writer-protocol.js';
import { BloomFilter } from './bloom.js';
import { changesOf, erogazioneUpdate, sameErogazione, sameTimesheet, timesheetUpdate, type ImportChange, type ImportUpdate } from './import-compare.js';

function fileSize(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}

export interface FileCounts {
  file: string;
  kind: BatchFile['kind'];
  /** Rows added (or that would be, with --prova or in verifica). */
  importate: number;
  presenti: number;
  aggiornate: number;
}

interface DoteSummary {
  erogazioni: number;
  minutiErogazioni: number;
  righeTimesheet: number;
  minutiTimesheet: number;
  files: Set<number>;
  dal: string;
  al: string;
}

export class Recorder implements RowSink {
  readonly counts: FileCounts[];
  private readonly summaries = new Map<string, DoteSummary>();
  private readonly updates: ImportUpdate[] = [];
  /** The updates the writer thread decided ("maybe" rows): listed here, their history written there. */
  private readonly writerUpdates: ImportUpdate[] = [];
  private readonly activities = new Map<string, Map<string, { da: string; a: string }>>();
  private readonly now = new Date().toISOString();
  private readonly groups = new Map<string, { servizio: string; pk: number; g: number }[]>();
  private groupCount = 0;
  /** The last row's dote and whether it is in a liquidation request (rows come grouped by dote). */
  private lastDote: string | null = null;
  private lastLocked = false;
  private readonly facts: LockFacts = { doteId: '', stato: '', inLiquidazione: false, servizio: '' };
  /**
   * Keys of the deliveries and timesheet rows added in this call (importa only), in a Bloom
   * filter: 1.5 bytes a row, no query. The writer thread's rows are not visible to this connection
   * until the commit, so a row whose key may have been added is sent as a "maybe" and the writer,
   * which sees its own rows, decides (new, already present, updated).
   */
  private readonly seen: BloomFilter | null;

  /**
   * `writer` is importa's writer thread (with --prova too: it rolls back); verifica passes none
   * and only counts what would happen.
   */
  constructor(
    private readonly ctx: BatchContext,
    private readonly files: readonly BatchFile[],
    private readonly opts: { oggi: string; writer?: ImportWriter },
  ) {
    this.counts = files.map((f) => ({ file: f.path, kind: f.kind, importate: 0, presenti: 0, aggiornate: 0 }));
    // Rows are 40 bytes or more: sized for the bytes of the files, the filter stays sparse.
    // DOTE_TEST_BLOOM_BITS (tests only) sets a tiny filter, so that nearly every row is a "maybe"
    // and the writer's path for them is exercised on a few hundred rows.
    const testBits = Number(process.env.DOTE_TEST_BLOOM_BITS) || 0;
    const expected = files.reduce((n, f) => n + fileSize(f.path), 0) / 40;
    this.seen = opts.writer ? (testBits ? new BloomFilter(0, 0, testBits) : new BloomFilter(expected)) : null;
  }

  updatesIn(fi: number): number {
    return this.counts[fi]!.aggiornate;
  }

  /** Adds what became of the "maybe" rows (see `seen`). */
  addMaybe(m: MaybeOutcome): void {
    m.counts.forEach((d, fi) => {
      this.counts[fi]!.presenti += d.presenti;
      this.counts[fi]!.aggiornate += d.aggiornate;
    });
    for (const [fi, kind, doteId, data, minuti] of m.added) {
      this.counts[fi]!.importate++;
      this.count(doteId, kind === 't' ? 'timesheet' : 'calendario', data, minuti, fi);
    }
    this.writerUpdates.push(...m.updates);
  }

  /** Whether this call may have added this key already (and records it). */
  private maybeInCall(kind: 'c' | 't', profId: number, r: DeliveryRow): boolean {
    // (group, day, start) as one integer: group × 2^28 + (day + 2^15) × 1440 + start.
    return this.seen!.testAndAdd(this.groupOf(kind, profId, r) * 2 ** 28 + (r.day + 32768) * 1440 + r.inizio);
  }

  row(r: DeliveryRow, x: RowExtra, _bando: Bando | undefined, report: ReportFn): void {
    const info = this.ctx.dote(r.doteId);
    // Unknown dote, professional or sede: field/value has reported it; nothing to record.
    if (!info || x.professionistaId === undefined || x.sedeId === undefined) return;
    const counts = this.counts[x.fileIndex]!;
    const collettiva = r.collettiva ? 1 : 0;
    const profId = x.professionistaId;
    const fi = x.fileIndex;
    const file = this.files[fi]!.path;
    const w = this.opts.writer;
    if (r.doteId !== this.lastDote) {
      this.lastDote = r.doteId;
      this.lastLocked = this.ctx.inLiquidazione(r.doteId);
    }
    // One facts object for every row (no allocation per row on the million-row path).
    const facts = this.facts;
    facts.doteId = r.doteId;
    facts.stato = info.stato;
    facts.inLiquidazione = this.lastLocked;
    facts.servizio = r.servizio;
    facts.attivita = undefined;
    if (r.kind === 'timesheet') {
      // A timesheet row records a professional's hours: the activity's state does not stop it.
      const conflict = importConflict.check(facts);
      // A professional with no timesheet rows in the database (ctx.hasTimesheet, asked once each)
      // has none to find: only a key added earlier in this call can be there (`maybeInCall`).
      const prior = this.ctx.hasTimesheet(profId);
      if (!conflict && w && this.maybeInCall('t', profId, r)) {
        w.insertTimesheet(fi, profId, r.doteId, r.servizio, r.data, r.inizio, r.fine, collettiva, x.descrizione, r.line, true);
        return;
      }
      if (!conflict && !prior) {
        counts.importate++;
        this.summarize(r, fi);
        w?.insertTimesheet(fi, profId, r.doteId, r.servizio, r.data, r.inizio, r.fine, collettiva, x.descrizione, r.line);
        return;
      }
      const ex = this.ctx.existingTimesheet(profId, r.doteId, r.servizio, r.data, r.inizio);
      if (ex) r.giaNelDatabase = Math.max(0, ex.fine - r.inizio);
      const values = { fine: r.fine, collettiva, descrizione: x.descrizione };
      if (ex && sameTimesheet(ex, values)) {
        counts.presenti++;
        return;
      }
      if (conflict) {
        if (conflict.messageId === 'doteLocked' && ex) {
          report(importConflict, { messageId: 'timesheetLocked', data: { doteId: r.doteId, data: r.data, inizio: r.inizio, what: timesheetDifferences(ex, r, x) } });
        } else {
          report(importConflict, conflict as Said<typeof importConflict.messages>, conflict.column);
        }
        return;
      }
      if (!ex) {
        counts.importate++;
        this.summarize(r, fi);
        w?.insertTimesheet(fi, profId, r.doteId, r.servizio, r.data, r.inizio, r.fine, collettiva, x.descrizione, r.line);
        return;
      }
      counts.aggiornate++;
      if (!w) return;
      w.updateTimesheet(r.fine, collettiva, x.descrizione, fi, r.line, this.opts.oggi, ex.id);
      this.updates.push(timesheetUpdate(r.doteId, ex, this.ctx.sourceOf('timesheet', ex.id), values, file, r.line));
      return;
    }

    // A calendar row. Is the same delivery (dote, service, date, start, professional) there?
    // Only if this call added the key already, or the professional had deliveries before.
    // A dote that cannot take it (import/conflict) may still hold it: look for the row for real.
    const attivita = this.ctx.attivitaStato(r.doteId, r.servizio);
    facts.attivita = attivita;
    const conflict = importConflict.check(facts);
    if (!conflict && w && this.maybeInCall('c', profId, r)) {
      w.insertErogazione(fi, r.doteId, r.servizio, r.data, r.inizio, r.fine, profId, x.sedeId, r.modalita, collettiva, r.professionista, x.descrizione, x.registrataIl ?? this.opts.oggi, r.line, true);
      this.started(r, attivita);
      return;
    }
    const ex: ExistingErogazione | undefined =
      this.ctx.hasErogazioni(profId) || conflict ? this.ctx.existingErogazione(profId, r.data, r.doteId, r.servizio, r.inizio) : undefined;
    if (ex) {
      r.giaNelDatabase = Math.max(0, ex.fine - r.inizio);
      r.statoNelDatabase = ex.stato;
    }
    const values = { fine: r.fine, sedeId: x.sedeId, modalita: r.modalita, collettiva, descrizione: x.descrizione };
    if (ex && sameErogazione(ex, values)) {
      counts.presenti++;
      return;
    }
    if (conflict) {
      if (conflict.messageId === 'doteLocked' && ex) {
        report(importConflict, { messageId: 'locked', data: { erogazioneId: ex.id, data: r.data, inizio: r.inizio, what: differences(ex, r, x) } });
      } else {
        report(importConflict, conflict as Said<typeof importConflict.messages>, conflict.column);
      }
      return;
    }
    if (ex) {
      counts.aggiornate++;
      if (!w) return;
      w.updateErogazione(r.fine, x.sedeId, r.modalita, collettiva, x.descrizione, fi, r.line, this.now, ex.id);
      this.updates.push(erogazioneUpdate(r.doteId, ex, this.ctx.sourceOf('erogazione', ex.id), values, file, r.line));
      return;
    }
    counts.importate++;
    this.summarize(r, fi);
    w?.insertErogazione(fi, r.doteId, r.servizio, r.data, r.inizio, r.fine, profId, x.sedeId, r.modalita, collettiva, r.professionista, x.descrizione, x.registrataIl ?? this.opts.oggi, r.line);
    this.started(r, attivita);
  }

  /**
   * A Job Coach activity that gets an (EROGATA) delivery starts, as at `erogazione avvia`
   * (attivitaDopoAvvio: PROPOSTA → INIZIATA); the change is written at the commit.
   */
  private started(r: DeliveryRow, attivita: string | undefined): void {
    if (attivita === undefined) return;
    const after = attivitaDopoAvvio(attivita as StatoAttivita);
    if (after === attivita) return;
    let m = this.activities.get(r.doteId);
    if (!m) this.activities.set(r.doteId, (m = new Map()));
    m.set(r.servizio, { da: attivita, a: after });
  }

  /** The activities that change state with this import (see `started`). */
  activitiesStarted(): { doteId: string; servizio: string; da: string; a: string }[] {
    const out: { doteId: string; servizio: string; da: string; a: string }[] = [];
    for (const [doteId, servizi] of this.activities) for (const [servizio, t] of servizi) out.push({ doteId, servizio, ...t });
    return out;
  }

  /**
   * A small integer per (kind, professional, dote, service), for the keys of rows added in this
   * call, without building a key string per row.
   */
  private groupOf(kind: 'c' | 't', profId: number, r: DeliveryRow): number {
    // One lookup by dote, then its few (service, professional, kind) in a short list: the row's
    // strings are shared (interned), so the comparisons are mostly identity.
    let list = this.groups.get(r.doteId);
    if (!list) this.groups.set(r.doteId, (list = []));
    const pk = profId * 2 + (kind === 't' ? 1 : 0);
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.pk === pk && e.servizio === r.servizio) return e.g;
    }
    const g = this.groupCount++;
    list.push({ servizio: r.servizio, pk, g });
    return g;
  }

  private summarize(r: DeliveryRow, fi: number): void {
    // Only an import writes history: verifica keeps no per-dote summaries.
    if (this.opts.writer) this.count(r.doteId, r.kind, r.data, r.minuti > 0 ? r.minuti : 0, fi);
  }

  private count(doteId: string, kind: DeliveryRow['kind'], data: string, minuti: number, fi: number): void {
    let s = this.summaries.get(doteId);
    if (!s) {
      s = { erogazioni: 0, minutiErogazioni: 0, righeTimesheet: 0, minutiTimesheet: 0, files: new Set(), dal: data, al: data };
      this.summaries.set(doteId, s);
    }
    if (kind === 'timesheet') {
      s.righeTimesheet++;
      s.minutiTimesheet += minuti;
    } else {
      s.erogazioni++;
      s.minutiErogazioni += minuti;
    }
    s.files.add(fi);
    if (data < s.dal) s.dal = data;
    if (data > s.al) s.al = data;
  }

  /** Every field that the updates of this call change, in the order of the rows. */
  changes(): ImportChange[] {
    return [...this.updates, ...this.writerUpdates].flatMap(changesOf).sort((a, b) => this.fileIndex(a.file) - this.fileIndex(b.file) || a.riga - b.riga);
  }

  private fileIndex(path: string): number {
    return this.files.findIndex((f) => f.path === path);
  }

  /** The history entries of this import: one summary per dote, one entry per updated row. */
  history(operatore: string): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    for (const [doteId, s] of this.summaries) {
      const files = [...s.files].map((fi) => this.files[fi]!.path);
      const parts: string[] = [];
      if (s.erogazioni) parts.push(`${s.erogazioni} ${s.erogazioni === 1 ? 'erogazione' : 'erogazioni'} (EROGATA)`);
      if (s.righeTimesheet) parts.push(`${s.righeTimesheet} ${s.righeTimesheet === 1 ? 'riga' : 'righe'} di timesheet`);
      out.push({
        doteId,
        entita: s.erogazioni ? 'erogazione' : 'timesheet',
        entitaId: files.join(', '),
        azione: `importate ${parts.join(' e ')}`,
        operatore,
        dopo: {
          file: files,
          erogazioni: s.erogazioni,
          minutiErogazioni: s.minutiErogazioni,
          righeTimesheet: s.righeTimesheet,
          minutiTimesheet: s.minutiTimesheet,
          dal: s.dal,
          al: s.al,
        },
      });
    }
    for (const u of this.updates) out.push({ ...u, operatore });
    return out;
  }
}

function differences(ex: ExistingErogazione, r: DeliveryRow, x: RowExtra): string {
  const d: string[] = [];
  if (ex.fine !== r.fine) d.push(`fine ${formatTime(ex.fine)} nel database, ${formatTime(r.fine)} nel file`);
  if (ex.modalita !== r.modalita) d.push(`modalità ${ex.modalita} nel database, ${r.modalita} nel file`);
  if (ex.collettiva !== (r.collettiva ? 1 : 0)) d.push(ex.collettiva ? 'collettiva nel database, individuale nel file' : 'individuale nel database, collettiva nel file');
  if (x.sedeId !== null && x.sedeId !== ex.sede_id) d.push('sede diversa');
  if (x.descrizione !== null && x.descrizione !== ex.descrizione) d.push('descrizione diversa');
  return d.join('; ');
}

function timesheetDifferences(ex: { fine: number; collettiva: number; descrizione: string | null }, r: DeliveryRow, x: RowExtra): string {
  const d: string[] = [];
  if (ex.fine !== r.fine) d.push(`fine ${formatTime(ex.fine)} nel database, ${formatTime(r.fine)} nel file`);
  if (ex.collettiva !== (r.collettiva ? 1 : 0)) d.push(ex.collettiva ? 'collettiva nel database, individuale nel file' : 'individuale nel database, collettiva nel file');
  if (x.descrizione !== null && x.descrizione !== ex.descrizione) d.push('descrizione diversa');
  return d.join('; ');
}
