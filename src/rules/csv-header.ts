import type { ColumnName, FileKind } from '../csv/columns.js';

/**
 * csv/header: the file is empty, a required column is missing (error: the rows cannot be read),
 * or a column is not recognised (always a warning, domain.md 2: the column is ignored). A column
 * named twice is an error: which of the two holds the value would be a guess.
 */
export const csvHeader = {
  id: 'csv/header',
  empty(kind: FileKind): string {
    return `file vuoto: manca l'intestazione del ${kind === 'timesheet' ? 'timesheet' : 'calendario'}`;
  },
  missing(cols: readonly ColumnName[]): string {
    const list = cols.join(', ');
    return `${cols.length === 1 ? 'manca la colonna obbligatoria' : 'mancano le colonne obbligatorie'} ${list}: le righe del file non sono controllate`;
  },
  unknown(names: readonly string[]): string {
    return `${names.length === 1 ? 'colonna non riconosciuta' : 'colonne non riconosciute'}: ${names.map((n) => `"${n}"`).join(', ')} (${names.length === 1 ? 'ignorata' : 'ignorate'}; i nomi ammessi sono in "dote verifica --help")`;
  },
  duplicate(column: ColumnName, names: readonly string[]): string {
    return `la colonna ${column} compare ${names.length} volte (${names.map((n) => `"${n}"`).join(', ')}): tienine una sola`;
  },
} as const;
