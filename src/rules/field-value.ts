/**
 * field/value: a value outside its list or unknown to the database. Lists: `modalita` (presenza,
 * fad, telematica, telefonica), `gruppo` (individuale, collettiva), `fascia` (1-4), `tipo_dote`
 * (the loaded bandi's types). With a database (always for importa): the dote, the professional
 * (by code or full name) and the sede must be registered; without one those are skipped.
 * The row is still checked by the other rules, with the default for a bad list value.
 */
export const fieldValue = {
  id: 'field/value',
  unknownDote(id: string): string {
    return `dote ${id} sconosciuta nel database`;
  },
  unknownProfessionista(text: string): string {
    return `professionista "${text}" sconosciuto: registralo con "dote professionista aggiungi" (codice o nome e cognome)`;
  },
  unknownSede(text: string): string {
    return `sede "${text}" sconosciuta: registrala con "dote sede aggiungi"`;
  },
  modalita(raw: string): string {
    return `modalità "${raw}" non prevista: presenza, fad, telematica o telefonica`;
  },
  gruppo(raw: string): string {
    return `gruppo "${raw}" non previsto: individuale o collettiva`;
  },
  fascia(raw: string): string {
    return `fascia "${raw}" non valida: 1, 2, 3 o 4`;
  },
  tipoDote(raw: string, tipi: readonly string[]): string {
    return `tipo di dote "${raw}" sconosciuto (tipi: ${tipi.join(', ')})`;
  },
} as const;
