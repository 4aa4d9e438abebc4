/** Text output of `dote attivita elenco`: a Job Coach dote's activities and their hours. */
import { formatDateIt } from '../domain/dates.js';
import { formatHours } from '../domain/money.js';
import type { AttivitaView } from '../use-cases/attivita.js';

export function formatAttivita(list: readonly AttivitaView[], table: (h: string[], rows: string[][], a?: ('l' | 'r')[]) => string): string {
  return table(
    ['attività', 'nome', 'stato', 'ore', 'erogate', 'aperte', 'conclusa il'],
    list.map((a) => [
      a.servizio,
      a.nome,
      a.stato,
      formatHours(a.oreMinuti),
      formatHours(a.erogateMinuti),
      formatHours(a.aperteMinuti),
      a.dataConclusione ? formatDateIt(a.dataConclusione) : '—',
    ]),
    ['l', 'l', 'l', 'r', 'r', 'r', 'l'],
  );
}
