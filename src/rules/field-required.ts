/**
 * field/required: a required value is empty (docs/csv.md, Colonne: id_dote, servizio, data,
 * ora_inizio, ora_fine, professionista). The row is not checked further: without its date,
 * times or dote, no other rule can place it.
 */
export const fieldRequired = {
  id: 'field/required',
  messages: {
    mancante: (d: { colonna: string }) => `valore obbligatorio mancante: ${d.colonna}`,
  },
  /** The required columns among `values` (column, text) that are empty. */
  check(values: readonly (readonly [string, string])[]) {
    return values.filter(([, v]) => !v).map(([colonna]) => ({ messageId: 'mancante', data: { colonna }, column: colonna }) as const);
  },
} as const;
