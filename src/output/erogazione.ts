/** Text output of `dote erogazione elenco`: a dote's deliveries and their hours. */
import type { Modalita } from '../bandi/schema.js';
import { formatDateIt } from '../domain/dates.js';
import { formatDurata, formatHours } from '../domain/money.js';
import { isViva } from '../domain/erogazione-state.js';
import type { ErogazioneView } from '../use-cases/erogazione.js';

const MODALITA_IT: Record<Modalita, string> = { presenza: 'presenza', fad: 'FAD', telematica: 'telematica', telefonica: 'telefonica' };

export function formatElenco(list: readonly ErogazioneView[], table: (h: string[], rows: string[][], a?: ('l' | 'r')[]) => string): string {
  if (!list.length) return 'Nessuna erogazione.';
  const body = table(
    ['id', 'stato', 'servizio', 'professionista', 'data', 'inizio', 'fine', 'ore', 'modalità', 'collettiva'],
    list.map((e) => [
      String(e.id),
      e.stato,
      e.servizio,
      `${e.professionistaNome} (${e.professionista})`,
      formatDateIt(e.data),
      e.inizio,
      e.fine,
      formatHours(e.durataMinuti),
      MODALITA_IT[e.modalita],
      e.collettiva ? 'sì' : 'no',
    ]),
    ['r', 'l', 'l', 'l', 'l', 'l', 'l', 'r', 'l', 'l'],
  );
  const live = list.filter((e) => isViva(e.stato));
  const erogate = list.filter((e) => e.stato === 'EROGATA');
  const sum = (xs: readonly ErogazioneView[]) => formatDurata(xs.reduce((a, e) => a + e.durataMinuti, 0));
  return `${body}\n${list.length} ${list.length === 1 ? 'erogazione' : 'erogazioni'}: ore valide ${sum(live)}, di cui erogate ${sum(erogate)}.`;
}

/**
 * Text output of `dote erogazione aggiungi`: one sentence per delivery entered (its id, the dote,
 * the day and times, the state), then the next step, the command that programs it.
 */
export function formatAggiunte(list: readonly ErogazioneView[]): string {
  const lines = list.map(
    (e) =>
      `Erogazione ${e.id} della dote ${e.dote}: ${e.servizio}${e.collettiva ? ' collettiva' : ''} il ${formatDateIt(e.data)} ` +
      `dalle ${e.inizio} alle ${e.fine} (${formatDurata(e.durataMinuti)}) con ${e.professionistaNome} (${e.professionista}), stato ${e.stato}.`,
  );
  const [first, ...others] = list.map((e) => e.id);
  if (first !== undefined) lines.push(`Prossimo passo: dote erogazione programma ${first}${others.length ? ` (e poi ${others.join(', ')})` : ''}`);
  return lines.join('\n');
}
