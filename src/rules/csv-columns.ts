/**
 * csv/columns: a row with a different number of fields than the header. The row is not read
 * further: with fields missing or extra, which value belongs to which column is a guess.
 */
export const csvColumns = {
  id: 'csv/columns',
  messages: {
    campi: (d: { trovati: number; attesi: number }) => `${d.trovati} ${d.trovati === 1 ? 'campo' : 'campi'} invece dei ${d.attesi} dell'intestazione`,
  },
  /** A row's field count against the header's. */
  check(trovati: number, attesi: number) {
    return trovati === attesi ? null : ({ messageId: 'campi', data: { trovati, attesi } } as const);
  },
} as const;
