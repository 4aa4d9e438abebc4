/** Text and JSON output of `dote importa`: the findings of `dote verifica`, then what was imported. */
import { formatInt } from '../domain/money.js';
import { formatDateIt } from '../domain/dates.js';
import type { FileCounts } from '../import/record.js';
import type { ImportaResult } from '../use-cases/importa.js';
import { PLAIN, verificaLines, type FindingListOptions, type Painter } from './verifica.js';
import { campoLabel, valoreIt } from './campi.js';

function countsLine(c: FileCounts | ImportaResult['import']['totale'], kind: 'calendario' | 'timesheet' | 'tutto'): string {
  const what = kind === 'timesheet' ? ['riga di timesheet', 'righe di timesheet'] : kind === 'calendario' ? ['erogazione', 'erogazioni'] : ['riga', 'righe'];
  const n = (x: number, one: string, many: string) => `${formatInt(x)} ${x === 1 ? one : many}`;
  const parts = [`${n(c.importate, what[0]!, what[1]!)} ${c.importate === 1 ? 'nuova' : 'nuove'}`, `${formatInt(c.presenti)} già ${c.presenti === 1 ? 'presente' : 'presenti'}`];
  if (c.aggiornate) parts.push(`${formatInt(c.aggiornate)} ${c.aggiornate === 1 ? 'aggiornata' : 'aggiornate'}`);
  return parts.join(', ');
}

/** The findings as `dote verifica` prints them, then what was (or would be) imported. */
export function* importaLines(r: ImportaResult, p: Painter = PLAIN, o: FindingListOptions = {}): Generator<string> {
  yield* verificaLines(r, p, o);
  const lines: string[] = [];
  const i = r.import;
  for (const f of r.files) {
    if (!f.registrateOggi) continue;
    const n = f.registrateOggi;
    lines.push(
      p.dim(
        `${f.file}: ${formatInt(n)} ${n === 1 ? 'riga' : 'righe'} senza data di registrazione (colonna registrata_il), ${n === 1 ? 'registrata' : 'registrate'} oggi (${formatDateIt(r.oggi)}): ` +
          'il ritardo di inserimento (calendar/late-entry) si misura da oggi ("dote verifica" invece non lo controlla)',
      ),
    );
  }
  if (r.summary.errors > 0) {
    lines.push('Nessuna riga importata: tutto o niente, correggi gli errori e riprova.');
    yield* lines;
    return;
  }
  if (i.rifiutata) {
    lines.push('Nessuna riga importata: con --strict anche gli avvisi fermano l\'importazione.');
    yield* lines;
    return;
  }
  lines.push(i.prova ? 'Prova: il database non è stato modificato. Con "dote importa" senza --prova:' : 'Importazione completata:');
  const w = Math.max(...i.files.map((f) => f.file.length));
  for (const f of i.files) lines.push(`  ${f.file.padEnd(w)}  ${countsLine(f, f.kind)}`);
  lines.push(...changesLines(i));
  yield* lines;
}

export function importaJson(r: ImportaResult): Record<string, unknown> {
  return { files: r.files, diagnostics: r.diagnostics, skipped: r.skipped, summary: r.summary, import: r.import };
}

/** What the updates of the import change, one line per field: `file:riga: erogazione 5: descrizione: A → B`. */
function changesLines(i: ImportaResult['import']): string[] {
  if (!i.aggiornamenti.length) return [];
  const n = i.aggiornamenti.length;
  const lines = [
    `${i.prova ? (n === 1 ? 'Cambierebbe' : 'Cambierebbero') : n === 1 ? 'Cambiato' : 'Cambiati'} ${formatInt(n)} ${n === 1 ? 'campo' : 'campi'} di righe già registrate (valore registrato → valore del file):`,
  ];
  for (const c of i.aggiornamenti) {
    const what = c.entita === 'timesheet' ? `riga di timesheet ${c.entitaId}` : `erogazione ${c.entitaId}`;
    lines.push(`  ${c.file}:${c.riga}: ${what} della dote ${c.doteId}: ${campoLabel(c.campo)}: ${valoreIt(c.campo, c.prima)} → ${valoreIt(c.campo, c.dopo)}`);
  }
  return lines;
}
