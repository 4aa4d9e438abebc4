/**
 * Output of `dote verifica` (and the findings part of `dote importa`): the diagnostics as text,
 * coloured on a terminal, the JSON document of docs/comandi.md, and the progress bar on stderr.
 */
import { formatInt } from '../domain/money.js';
import type { BatchOptions, BatchResult } from '../check/batch.js';

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

/** The JSON document of docs/comandi.md. */
export function verificaJson(r: BatchResult): object {
  return { files: r.files, diagnostics: r.diagnostics, skipped: r.skipped, summary: r.summary };
}
