/** Text output of `dote pip imposta|varia`: the PIP version just written, service by service. */
import { formatDateIt } from '../domain/dates.js';
import { formatCents, formatDurata } from '../domain/money.js';
import type { PipResult } from '../use-cases/pip.js';

export function formatPip(r: PipResult): string {
  const lines: string[] = [];
  lines.push(`PIP della dote ${r.doteId}, versione ${r.versione} del ${formatDateIt(r.data)}${r.motivo ? ` — motivo: ${r.motivo}` : ''}`);
  for (const v of r.voci) {
    const parts: string[] = [];
    if (v.minutiIndividuali) parts.push(`${formatDurata(v.minutiIndividuali)} × ${formatCents(v.tariffaIndividualeCent)} = ${formatCents(v.valoreIndividualeCent)}`);
    if (v.minutiCollettivi) parts.push(`collettive ${formatDurata(v.minutiCollettivi)} × ${formatCents(v.tariffaCollettivaCent ?? 0)} = ${formatCents(v.valoreCollettivoCent)}`);
    lines.push(`  ${v.servizio.padEnd(8)} ${parts.join(' + ')}`);
  }
  lines.push(`Valore dei servizi: ${formatCents(r.valoreCent)}`);
  if (r.risultatoCent !== null) lines.push(`Risultato, se raggiunto: ${formatCents(r.risultatoCent)} (totale ${formatCents(r.valoreCent + r.risultatoCent)})`);
  return lines.join('\n');
}
