/**
 * field/required: a required value is empty (cli.md "CSV columns": id_dote, servizio, data,
 * ora_inizio, ora_fine, professionista). The row is not checked further: without its date,
 * times or dote, no other rule can place it.
 */
export const fieldRequired = {
  id: 'field/required',
  message(column: string): string {
    return `valore obbligatorio mancante: ${column}`;
  },
} as const;
