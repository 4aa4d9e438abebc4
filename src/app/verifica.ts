/**
 * `dote verifica`: batch-check calendars and timesheets, no import (cli.md "dote verifica and dote
 * importa"). The work is src/check/batch.ts; here: which files are which kind, which database
 * gives context, the text and JSON output, the progress bar and the exit status.
 */
import { existsSync } from 'node:fs';
import { loadCatalogues } from '../bandi/load.js';
import { openDatabase, type Db } from '../db/connection.js';
import { UsageError } from '../errors.js';
import { formatInt } from '../domain/money.js';
import { kindFromName, type FileKind } from '../csv/columns.js';
import { checkBatch, estimateRows, type BatchFile, type BatchOptions, type BatchResult } from '../check/batch.js';
import { DbContext } from '../check/db-context.js';
import { Recorder } from '../check/record.js';
import type { Context } from '../context.js';

export interface FileOptions {
  files: readonly string[];
  calendario?: readonly string[];
  timesheet?: readonly string[];
}

/**
 * The files of a call with their kind, in the order given on the command line: `--calendario`
 * and `--timesheet` say the kind, a bare file's name decides it (cli.md).
 */
export function batchFiles(o: FileOptions, argv: readonly string[] = process.argv.slice(2)): BatchFile[] {
  const list: BatchFile[] = [
    ...o.files.map((path) => ({ path, kind: kindFromName(path) })),
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
export function openOptionalDatabase(ctx: Context): Db | undefined {
  if (ctx.dbPath === 'dote.db' && !existsSync(ctx.dbPath)) return undefined;
  return openDatabase(ctx.dbPath, { readonly: true });
}

/** A progress bar on stderr, only on a TTY and only for inputs large enough to take a while. */
export function progressBar(): BatchOptions['onProgress'] {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  let shown = false;
  return (done, total) => {
    if (total < 4 * 1024 * 1024 && !shown) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    shown = true;
    const width = 30;
    const frac = total ? done / total : 1;
    const fill = Math.round(frac * width);
    const mb = (n: number) => (n / 1048576).toFixed(1).replace('.', ',');
    process.stderr.write(`\r[${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${String(Math.floor(frac * 100)).padStart(3)}% ${mb(done)} di ${mb(total)} MB`);
    if (done >= total) process.stderr.write('\r\x1b[K');
  };
}

export interface VerificaOptions extends FileOptions {
  bando?: string;
}

export function verifica(ctx: Context, o: VerificaOptions): BatchResult {
  const files = batchFiles(o);
  const cats = loadCatalogues(ctx.catalogFiles);
  const bando = o.bando ? cats.get(o.bando) : undefined;
  const db = openOptionalDatabase(ctx);
  try {
    const dbc = db ? new DbContext(db, cats, { expectedRows: estimateRows(files) }) : undefined;
    return checkBatch(files, {
      cats,
      bando,
      db: dbc,
      oggi: ctx.oggi,
      mode: 'verifica',
      // With a database, verifica also says what importa would refuse (import/conflict).
      sink: dbc ? new Recorder(dbc, files, { oggi: ctx.oggi }) : undefined,
      onProgress: progressBar(),
    });
  } finally {
    db?.close();
  }
}

/** Exit status: 1 when errors were found, or warnings under --strict (cli.md). */
export function failed(r: BatchResult, strict: boolean): boolean {
  return r.summary.errors > 0 || (strict && r.summary.warnings > 0);
}

function plural(n: number, one: string, many: string): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

export interface Painter {
  error(s: string): string;
  warning(s: string): string;
  rule(s: string): string;
  dim(s: string): string;
}

export const PLAIN: Painter = { error: (s) => s, warning: (s) => s, rule: (s) => s, dim: (s) => s };

/**
 * Colour only where chalk would use it and stdout is a terminal (cli.md); NO_COLOR turns it off,
 * FORCE_COLOR on even through a pipe. chalk is imported only then.
 */
export async function painter(): Promise<Painter> {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (!forced && (!process.stdout.isTTY || (env.NO_COLOR !== undefined && env.NO_COLOR !== ''))) return PLAIN;
  const { default: chalk } = await import('chalk');
  if (!chalk.level) return PLAIN;
  return { error: (s) => chalk.red.bold(s), warning: (s) => chalk.yellow(s), rule: (s) => chalk.cyan(s), dim: (s) => chalk.dim(s) };
}

/** `file:line: errore rule message`, the summary line, then the rules that could not run. */
export function formatVerifica(r: BatchResult, p: Painter = PLAIN): string {
  const lines: string[] = [];
  for (const d of r.diagnostics) {
    const sev = d.severity === 'error' ? p.error('errore') : p.warning('avviso');
    lines.push(`${d.file}:${d.line}: ${sev} ${p.rule(d.rule)}: ${d.message}`);
  }
  lines.push(summaryLine(r));
  if (r.skipped.length) {
    lines.push(p.dim('Regole non applicate:'));
    const w = Math.max(...r.skipped.map((s) => s.rule.length));
    for (const s of r.skipped) lines.push(p.dim(`  ${s.rule.padEnd(w)}  ${s.reason}`));
  }
  return lines.join('\n');
}

export function summaryLine(r: BatchResult): string {
  const s = r.summary;
  return `${formatInt(s.files)} file, ${plural(s.rows, 'riga', 'righe')}: ${plural(s.errors, 'errore', 'errori')}, ${plural(s.warnings, 'avviso', 'avvisi')}`;
}

/** The JSON document of cli.md. */
export function verificaJson(r: BatchResult): object {
  return { files: r.files, diagnostics: r.diagnostics, skipped: r.skipped, summary: r.summary };
}
