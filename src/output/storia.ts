/** Text output of `dote storia ID`: each change with when, who, and the fields before → after. */
import type { StoriaView } from '../use-cases/storia.js';
import { localTime } from './campi.js';

export { localTime };

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'sì' : 'no';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}` : v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

const ENTITA_IT: Record<string, string> = { dote: 'dote', pip: 'PIP', attivita: 'attività', erogazione: 'erogazione', timesheet: 'timesheet', contratto: 'contratto', output: 'output', liquidazione: 'richiesta di liquidazione' };

export function formatStoria(v: StoriaView): string {
  if (!v.voci.length) return `Nessuna modifica registrata per la dote ${v.dote}.`;
  const lines: string[] = [`Storia della dote ${v.dote}`, ''];
  for (const x of v.voci) {
    const what = x.entita === 'dote' ? 'dote' : `${ENTITA_IT[x.entita] ?? x.entita} ${x.entitaId}`;
    lines.push(`${localTime(x.quando)}  ${x.operatore}  ${what}: ${x.azione}`);
    const created = x.prima === null;
    for (const m of x.modifiche) {
      if (created) {
        if (m.dopo === null || m.dopo === undefined) continue;
        lines.push(`    ${m.campo ? `${m.campo}: ` : ''}${show(m.dopo)}`);
      } else {
        lines.push(`    ${m.campo ? `${m.campo}: ` : ''}${show(m.prima)} → ${show(m.dopo)}`);
      }
    }
  }
  lines.push('', `${v.voci.length} ${v.voci.length === 1 ? 'voce' : 'voci'}.`);
  return lines.join('\n');
}
