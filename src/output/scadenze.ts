/** Text output of `dote scadenze`: the open deadlines, and the doti whose deadlines are unknown. */
import { formatDateIt } from '../domain/dates.js';
import type { DoteNonCalcolata, ScadenzeResult } from '../use-cases/scadenze.js';
import { describeScadenza } from './dote.js';
import { table } from './table.js';

/** "Scadenze non calcolate per 1 dote (catalogo del bando non caricato): CR-2023-0001 (cremona-2023); carica il catalogo con --catalogo FILE." */
export function formatNonCalcolate(list: readonly DoteNonCalcolata[]): string | null {
  if (!list.length) return null;
  const n = list.length;
  const doti = list.map((d) => `${d.doteId} (${d.bando})`).join(', ');
  return `Scadenze non calcolate per ${n} dot${n === 1 ? 'e' : 'i'}, il cui catalogo del bando non è caricato: ${doti}; carica il catalogo con --catalogo FILE.`;
}

export function formatScadenze(r: ScadenzeResult): string {
  const missing = formatNonCalcolate(r.nonCalcolate);
  const tail = missing ? `\n${missing}` : '';
  return formatElenco(r) + tail;
}

function formatElenco(r: ScadenzeResult): string {
  const scope = r.entro !== null ? ` entro ${r.entro} giorni` : '';
  if (!r.scadenze.length) return `Nessuna scadenza${scope} al ${formatDateIt(r.oggi)}.`;
  const body = table(
    ['entro il', 'quando', 'dote', 'tipo', 'destinatario', 'scadenza'],
    r.scadenze.map((s) => [
      formatDateIt(s.entro),
      describeScadenza(s),
      s.doteId,
      s.tipo,
      `${s.destinatario.cognome} ${s.destinatario.nome}`,
      s.descrizione + (s.giorni !== null ? ` — ${s.giorni} giorni${s.tipoGiorni === 'lavorativi' ? ' lavorativi' : ''}` : ''),
    ]),
  );
  return `${body}\n${r.riepilogo.totale} scadenz${r.riepilogo.totale === 1 ? 'a' : 'e'}${scope} al ${formatDateIt(r.oggi)}, ${r.riepilogo.scadute} scadut${r.riepilogo.scadute === 1 ? 'a' : 'e'}.`;
}
