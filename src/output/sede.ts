/** Text output of `dote sede …`, and the patron saint's day as people write it. */
import type { SedeView } from '../use-cases/sede.js';
import { fields, table } from './table.js';

/** `MM-DD` → `DD/MM`. */
export function formatPatrono(mmdd: string): string {
  return `${mmdd.slice(3, 5)}/${mmdd.slice(0, 2)}`;
}

export function formatSede(v: SedeView): string {
  return fields([
    ['Sede', v.nome],
    ['Comune', v.comune],
    ['Patrono', v.patrono ? formatPatrono(v.patrono) : null],
    ['Indirizzo', v.indirizzo],
    ['Responsabile', v.responsabile],
  ]);
}

export function formatSedi(list: SedeView[]): string {
  if (!list.length) return 'Nessuna sede registrata (aggiungila con "dote sede aggiungi NOME --comune C --patrono GG/MM").';
  return table(
    ['sede', 'comune', 'patrono', 'indirizzo', 'responsabile'],
    list.map((s) => [s.nome, s.comune, s.patrono ? formatPatrono(s.patrono) : '—', s.indirizzo ?? '—', s.responsabile ?? '—']),
  );
}
