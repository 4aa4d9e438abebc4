/**
 * csv/blank-row: an empty row between data rows (Cremona, allegato 011: the timesheet has "no
 * blank rows"). A row of only separators (`;;;;`, as spreadsheets export an empty row) is blank.
 * Blank lines after the last record are not findings (docs/comandi.md). A run of blank rows is one
 * finding, at its first line.
 */
export const csvBlankRow = {
  id: 'csv/blank-row',
  messages: {
    rigaVuota: (d: { dalla: number; alla: number }) => (d.dalla === d.alla ? 'riga vuota tra righe di dati' : `righe vuote tra righe di dati (dalla ${d.dalla} alla ${d.alla})`),
  },
  /** A run of blank lines (`dalla`-`alla`, 0 when none) before a data row. */
  check(dalla: number, alla: number) {
    return dalla ? ({ messageId: 'rigaVuota', data: { dalla, alla } } as const) : null;
  },
} as const;
