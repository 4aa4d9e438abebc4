/**
 * What importa does with each readable row, and what verifica with a database checks of it.
 *
 * A calendar row is a delivery that took place: an `erogazione` in state EROGATA, origine
 * 'importa', with its file and line. Its key is dote, service, date, start and professional (the
 * deliveries ANNULLATA or CHIUSA NEGATIVAMENTE do not count: their slot can be used again). With
 * the key already in the database:
 *   - same content (end, mode, group; sede and description when the file gives them): "già
 *     presente", nothing changes, so importing the same file twice adds nothing;
 *   - different content, and the delivery is in a liquidation request: import/conflict, refused;
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
import type { BatchFile, ReportFn, RowExtra, RowSink } from './batch.js';
import type { DbContext, ExistingErogazione } from './db-context.js';
import { STATI_EROGABILI } from '../domain/dote-stati.js';
import { recordHistory } from '../db/storia.js';
import { importConflict } from '../rules/import-conflict.js';
import { formatTime } from '../domain/dates.js';
import { BatchInsert } from './batch-insert.js';
import type { Statement } from 'better-sqlite3';

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
  private readonly updates: { doteId: string; entita: 'erogazione' | 'timesheet'; id: number; prima: object; dopo: object }[] = [];
  private readonly inserts = new Map<number, { erogazione: BatchInsert; timesheetOne: Statement }>();
  private readonly updateErogazione;
  private readonly updateTimesheet;
  private readonly now = new Date().toISOString();
  /**
   * Professionals who had deliveries (timesheet rows) before this import. For the others no row
   * can be "already present" except one written earlier in this same call, which `addKey` finds
   * without searching the deliveries: a million-row import costs no lookups.
   */
  private readonly hadErogazioni: Set<number>;
  private readonly hadTimesheet: Set<number>;
  private readonly groups = new Map<string, number>();
  /**
   * Keys of the deliveries added in this call (importa only): a TEMP table, so that a million new
   * rows cost SQLite's temporary storage, not the process's memory.
   */
  private readonly addKey: Statement | null;

  constructor(
    private readonly ctx: DbContext,
    private readonly files: readonly BatchFile[],
    private readonly opts: { write: boolean; oggi: string },
  ) {
    this.counts = files.map((f) => ({ file: f.path, kind: f.kind, importate: 0, presenti: 0, aggiornate: 0 }));
    const db = ctx.db;
    this.hadErogazioni = new Set(
      db.prepare("SELECT DISTINCT professionista_id FROM erogazione WHERE stato NOT IN ('ANNULLATA', 'CHIUSA NEGATIVAMENTE')").pluck().all() as number[],
    );
    this.hadTimesheet = new Set(db.prepare('SELECT DISTINCT professionista_id FROM timesheet_riga').pluck().all() as number[]);
    if (opts.write) {
      db.exec('CREATE TEMP TABLE IF NOT EXISTS importa_chiave (k INTEGER PRIMARY KEY); DELETE FROM temp.importa_chiave;');
      this.addKey = db.prepare('INSERT OR IGNORE INTO temp.importa_chiave (k) VALUES (?)');
    } else {
      this.addKey = null;
    }
    this.updateErogazione = db.prepare(
      `UPDATE erogazione SET fine = ?, sede_id = coalesce(?, sede_id), modalita = ?, collettiva = ?, descrizione = coalesce(?, descrizione),
              file = ?, riga = ?, aggiornata_il = ? WHERE id = ?`,
    );
    this.updateTimesheet = db.prepare('UPDATE timesheet_riga SET fine = ?, collettiva = ?, descrizione = coalesce(?, descrizione), file = ?, riga = ?, importata_il = ? WHERE id = ?');
  }

  /**
   * Insert statements per file, with the values that are the same for every row written into the
   * SQL: binding fewer parameters makes a row cheaper to insert.
   */
  private insertsFor(fi: number): { erogazione: BatchInsert; timesheetOne: Statement } {
    let x = this.inserts.get(fi);
    if (!x) {
      const db = this.ctx.db;
      const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;
      const file = lit(this.files[fi]!.path);
      const tsHead = 'INSERT INTO timesheet_riga (professionista_id, dote_id, servizio, data, inizio, fine, collettiva, descrizione, file, riga, importata_il)';
      const tsValues = `(?, ?, ?, ?, ?, ?, ?, ?, ${file}, ?, ${lit(this.opts.oggi)})`;
      x = {
        erogazione: new BatchInsert(
          db,
          `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, sede_id, modalita, collettiva, sessione,
                                   descrizione, stato, registrata_il, origine, file, riga, creata_il, aggiornata_il)`,
          `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EROGATA', ?, 'importa', ${file}, ?, ${lit(this.now)}, ${lit(this.now)})`,
          13,
        ),
        timesheetOne: db.prepare(`${tsHead} VALUES ${tsValues} ON CONFLICT (professionista_id, dote_id, servizio, data, inizio) DO NOTHING`),
      };
      this.inserts.set(fi, x);
    }
    return x;
  }

  /** Writes the rows still waiting in the batches. */
  flush(): void {
    for (const x of this.inserts.values()) {
      x.erogazione.flush();
    }
  }

  end(): void {
    this.flush();
  }

  row(r: DeliveryRow, x: RowExtra, _bando: Bando | undefined, report: ReportFn): void {
    const info = this.ctx.dote(r.doteId);
    // Unknown dote, professional or sede: field/value has reported it; nothing to record.
    if (!info || x.professionistaId === undefined || x.sedeId === undefined) return;
    const counts = this.counts[x.fileIndex]!;
    const erogabile = STATI_EROGABILI.includes(info.stato);
    const collettiva = r.collettiva ? 1 : 0;
    const profId = x.professionistaId;
    const file = this.files[x.fileIndex]!.path;
    if (r.kind === 'timesheet') {
      const prior = this.hadTimesheet.has(profId);
      if (erogabile && this.opts.write) {
        // The table's UNIQUE key decides: a new row goes in, an existing one is compared.
        if (this.insertsFor(x.fileIndex).timesheetOne.run(profId, r.doteId, r.servizio, r.data, r.inizio, r.fine, collettiva, x.descrizione, r.line).changes) {
          counts.importate++;
          this.summarize(r, x.fileIndex);
          return;
        }
      } else if (erogabile && !prior) {
        counts.importate++; // verifica: no earlier rows for this professional, so it would be added
        this.summarize(r, x.fileIndex);
        return;
      }
      const ex = this.ctx.existingTimesheet(profId, r.doteId, r.servizio, r.data, r.inizio);
      if (ex && ex.fine === r.fine && ex.collettiva === collettiva && (x.descrizione === null || x.descrizione === ex.descrizione)) {
        counts.presenti++;
        return;
      }
      if (!erogabile) {
        report(importConflict.id, importConflict.doteState(r.doteId, info.stato), 'id_dote');
        return;
      }
      if (!ex) {
        counts.importate++; // verifica: would be added
        return;
      }
      counts.aggiornate++;
      if (!this.opts.write) return;
      this.updateTimesheet.run(r.fine, collettiva, x.descrizione, file, r.line, this.opts.oggi, ex.id);
      this.updates.push({
        doteId: r.doteId,
        entita: 'timesheet',
        id: ex.id,
        prima: { fine: formatTime(ex.fine), collettiva: ex.collettiva, descrizione: ex.descrizione },
        dopo: { fine: formatTime(r.fine), collettiva, descrizione: x.descrizione ?? ex.descrizione, file, riga: r.line },
      });
      return;
    }

    // A calendar row. Is the same delivery (dote, service, date, start, professional) there?
    // Only if the professional had deliveries before this import, or this call added the key.
    let ex: ExistingErogazione | undefined;
    if (this.hadErogazioni.has(profId) || !erogabile) {
      this.flush();
      ex = this.ctx.existingErogazione(profId, r.data, r.doteId, r.servizio, r.inizio);
    } else if (this.addKey) {
      // (group, day, start) as one integer: group × 2^28 + (day + 2^15) × 1440 + start.
      const k = this.groupOf(profId, r) * 2 ** 28 + (r.day + 32768) * 1440 + r.inizio;
      if (this.addKey.run(k).changes === 0) {
        this.flush();
        ex = this.ctx.existingErogazione(profId, r.data, r.doteId, r.servizio, r.inizio);
      }
    }
    if (ex && sameDelivery(ex, r, x)) {
      counts.presenti++;
      return;
    }
    if (!erogabile) {
      report(importConflict.id, importConflict.doteState(r.doteId, info.stato), 'id_dote');
      return;
    }
    if (ex && ex.liquidazione_id !== null) {
      report(importConflict.id, importConflict.locked(ex.id, r.data, r.inizio, differences(ex, r, x)));
      return;
    }
    if (ex) {
      counts.aggiornate++;
      if (!this.opts.write) return;
      this.updateErogazione.run(r.fine, x.sedeId, r.modalita, collettiva, x.descrizione, file, r.line, this.now, ex.id);
      this.updates.push({
        doteId: r.doteId,
        entita: 'erogazione',
        id: ex.id,
        prima: { fine: formatTime(ex.fine), sede_id: ex.sede_id, modalita: ex.modalita, collettiva: ex.collettiva, descrizione: ex.descrizione },
        dopo: { fine: formatTime(r.fine), sede_id: x.sedeId ?? ex.sede_id, modalita: r.modalita, collettiva, descrizione: x.descrizione ?? ex.descrizione, file, riga: r.line },
      });
      return;
    }
    counts.importate++;
    this.summarize(r, x.fileIndex);
    if (!this.opts.write) return;
    // One collective session: the same professional, service, day and hours, across doti.
    const sessione = r.collettiva ? `${r.professionista}|${r.servizio}|${r.data}|${formatTime(r.inizio)}-${formatTime(r.fine)}` : null;
    this.insertsFor(x.fileIndex).erogazione.add(
      r.doteId, r.servizio, r.data, r.inizio, r.fine, profId, x.sedeId, r.modalita, collettiva, sessione,
      x.descrizione, x.registrataIl ?? this.opts.oggi, r.line,
    );
  }

  /** A small integer per (professional, dote, service), for the keys of rows added in this call. */
  private groupOf(profId: number, r: DeliveryRow): number {
    const gk = `${profId}\u0000${r.doteId}\u0000${r.servizio}`;
    let g = this.groups.get(gk);
    if (g === undefined) {
      g = this.groups.size;
      this.groups.set(gk, g);
    }
    return g;
  }

  private summarize(r: DeliveryRow, fi: number): void {
    let s = this.summaries.get(r.doteId);
    if (!s) {
      s = { erogazioni: 0, minutiErogazioni: 0, righeTimesheet: 0, minutiTimesheet: 0, files: new Set(), dal: r.data, al: r.data };
      this.summaries.set(r.doteId, s);
    }
    const minuti = r.minuti > 0 ? r.minuti : 0;
    if (r.kind === 'timesheet') {
      s.righeTimesheet++;
      s.minutiTimesheet += minuti;
    } else {
      s.erogazioni++;
      s.minutiErogazioni += minuti;
    }
    s.files.add(fi);
    if (r.data < s.dal) s.dal = r.data;
    if (r.data > s.al) s.al = r.data;
  }

  /** The history entries of this import; call inside the import's transaction. */
  writeHistory(operatore: string): void {
    for (const [doteId, s] of this.summaries) {
      const files = [...s.files].map((fi) => this.files[fi]!.path);
      const parts: string[] = [];
      if (s.erogazioni) parts.push(`${s.erogazioni} ${s.erogazioni === 1 ? 'erogazione' : 'erogazioni'} (EROGATA)`);
      if (s.righeTimesheet) parts.push(`${s.righeTimesheet} ${s.righeTimesheet === 1 ? 'riga' : 'righe'} di timesheet`);
      recordHistory(this.ctx.db, {
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
    for (const u of this.updates) {
      recordHistory(this.ctx.db, { doteId: u.doteId, entita: u.entita, entitaId: u.id, azione: 'modificata da importa', operatore, prima: u.prima, dopo: u.dopo });
    }
  }
}

function sameDelivery(ex: ExistingErogazione, r: DeliveryRow, x: RowExtra): boolean {
  return (
    ex.fine === r.fine &&
    ex.modalita === r.modalita &&
    ex.collettiva === (r.collettiva ? 1 : 0) &&
    (x.sedeId === null || x.sedeId === ex.sede_id) &&
    (x.descrizione === null || x.descrizione === ex.descrizione)
  );
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
