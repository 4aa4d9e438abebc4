import type { ColumnName, FileKind, HeaderMatch } from '../csv/columns.js';
import type { Said } from './types.js';

/** The columns only a calendar has (cli.md, "CSV columns"). */
const CALENDAR_ONLY: readonly ColumnName[] = ['sede', 'modalita', 'registrata_il'];

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
    sembraTimesheet: (d: { file: string; professionista: string; aggiornate: number }) =>
      `sembra un timesheet (un solo professionista, ${d.professionista}, e nessuna colonna del calendario: sede, modalita, registrata_il) e cambierebbe ${d.aggiornate === 1 ? "un'erogazione già registrata" : `${d.aggiornate} erogazioni già registrate`}, ma il nome non contiene "timesheet" o "foglio" ed è letto come calendario: se è un timesheet usa --timesheet ${d.file}, se è un calendario --calendario ${d.file}`,
    sembraCalendario: (d: { file: string; colonne: readonly ColumnName[] }) =>
      `sembra un calendario (${d.colonne.length === 1 ? 'ha la colonna' : 'ha le colonne'} ${d.colonne.join(', ')}, che un timesheet non ha) ma il nome lo fa leggere come timesheet: se è un calendario usa --calendario ${d.file}, se è un timesheet --timesheet ${d.file}`,
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
  /**
   * A file whose kind comes from its name only, read to the end: does it look like the other
   * kind? A timesheet named like a calendar was imported as one and overwrote recorded
   * deliveries (issue 13), so the name alone is not trusted when it matters. A warning: the user
   * says the kind with --timesheet / --calendario. A calendar of one professional with only the
   * common columns is ordinary, so the warning comes when such a file would change `aggiornate`
   * deliveries already recorded; a "timesheet" with a calendar's own columns always gets it.
   */
  checkKind(file: string, kind: FileKind, h: Pick<HeaderMatch, 'index'>, professionisti: readonly string[], aggiornate: number) {
    const onlyCalendar = CALENDAR_ONLY.filter((c) => h.index[c] !== undefined);
    if (kind === 'calendario' && !onlyCalendar.length && professionisti.length === 1 && aggiornate > 0) {
      return { messageId: 'sembraTimesheet', data: { file, professionista: professionisti[0]!, aggiornate }, severity: 'warning' } as const;
    }
    if (kind === 'timesheet' && onlyCalendar.length) return { messageId: 'sembraCalendario', data: { file, colonne: onlyCalendar }, severity: 'warning' } as const;
    return null;
  },
  /** A file with no header at all. */
  checkEmpty(kind: FileKind) {
    return { messageId: 'vuoto', data: { kind } } as const;
  },
} as const;
