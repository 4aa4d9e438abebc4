/** Text output of `dote storia ID`: each change with when, who, and the fields before → after. */
import type { StoriaView } from '../use-cases/storia.js';
import { campoLabel, localTime, NESSUN_NOME, valoreIt, type Nomi } from './campi.js';

export { localTime };

const ENTITA_IT: Record<string, string> = { ente: 'ente', sede: 'sede', professionista: 'professionista', destinatario: 'destinatario', misura: 'misura esterna', dote: 'dote', pip: 'PIP', attivita: 'attività', erogazione: 'erogazione', timesheet: 'timesheet', contratto: 'contratto', impresa: 'impresa', output: 'output', liquidazione: 'richiesta di liquidazione' };

export function formatStoria(v: StoriaView, nomi: Nomi = NESSUN_NOME): string {
  if (!v.voci.length) return v.dote === null ? 'Nessuna modifica registrata nelle anagrafiche.' : `Nessuna modifica registrata per la dote ${v.dote}.`;
  const lines: string[] = [v.dote === null ? 'Storia delle anagrafiche (ente, sedi, professionisti, destinatari)' : `Storia della dote ${v.dote}`, ''];
  for (const x of v.voci) {
    const what = x.entita === 'dote' || x.entita === 'ente' ? ENTITA_IT[x.entita]! : `${ENTITA_IT[x.entita] ?? x.entita} ${x.entitaId}`;
    lines.push(`${localTime(x.quando)}  ${x.operatore}  ${what}: ${x.azione}`);
    const created = x.prima === null;
    for (const m of x.modifiche) {
      // A number id is the row's, the database's own: the entry names the record by code, name or number.
      if (m.campo === 'id' && typeof m.dopo === 'number') continue;
      if (created) {
        if (m.dopo === null || m.dopo === undefined) continue;
        lines.push(`    ${m.campo ? `${campoLabel(m.campo)}: ` : ''}${valoreIt(m.campo, m.dopo, nomi)}`);
      } else {
        lines.push(`    ${m.campo ? `${campoLabel(m.campo)}: ` : ''}${valoreIt(m.campo, m.prima, nomi)} → ${valoreIt(m.campo, m.dopo, nomi)}`);
      }
    }
  }
  lines.push('', `${v.voci.length} ${v.voci.length === 1 ? 'voce' : 'voci'}.`);
  return lines.join('\n');
}
