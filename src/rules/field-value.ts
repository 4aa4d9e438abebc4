import type { Said } from './types.js';
import type { Modalita } from '../bandi/schema.js';
import { parseModalita } from '../domain/modalita.js';
import { parseFascia } from '../domain/fascia.js';

/**
 * field/value: a value outside its list or unknown to the database. Lists: `modalita` (presenza,
 * fad, telematica, telefonica), `gruppo` (individuale, collettiva), `fascia` (1-4), `tipo_dote`
 * (the loaded bandi's types). With a database (always for importa): the dote, the professional
 * (by code or full name) and the sede must be registered; without one those are skipped.
 * The row is still checked by the other rules, with the default for a bad list value.
 */
/** The words of the `gruppo` column (docs/csv.md, Valori). */
const GRUPPO: Record<string, boolean> = {
  individuale: false,
  ind: false,
  i: false,
  collettiva: true,
  collettivo: true,
  coll: true,
  c: true,
  gruppo: true,
};

const messages = {
  doteSconosciuta: (d: { dote: string }) => `dote ${d.dote} sconosciuta nel database`,
  professionistaSconosciuto: (d: { testo: string }) => `professionista "${d.testo}" sconosciuto: registralo con "dote professionista aggiungi" (codice o nome e cognome)`,
  sedeSconosciuta: (d: { testo: string }) => `sede "${d.testo}" sconosciuta: registrala con "dote sede aggiungi"`,
  modalita: (d: { testo: string }) => `modalità "${d.testo}" non prevista: presenza, fad, telematica o telefonica`,
  gruppo: (d: { testo: string }) => `gruppo "${d.testo}" non previsto: individuale o collettiva`,
  fascia: (d: { testo: string }) => `fascia "${d.testo}" non valida: 1, 2, 3 o 4`,
  tipoDote: (d: { testo: string; tipi: readonly string[] }) => `tipo di dote "${d.testo}" sconosciuto (tipi: ${d.tipi.join(', ')})`,
};

export const fieldValue = {
  id: 'field/value',
  messages,
  /** `modalita` as written to its mode, or the finding. */
  modalita(raw: string): Modalita | Said<typeof messages> {
    return parseModalita(raw) ?? { messageId: 'modalita', data: { testo: raw } };
  },
  /** `gruppo` as written: true for a group delivery, or the finding. */
  gruppo(raw: string): boolean | Said<typeof messages> {
    const key = raw.toLowerCase();
    return Object.hasOwn(GRUPPO, key) ? GRUPPO[key]! : { messageId: 'gruppo', data: { testo: raw } };
  },
  /** `fascia` as written to 1-4, or the finding. */
  fascia(raw: string): number | Said<typeof messages> {
    return parseFascia(raw) ?? { messageId: 'fascia', data: { testo: raw } };
  },
  /** A `tipo_dote` none of the loaded bandi has. */
  tipoDote(code: string, raw: string, tipi: ReadonlySet<string>): Said<typeof messages> | null {
    return tipi.has(code) ? null : { messageId: 'tipoDote', data: { testo: raw, tipi: [...tipi] } };
  },
} as const;
