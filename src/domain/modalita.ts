/**
 * How a delivery is given (the bandi: presenza, FAD, telematica, telefonica), and the words a
 * user may write for it, in a CSV cell or in `--modalita`. One reader for both paths.
 */
import type { Modalita } from '../bandi/schema.js';

export const MODALITA: readonly Modalita[] = ['presenza', 'fad', 'telematica', 'telefonica'];

const WORDS: Record<string, Modalita> = {
  presenza: 'presenza',
  'in presenza': 'presenza',
  fad: 'fad',
  'a distanza': 'fad',
  distanza: 'fad',
  telematica: 'telematica',
  telematico: 'telematica',
  telefonica: 'telefonica',
  telefonico: 'telefonica',
  telefono: 'telefonica',
};

/** The mode a text names (case and surrounding spaces ignored), or undefined. */
export function parseModalita(text: string): Modalita | undefined {
  const key = text.trim().toLowerCase();
  return Object.hasOwn(WORDS, key) ? WORDS[key] : undefined;
}
