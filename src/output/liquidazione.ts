/**
 * Text of `dote liquidazione verifica`, `dote contratto elenco`, `dote impresa`, `dote output elenco`: findings in
 * the diagnostic format of `verifica` (the dote in place of file and line), then the amount line
 * by line, in Italian money and hours.
 */
import { formatDateIt } from '../domain/dates.js';
import { formatCents, formatDurata, formatHours, formatInt } from '../domain/money.js';
import type { ContrattoRow, OutputRow } from '../db/liquidazione-repository.js';
import type { EsitoOccupazione } from '../domain/liquidazione.js';
import type { Impresa, VerificaLiquidazione } from '../use-cases/liquidazione.js';
import { PLAIN, type Painter } from './verifica.js';
import { table } from './table.js';

const TIPI: Record<ContrattoRow['tipo'], string> = { subordinato: 'lavoro subordinato', somministrazione: 'somministrazione', tirocinio: 'tirocinio' };

export function formatVerificaLiquidazione(v: VerificaLiquidazione, p: Painter = PLAIN): string {
  const lines: string[] = [];
  for (const f of v.findings) {
    const sev = f.severity === 'error' ? p.error('errore') : p.warning('avviso');
    lines.push(`${v.doteId}: ${sev} ${p.rule(f.rule)}: ${f.message}`);
  }
  if (lines.length) lines.push('');
  lines.push(`Importo della richiesta (dote ${v.doteId}, ${v.tipo}):`);
  const rows = v.importo.righe.map((r) => [
    r.servizio,
    r.collettiva ? 'collettive' : 'individuali',
    formatHours(r.minutiErogati),
    formatHours(r.minutiLimite),
    formatHours(r.minutiPagati),
    formatCents(r.tariffaCent),
    formatCents(r.importoCent),
  ]);
  if (v.importo.risultato) {
    const r = v.importo.risultato;
    rows.push([`risultato: ${r.nome}`, r.raggiunto ? 'raggiunto' : 'non raggiunto', '', '', '', '', formatCents(r.raggiunto ? r.importoCent : 0)]);
  }
  rows.push(['totale', '', '', '', '', '', formatCents(v.importo.totaleCent)]);
  lines.push(table(['servizio', 'modalità', 'ore erogate', 'ore riconoscibili', 'ore pagate', 'tariffa oraria', 'importo'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r']));
  // After the table, not in it: a row as long as this would widen the service column.
  if (v.impresa) lines.push(`Impresa: ${describeImpresa(v.impresa)}.`);
  lines.push('');
  const e = v.errori, w = v.avvisi;
  lines.push(
    e
      ? `La richiesta non si può ancora fare: ${formatInt(e)} ${e === 1 ? 'errore' : 'errori'}${w ? `, ${formatInt(w)} ${w === 1 ? 'avviso' : 'avvisi'}` : ''}.`
      : `Nulla blocca la richiesta${w ? ` (${formatInt(w)} ${w === 1 ? 'avviso' : 'avvisi'})` : ''}: dote liquidazione prepara ${v.doteId} -o CARTELLA${v.bollo ? ' --bollo NUMERO (o --esente-bollo)' : ''}`,
  );
  return lines.join('\n');
}

export function formatOccupazione(o: EsitoOccupazione): string {
  if (o.indeterminato) return `Risultato: raggiunto (contratto a tempo indeterminato)${o.giorni ? `, più ${formatInt(o.giorni)} giorni a termine` : ''}.`;
  return `Risultato: ${o.raggiunto ? 'raggiunto' : 'non raggiunto'}, ${formatInt(o.giorni)} giorni di lavoro che contano su ${formatInt(o.soglia)} richiesti.`;
}

export function formatContratti(doteId: string, list: readonly ContrattoRow[], o: EsitoOccupazione): string {
  if (!list.length) return `La dote ${doteId} non ha contratti registrati.`;
  const t = table(
    ['n.', 'tipo', 'azienda', 'dal', 'al', 'ore settimanali', 'ore CCNL'],
    list.map((c) => [String(c.numero), TIPI[c.tipo], c.azienda, formatDateIt(c.dal), c.al ? formatDateIt(c.al) : 'indeterminato', formatHours(c.minuti_settimanali), formatHours(c.minuti_ccnl)]),
    ['r', 'l', 'l', 'l', 'l', 'r', 'r'],
  );
  return `${t}\n${formatOccupazione(o)}`;
}

export function formatContratto(c: ContrattoRow, azione: 'aggiunto' | 'rimosso'): string {
  return `Contratto ${c.numero} della dote ${c.dote_id} ${azione}: ${TIPI[c.tipo]} presso ${c.azienda} dal ${formatDateIt(c.dal)}${c.al ? ` al ${formatDateIt(c.al)}` : ', a tempo indeterminato'}, orario settimanale di ${formatDurata(c.minuti_settimanali)} (CCNL ${formatDurata(c.minuti_ccnl)}).`;
}

/** `Verdi Servizi srl, partita IVA 01234567897, REA CR-123456, iscritta dal 03/05/2021`. */
export function describeImpresa(i: Impresa): string {
  return `${i.denominazione}, partita IVA ${i.partitaIva}${i.rea ? `, REA ${i.rea}` : ''}, iscritta dal ${formatDateIt(i.iscrizione)}`;
}

export function formatImpresa(v: { doteId: string; impresa: Impresa | null; avvioDote?: string; valida?: boolean; precedente?: Impresa | null }): string {
  if (!v.impresa) return `La dote ${v.doteId} non ha un'impresa registrata: dote impresa imposta ${v.doteId} --denominazione … --partita-iva … --iscrizione DATA`;
  const lines = [`Impresa della dote ${v.doteId}: ${describeImpresa(v.impresa)}.`];
  if (v.precedente) lines.push(`Sostituisce: ${describeImpresa(v.precedente)}.`);
  if (v.valida === false && v.avvioDote) lines.push(`Iscritta prima dell'avvio della dote (${formatDateIt(v.avvioDote)}): non vale il risultato.`);
  return lines.join('\n');
}

export function formatOutputs(doteId: string, list: readonly (OutputRow & { descrizione: string })[], mancanti: readonly { servizio: string; output: string }[]): string {
  const lines: string[] = [];
  if (list.length) {
    lines.push(
      table(
        ['servizio', 'output', 'data', 'file', 'SHA-256'],
        list.map((o) => [o.servizio, o.descrizione, formatDateIt(o.data), o.file ?? '—', o.sha256 ? `${o.sha256.slice(0, 16)}…` : '—']),
      ),
    );
  } else lines.push(`La dote ${doteId} non ha output registrati.`);
  const w = Math.max(0, ...mancanti.map((m) => m.servizio.length));
  if (mancanti.length) lines.push('', 'Mancano (dote output aggiungi DOTE SERVIZIO):', ...mancanti.map((m) => `  ${m.servizio.padEnd(w)}  ${m.output}`));
  return lines.join('\n');
}

/** The files of a claim's packet: name, size, SHA-256 and, when known, the PEC message each goes in. */
export function formatFilePacchetto(file: readonly { nome: string; bytes: number; sha256: string; pec?: number }[], messaggi?: number): string {
  const pec = messaggi !== undefined;
  return table(
    ['file', 'dimensione', 'SHA-256', ...(pec ? ['PEC'] : [])],
    file.map((f) => [f.nome, `${formatInt(f.bytes)} byte`, f.sha256, ...(pec ? [`${f.pec ?? 1} di ${messaggi}`] : [])]),
    ['l', 'r', 'l', 'l'],
  );
}

/** `dote liquidazione elenco`: the claims made. */
export function formatElencoLiquidazioni(list: readonly { doteId: string; data: string; importoCent: number | null; file: readonly unknown[]; cartella: string }[]): string {
  if (!list.length) return 'Nessuna domanda di liquidazione.';
  return table(
    ['dote', 'domanda del', 'importo', 'file', 'cartella'],
    list.map((x) => [x.doteId, formatDateIt(x.data), x.importoCent === null ? '—' : formatCents(x.importoCent), formatInt(x.file.length), x.cartella]),
    ['l', 'l', 'r', 'r', 'l'],
  );
}
