/**
 * `dote importa`: the checks of `dote verifica` with the database's context, then all the rows of
 * all the files in one transaction, or none (cli.md). Rows are written while the files stream, in
 * an open transaction that is rolled back when any error was found (or with --prova), so memory
 * stays flat and nothing is half-imported. Warnings do not stop the import.
 */
import { loadCatalogues } from '../bandi/load.js';
import { inTransaction, openDatabase } from '../db/connection.js';
import { formatInt } from '../domain/money.js';
import { checkBatch, type BatchResult } from '../check/batch.js';
import { DbContext } from '../check/db-context.js';
import { Recorder, type FileCounts } from '../check/record.js';
import { batchFiles, formatVerifica, PLAIN, progressBar, type FileOptions, type Painter } from './verifica.js';
import type { Context } from '../context.js';

export interface ImportaOptions extends FileOptions {
  prova?: boolean;
}

export interface ImportaResult extends BatchResult {
  import: {
    /** Whether the database was changed. */
    eseguita: boolean;
    prova: boolean;
    files: FileCounts[];
    totale: { importate: number; presenti: number; aggiornate: number };
  };
}

class Rollback extends Error {
  constructor(readonly result: BatchResult) {
    super('rollback');
  }
}

export function importa(ctx: Context, o: ImportaOptions): ImportaResult {
  const files = batchFiles(o);
  const cats = loadCatalogues(ctx.catalogFiles);
  const db = openDatabase(ctx.dbPath);
  try {
    const dbc = new DbContext(db, cats);
    const recorder = new Recorder(dbc, files, { write: true, oggi: ctx.oggi });
    let result: BatchResult;
    let eseguita = false;
    try {
      result = inTransaction(db, () => {
        const r = checkBatch(files, { cats, db: dbc, oggi: ctx.oggi, mode: 'importa', sink: recorder, onProgress: progressBar() });
        if (r.summary.errors > 0 || o.prova) throw new Rollback(r);
        recorder.writeHistory(ctx.operatore);
        return r;
      });
      eseguita = true;
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
      result = e.result;
    }
    const totale = { importate: 0, presenti: 0, aggiornate: 0 };
    for (const c of recorder.counts) {
      totale.importate += c.importate;
      totale.presenti += c.presenti;
      totale.aggiornate += c.aggiornate;
    }
    return { ...result, import: { eseguita, prova: Boolean(o.prova), files: recorder.counts, totale } };
  } finally {
    db.close();
  }
}

function countsLine(c: FileCounts | ImportaResult['import']['totale'], kind: 'calendario' | 'timesheet' | 'tutto'): string {
  const what = kind === 'timesheet' ? ['riga di timesheet', 'righe di timesheet'] : kind === 'calendario' ? ['erogazione', 'erogazioni'] : ['riga', 'righe'];
  const n = (x: number, one: string, many: string) => `${formatInt(x)} ${x === 1 ? one : many}`;
  const parts = [`${n(c.importate, what[0]!, what[1]!)} ${c.importate === 1 ? 'nuova' : 'nuove'}`, `${formatInt(c.presenti)} già ${c.presenti === 1 ? 'presente' : 'presenti'}`];
  if (c.aggiornate) parts.push(`${formatInt(c.aggiornate)} ${c.aggiornate === 1 ? 'aggiornata' : 'aggiornate'}`);
  return parts.join(', ');
}

export function formatImporta(r: ImportaResult, p: Painter = PLAIN): string {
  const lines = [formatVerifica(r, p)];
  const i = r.import;
  if (r.summary.errors > 0) {
    lines.push('Nessuna riga importata: tutto o niente, correggi gli errori e riprova.');
    return lines.join('\n');
  }
  lines.push(i.prova ? 'Prova: il database non è stato modificato. Con "dote importa" senza --prova:' : 'Importazione completata:');
  const w = Math.max(...i.files.map((f) => f.file.length));
  for (const f of i.files) lines.push(`  ${f.file.padEnd(w)}  ${countsLine(f, f.kind)}`);
  return lines.join('\n');
}

export function importaJson(r: ImportaResult): object {
  return { files: r.files, diagnostics: r.diagnostics, skipped: r.skipped, summary: r.summary, import: r.import };
}
