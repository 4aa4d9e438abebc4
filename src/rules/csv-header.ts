import type { ColumnName, FileKind, HeaderMatch } from '../csv/columns.js';
import type { Said } from './types.js';

/**
 * csv/header: the file is empty, a required column is missing (error: the rows cannot be read),
 * or a column is not recognised (always a warning, README "Regole": the column is ignored). A column
 * named twice is an error: which of the two holds the value would be a guess. A header with no
 * rows after it is a warning: nothing is wrong in it, but an export cut short would otherwise
 * pass as a clean file (exit 0, no finding).
 */
export const csvHeader = {
  id: 'csv/header',
  messages: {
    vuoto: (d: { kind: FileKind }) => `file vuoto: manca l'intestazione del ${d.kind === 'timesheet' ? 'timesheet' : 'calendario'}`,
    mancanti: (d: { colonne: readonly ColumnName[] }) =>
      `${d.colonne.length === 1 ? 'manca la colonna obbligatoria' : 'mancano le colonne obbligatorie'} ${d.colonne.join(', ')}: le righe del file non sono controllate`,
    sconosciute: (d: { nomi: readonly string[] }) =>
      `${d.nomi.length === 1 ? 'colonna non riconosciuta' : 'colonne non riconosciute'}: ${d.nomi.map((n) => `"${n}"`).join(', ')} (${d.nomi.length === 1 ? 'ignorata' : 'ignorate'}; i nomi ammessi sono in "dote verifica --help")`,
    senzaRighe: (_d: Record<string, never>) => "il file ha l'intestazione ma nessuna riga di dati",
    doppia: (d: { colonna: ColumnName; nomi: readonly string[] }) =>
      `la colonna ${d.colonna} compare ${d.nomi.length} volte (${d.nomi.map((n) => `"${n}"`).join(', ')}): tienine una sola`,
  },
  /**
   * A header as matched (src/csv/columns.ts): its findings, unknown columns as warnings, and
   * whether the rows can be read (not with a required column missing or a column named twice).
   */
  check(h: HeaderMatch) {
    const out: (Said<typeof csvHeader.messages> & { severity?: 'warning' })[] = [];
    if (h.unknown.length) out.push({ messageId: 'sconosciute', data: { nomi: h.unknown }, severity: 'warning' });
    for (const d of h.duplicates) out.push({ messageId: 'doppia', data: { colonna: d.column, nomi: d.names } });
    if (h.missing.length) out.push({ messageId: 'mancanti', data: { colonne: h.missing } });
    return { findings: out, readable: !h.duplicates.length && !h.missing.length };
  },
  /** A readable header and no row after it (blank lines are not rows). */
  checkNoRows(rows: number) {
    return rows === 0 ? ({ messageId: 'senzaRighe', data: {}, severity: 'warning' } as const) : null;
  },
  /** A file with no header at all. */
  checkEmpty(kind: FileKind) {
    return { messageId: 'vuoto', data: { kind } } as const;
  },
} as const;
