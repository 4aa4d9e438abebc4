/**
 * csv/columns: a row with a different number of fields than the header. The row is not read
 * further: with fields missing or extra, which value belongs to which column is a guess.
 */
export const csvColumns = {
  id: 'csv/columns',
  message(found: number, expected: number): string {
    return `${found} ${found === 1 ? 'campo' : 'campi'} invece dei ${expected} dell'intestazione`;
  },
} as const;
