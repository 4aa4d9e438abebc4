/**
 * `dote importa`: the checks of `dote verifica` with the database's context, then all the rows of
 * all the files in one transaction, or none (docs/comandi.md). Rows are written while the files stream, by
 * a writer thread in an open transaction (src/import/import-writer*.ts) that is rolled back when any
 * error was found (or with --prova), so memory stays flat, nothing is half-imported, and checking
 * and writing run at the same time on two cores. Warnings do not stop the import.
 */
import { loadCatalogues } from '../bandi/load.js';
import { openBatchDatabase } from '../db/batch-context.js';
import { checkBatch, type BatchOptions, estimateRows, type BatchResult } from '../check/batch.js';
import { Recorder, type FileCounts } from '../import/record.js';
import { ImportWriter } from '../import/import-writer.js';
import type { ImportChange } from '../import/import-compare.js';
import { batchFiles, failed, type FileOptions } from './verifica.js';
import type { Context } from '../context.js';

export interface ImportaOptions extends FileOptions {
  prova?: boolean;
  /** Warnings stop the import too (as they fail `verifica --strict`). */
  strict?: boolean;
}

export interface ImportaResult extends BatchResult {
  /** Today (--oggi): the registration date of calendar rows without registrata_il. */
  oggi: string;
  import: {
    /** Whether the database was changed. */
    eseguita: boolean;
    /** Nothing imported because of the findings: errors, or warnings under --strict (exit 1). */
    rifiutata: boolean;
    prova: boolean;
    files: FileCounts[];
    totale: { importate: number; presenti: number; aggiornate: number };
    /** Every field an update changes (file:line, field, recorded value → the file's), with --prova too. */
    aggiornamenti: ImportChange[];
  };
}

/** `onProgress`: the caller's progress display (the command passes the terminal's bar). */
export function importa(ctx: Context, o: ImportaOptions, onProgress?: BatchOptions['onProgress']): ImportaResult {
  const files = batchFiles(o);
  const cats = loadCatalogues(ctx.catalogFiles);
  // The reading connection first (it checks the file and applies migrations), then the writer
  // thread, which takes the write lock before anything is read: what the checks see is exactly
  // what the rows are written on top of.
  const db = openBatchDatabase(ctx.dbPath);
  let writer: ImportWriter | undefined;
  try {
    writer = new ImportWriter(ctx.dbPath, files.map((f) => f.path), { now: new Date().toISOString(), oggi: ctx.oggi });
    const dbc = db.context(cats, { expectedRows: estimateRows(files) });
    const recorder = new Recorder(dbc, files, { oggi: ctx.oggi, writer });
    // One read transaction: one consistent view for the whole call.
    const result = dbc.readTransaction(() => checkBatch(files, { cats, db: dbc, oggi: ctx.oggi, mode: 'importa', sink: recorder, onProgress }));
    const rifiutata = failed(result, Boolean(o.strict));
    const commit = !rifiutata && !o.prova;
    const w = writer;
    writer = undefined;
    recorder.addMaybe(w.drain());
    w.end(commit, ctx.operatore, commit ? recorder.history(ctx.operatore) : [], recorder.activitiesStarted());
    const totale = { importate: 0, presenti: 0, aggiornate: 0 };
    for (const c of recorder.counts) {
      totale.importate += c.importate;
      totale.presenti += c.presenti;
      totale.aggiornate += c.aggiornate;
    }
    // A sede by its name, as the file and the registry say it (the id is the database's own).
    const aggiornamenti = recorder.changes().map((c) => (c.campo === 'sede_id' ? { ...c, campo: 'sede', prima: dbc.sedeNome(c.prima as number | null), dopo: dbc.sedeNome(c.dopo as number | null) } : c));
    return { ...result, oggi: ctx.oggi, import: { eseguita: commit, rifiutata, prova: Boolean(o.prova), files: recorder.counts, totale, aggiornamenti } };
  } finally {
    writer?.abort();
    db.close();
  }
}
