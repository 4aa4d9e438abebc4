/** Text output of `dote ente imposta|mostra`. */
import { formatDateIt } from '../domain/dates.js';
import { formatIban } from '../domain/iban.js';
import type { EnteView } from '../use-cases/ente.js';
import { fields } from './table.js';

export function formatEnte(v: EnteView): string {
  return fields([
    ['Ente', v.nome],
    ['Codice', v.codice],
    ['Indirizzo', v.indirizzo],
    ['PEC', v.pec],
    ['IBAN', v.iban ? formatIban(v.iban) : null],
    ['Logo', v.logo],
    ['Rappresentante legale', v.rappresentante],
    ['Conservazione dei dati', v.conservazioneAnni ? `${v.conservazioneAnni} ${v.conservazioneAnni === 1 ? 'anno' : 'anni'} dalla fine dell'ultima dote di ogni persona` : null],
    ['Aggiornato il', formatDateIt(v.aggiornatoIl)],
  ]);
}
