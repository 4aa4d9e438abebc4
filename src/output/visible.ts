/**
 * Stored text as it may be printed on a terminal: every control character (domain/testo.ts) shown
 * as a visible escape (`\x1b`, `\u202e`) instead of being sent raw. Input refuses them, but a
 * database written by an older dote, or by hand, may hold a name such as "\x1b[2J": printed raw it
 * would clear the screen.
 */
import { CONTROL_CHAR, escapeChar } from '../domain/testo.js';

const ALL_CONTROL = new RegExp(CONTROL_CHAR.source, 'g');

export function visible(text: string): string {
  return text.replace(ALL_CONTROL, escapeChar);
}
