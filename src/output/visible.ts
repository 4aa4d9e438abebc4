/**
 * Stored text as it may be printed on a terminal: every control character (C0, DEL, C1) and every
 * bidirectional override shown as a visible escape (`\x1b`, `\u202e`) instead of being sent raw.
 * Input refuses them (cli-options/values.ts `testoProblem`), but a database written by an older
 * dote, or by hand, may hold a name such as "\x1b[2J": printed raw it would clear the screen.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ALL_CONTROL = new RegExp(CONTROL_CHAR.source, 'g');

/** `c` as an escape a person can read and retype: `\x1b`, `\x07`, `\u202e`. */
export function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function visible(text: string): string {
  return text.replace(ALL_CONTROL, escapeChar);
}
