import type { ColumnName } from '../csv/columns.js';
import { LIMITI, controlIn, lengthOf } from '../domain/testo.js';

/**
 * field/text: a text cell that importa stores or that findings quote holds a control character
 * (an escape sequence, a tab, a bidirectional override: domain/testo.ts) or is longer than its
 * limit: `descrizione` 2000 characters, `professionista` and `sede` 200, `id_dote` and `servizio`
 * 40 (the limits of the same texts typed as options, README "Testi"). A description may hold line
 * breaks and tabs: a quoted CSV cell written over lines in a spreadsheet (Alt+Invio) is text, and
 * the output shows them as `\x0a` (output/visible.ts). A row with a control character is not
 * checked further: no other rule quotes it back to the terminal.
 */
const messages = {
  controllo: (d: { colonna: string; carattere: string; posizione: number }) =>
    `${d.colonna}: carattere di controllo ${d.carattere} non ammesso (posizione ${d.posizione})`,
  lungo: (d: { colonna: string; caratteri: number; massimo: number }) => `${d.colonna}: testo troppo lungo, ${d.caratteri} caratteri, al massimo ${d.massimo}`,
};

/** The columns checked, with their limits. */
export const TEXT_COLUMNS: readonly (readonly [ColumnName, number])[] = [
  ['id_dote', LIMITI.codice],
  ['servizio', LIMITI.codice],
  ['professionista', LIMITI.nome],
  ['sede', LIMITI.nome],
  ['descrizione', LIMITI.descrizione],
];

export const fieldText = {
  id: 'field/text',
  messages,
  /** The finding of one cell, or null; an empty cell is fine (field/required says if it must not be). */
  check(colonna: ColumnName, text: string, massimo: number) {
    if (!text) return null;
    const c = controlIn(text, colonna === 'descrizione');
    if (c) return { messageId: 'controllo', data: { colonna, ...c }, column: colonna } as const;
    // UTF-16 units are never fewer than characters: most cells are decided without counting.
    if (text.length <= massimo) return null;
    const caratteri = lengthOf(text);
    return caratteri > massimo ? ({ messageId: 'lungo', data: { colonna, caratteri, massimo }, column: colonna } as const) : null;
  },
} as const;
