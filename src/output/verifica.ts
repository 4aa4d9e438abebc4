/**
 * Output of `dote verifica` (and the findings part of `dote importa`): the diagnostics as text,
 * coloured on a terminal, the JSON document of docs/comandi.md, and the progress bar on stderr.
 */
import { formatInt } from '../domain/money.js';
import type { BatchOptions, BatchResult, Diagnostic } from '../check/batch.js';
import { stdoutSink, type TextSink } from './stream.js';

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
 * Colour only where chalk would use it and stdout is a terminal (docs/comandi.md); NO_COLOR turns it off,
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

export interface FindingListOptions {
  /** Every finding on its own line (--tutte), none counted together. */
  tutte?: boolean;
}

/** Findings shown of one rule, column and severity in a file before the rest are counted in one line. */
export const SHOWN_PER_GROUP = 3;

/**
 * The findings, one line each, sorted by file then line (docs/comandi.md). A spreadsheet slip repeated down
 * a column reads as one problem: past the first SHOWN_PER_GROUP findings of one rule, column and
 * severity in a file, the rest are counted in one line after the file's findings (unless only one
 * more would be hidden: the line would take as much room as the finding). `--tutte` lists them all.
 */
export function* findingLines(r: BatchResult, p: Painter = PLAIN, o: FindingListOptions = {}): Generator<string> {
  interface Group {
    rule: string;
    column: string | null;
    severity: Diagnostic['severity'];
    shown: number;
    total: number;
  }
  const sev = (s: Diagnostic['severity']) => (s === 'error' ? p.error('errore') : p.warning('avviso'));
  let file: string | null = null;
  let groups = new Map<string, Group>();
  const counted = function* (): Generator<string> {
    for (const g of groups.values()) {
      const rest = g.total - g.shown;
      if (rest <= 0) continue;
      const where = g.column ? `, colonna ${g.column}` : '';
      yield `${file}: ${sev(g.severity)} ${p.rule(g.rule)}: ${p.dim(`altre ${formatInt(rest)} righe${where} (--tutte per elencarle)`)}`;
    }
  };
  for (const d of r.diagnostics) {
    if (d.file !== file) {
      yield* counted();
      file = d.file;
      groups = new Map();
    }
    if (!o.tutte) {
      const key = `${d.rule}\u0000${d.column ?? ''}\u0000${d.severity}`;
      let g = groups.get(key);
      if (!g) {
        g = { rule: d.rule, column: d.column, severity: d.severity, shown: 0, total: r.diagnostics.countOf(d.file, d.rule, d.column, d.severity) };
        groups.set(key, g);
      }
      if (g.shown >= SHOWN_PER_GROUP && g.total > SHOWN_PER_GROUP + 1) continue;
      g.shown++;
    }
    yield `${d.file}:${d.line}: ${sev(d.severity)} ${p.rule(d.rule)}: ${d.message}`;
  }
  yield* counted();
}

/** The findings (findingLines), the summary line, then the rules that could not run. */
export function* verificaLines(r: BatchResult, p: Painter = PLAIN, o: FindingListOptions = {}): Generator<string> {
  yield* findingLines(r, p, o);
  yield summaryLine(r);
  if (r.skipped.length) {
    yield p.dim('Regole non applicate:');
    const w = Math.max(...r.skipped.map((s) => s.rule.length));
    for (const s of r.skipped) yield p.dim(`  ${s.rule.padEnd(w)}  ${s.reason}`);
  }
}

/** Lines to stdout as they are made (the findings may be many: src/output/stream.ts). */
export function writeLines(lines: Iterable<string>, sink: TextSink = stdoutSink()): void {
  for (const l of lines) sink.write(`${l}\n`);
  sink.end();
}

export function summaryLine(r: BatchResult): string {
  const s = r.summary;
  return `${formatInt(s.files)} file, ${plural(s.rows, 'riga', 'righe')}: ${plural(s.errors, 'errore', 'errori')}, ${plural(s.warnings, 'avviso', 'avvisi')}`;
}

/** The JSON document of docs/comandi.md. */
export function verificaJson(r: BatchResult): Record<string, unknown> {
  return { files: r.files, diagnostics: r.diagnostics, skipped: r.skipped, summary: r.summary };
}
