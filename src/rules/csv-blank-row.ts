/**
 * csv/blank-row: an empty row between data rows (Cremona, allegato 011: the timesheet has "no
 * blank rows"). A row of only separators (`;;;;`, as spreadsheets export an empty row) is blank.
 * Blank lines after the last record are not findings (cli.md). A run of blank rows is one
 * finding, at its first line.
 */
export const csvBlankRow = {
  id: 'csv/blank-row',
  message(from: number, to: number): string {
    return from === to ? 'riga vuota tra righe di dati' : `righe vuote tra righe di dati (dalla ${from} alla ${to})`;
  },
} as const;
