/**
 * Stored text: how long it may be and which characters it may not hold. One definition for the
 * options (cli-options/values.ts), the CSV cells importa stores (rules/field-text.ts) and the
 * terminal output (output/visible.ts).
 */

/**
 * How long a stored text may be, in characters: a code (a professional's, a dote's id, a service),
 * a name (of a person, a company, a sede; also an address), a description (of a delivery, a
 * reason), a file path. Longer is a slip (a paste of the wrong thing), and would break every table.
 */
export const LIMITI = { codice: 40, nome: 200, descrizione: 2000, percorso: 4096 } as const;

/**
 * C0, DEL, C1 and the bidirectional overrides: an escape sequence such as `\x1b[2J` would reach
 * the terminal of whoever lists the text, a tab or line break would break a table's line or a CSV
 * row, an override would show the text reversed.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** `c` as an escape a person can read and retype: `\x1b`, `\x07`, `\u202e`. */
export function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The same but for line breaks and tabs: a description may run over lines (a spreadsheet's Alt+Invio). */
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * The first control character of `text`, with its position in characters (from 1), or null;
 * with `righe`, line breaks and tabs are text.
 */
export function controlIn(text: string, righe = false): { carattere: string; posizione: number } | null {
  const c = (righe ? CONTROL_BUT_LINES : CONTROL_CHAR).exec(text);
  return c ? { carattere: escapeChar(c[0]), posizione: [...text.slice(0, c.index)].length + 1 } : null;
}

/** How many characters `text` has (code points, so an emoji is one). */
export const lengthOf = (text: string): number => [...text].length;
