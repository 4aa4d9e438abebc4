/**
 * `dote verifica`: batch-check calendars and timesheets, no import (docs/comandi.md, dote verifica and dote
 * importa). The work is src/check/batch.ts; here: which files are which kind, which database
 * gives context and the exit status. The text and JSON output and the progress bar are in
 * src/output/verifica.ts.
 */
import { existsSync } from 'node:fs';
import { loadCatalogues } from '../bandi/load.js';
import { UsageError } from '../errors.js';
import { kindFromName, type FileKind } from '../csv/columns.js';
import { checkBatch, estimateRows, type BatchFile, type BatchOptions, type BatchResult } from '../check/batch.js';
import { openBatchDatabase, type BatchDatabase } from '../db/batch-context.js';
import { Recorder } from '../import/record.js';
import type { Context } from '../context.js';

export interface FileOptions {
  files: readonly string[];
  calendario?: readonly string[];
  timesheet?: readonly string[];
}

/**
 * The files of a call with their kind, in the order given on the command line: `--calendario`
 * and `--timesheet` say the kind, a bare file's name decides it (docs/comandi.md).
 */
export function batchFiles(o: FileOptions, argv: readonly string[] = process.argv.slice(2)): BatchFile[] {
  const list: BatchFile[] = [
    ...o.files.map((path) => ({ path, kind: kindFromName(path), kindFromName: true })),
    ...(o.calendario ?? []).map((path) => ({ path, kind: 'calendario' as FileKind })),
    ...(o.timesheet ?? []).map((path) => ({ path, kind: 'timesheet' as FileKind })),
  ];
  if (!list.length) throw new UsageError('nessun file da controllare', 'dote verifica calendario.csv timesheet-rossi.csv');
  // Commander hands positional files and option values apart: restore the command line's order.
  const at = (p: string) => {
    const i = argv.indexOf(p);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return list.map((f, i) => ({ f, i, at: at(f.path) })).sort((a, b) => a.at - b.at || a.i - b.i).map((x) => x.f);
}

/**
 * The database that gives context: `--db` / DOTE_DB when given (it must exist), else `./dote.db`
 * when present; verifica also works without one, skipping the rules that need it.
 */
export function openOptionalDatabase(ctx: Context): BatchDatabase | undefined {
  if (ctx.dbPath === 'dote.db' && !existsSync(ctx.dbPath)) return undefined;
  return openBatchDatabase(ctx.dbPath, { readonly: true });
}

export interface VerificaOptions extends FileOptions {
  bando?: string;
}

/** `onProgress`: the caller's progress display (the command passes the terminal's bar). */
export function verifica(ctx: Context, o: VerificaOptions, onProgress?: BatchOptions['onProgress']): BatchResult {
  const files = batchFiles(o);
  const cats = loadCatalogues(ctx.catalogFiles);
  const bando = o.bando ? cats.get(o.bando) : undefined;
  const db = openOptionalDatabase(ctx);
  try {
    const dbc = db ? db.context(cats, { expectedRows: estimateRows(files) }) : undefined;
    return checkBatch(files, {
      cats,
      bando,
      db: dbc,
      oggi: ctx.oggi,
      mode: 'verifica',
      // With a database, verifica also says what importa would refuse (import/conflict).
      sink: dbc ? new Recorder(dbc, files, { oggi: ctx.oggi }) : undefined,
      onProgress,
    });
  } finally {
    db?.close();
  }
}

/** Exit status: 1 when errors were found, or warnings under --strict (docs/comandi.md). */
export function failed(r: BatchResult, strict: boolean): boolean {
  return r.summary.errors > 0 || (strict && r.summary.warnings > 0);
}
