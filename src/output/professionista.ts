/** Text output of `dote professionista elenco|mostra`. */
import type { ProfessionistaView } from '../use-cases/professionista.js';
import { fields, table } from './table.js';

export function formatProfessionista(v: ProfessionistaView): string {
  return fields([
    ['Codice', v.codice],
    ['Nome', v.nome],
    ['Ruolo', v.ruolo],
    ['Organizzazione partner', v.ente ?? "— (personale dell'operatore)"],
    ['Qualifica', v.qualifica],
    ['Anni di esperienza', v.anniEsperienza === null ? null : String(v.anniEsperienza)],
  ]);
}

export function formatProfessionisti(list: ProfessionistaView[]): string {
  if (!list.length) return 'Nessun professionista registrato (aggiungilo con "dote professionista aggiungi CODICE --nome \\"Nome Cognome\\"").';
  return table(
    ['codice', 'nome', 'ruolo', 'partner', 'qualifica', 'anni esp.'],
    list.map((p) => [p.codice, p.nome, p.ruolo ?? '—', p.ente ?? '—', p.qualifica ?? '—', p.anniEsperienza === null ? '—' : String(p.anniEsperienza)]),
    ['l', 'l', 'l', 'l', 'l', 'r'],
  );
}
