/**
 * Plain-text layout for the terminal: tables with columns padded to their widest cell, aligned
 * "label: value" lines. Every cell and value goes through `visible`: what the database holds
 * (names, descriptions) is never sent to the terminal with its control characters raw.
 */
import { visible } from './visible.js';

export function table(headers: readonly string[], cells: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const rows = cells.map((r) => r.map(visible));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Aligned "label: value" lines; null values shown as "—". */
export function fields(pairs: readonly (readonly [string, string | null | undefined])[]): string {
  const width = Math.max(...pairs.map(([k]) => k.length)) + 1;
  return pairs.map(([k, v]) => `${`${k}:`.padEnd(width)}  ${v == null ? '—' : visible(v)}`).join('\n');
}
