/** Text output of `dote bandi`, `dote catalogo` and `dote regole` (also the README's rule table). */
import { FASCE } from '../domain/fascia.js';
import { formatCents, formatHours } from '../domain/money.js';
import { formatDateIt } from '../domain/dates.js';
import type { BandoSummary, CatalogoView, RegolaView } from '../use-cases/catalogo.js';
import { table } from './table.js';

export function formatBandi(list: BandoSummary[]): string {
  return table(
    ['bando', 'titolo', 'dal', 'al', 'tipi di dote'],
    list.map((b) => [b.id, b.titolo, formatDateIt(b.inizio), formatDateIt(b.fine), b.tipi.join(', ')]),
  );
}

export function formatCatalogo(v: CatalogoView): string {
  const parts: string[] = [];
  parts.push(`${v.bando} — ${v.titolo}`);
  parts.push(`dal ${formatDateIt(v.inizio)} al ${formatDateIt(v.fine)}`);
  parts.push(`Riferimento: ${v.riferimentoNormativo}`);
  parts.push('');
  parts.push('Tipi di dote:');
  for (const t of v.tipi) {
    const ris = t.risultatoCent ? ` — ${t.risultato}: ${Object.entries(t.risultatoCent).map(([f, c]) => `F${f} ${formatCents(c)}`).join(', ')}` : '';
    parts.push(`  ${t.codice}  ${t.nome}${t.linee.length ? ` (linee ${t.linee.join(', ')})` : ''}${ris}`);
  }
  parts.push('');
  const fasce = v.filtro.fascia !== null ? [String(v.filtro.fascia)] : [...FASCE];
  const isJc = v.servizi.every((s) => Object.keys(s.massimali).length === 0);
  if (isJc) {
    const tipi = v.tipi.map((t) => t.codice);
    parts.push(
      table(
        ['codice', 'servizio', '€/ora', ...tipi.map((t) => `ore ${t}`)],
        v.servizi.map((s) => [s.codice, s.nome, formatCents(s.tariffaIndividualeCent), ...tipi.map((t) => (s.oreAttivita[t] !== undefined ? formatHours(s.oreAttivita[t]!) : '—'))]),
        ['l', 'l', 'r', ...tipi.map(() => 'r' as const)],
      ),
    );
  } else {
    parts.push(
      table(
        ['codice', 'servizio', '€/ora ind.', '€/ora coll.', ...fasce.map((f) => `F${f} ore`), 'modalità', 'tipi'],
        v.servizi.map((s) => [
          s.codice,
          s.nome,
          formatCents(s.tariffaIndividualeCent),
          s.tariffaCollettivaCent === null ? '—' : formatCents(s.tariffaCollettivaCent),
          ...fasce.map((f) => {
            const m = s.massimali[f];
            if (!m) return '—';
            return m.collettiviMinuti !== null ? `${formatHours(m.individualiMinuti)}/${formatHours(m.collettiviMinuti)}` : formatHours(m.individualiMinuti);
          }),
          s.modalita.join(', '),
          s.tipi.join(' '),
        ]),
        ['l', 'l', 'r', 'r', ...fasce.map(() => 'r' as const), 'l', 'l'],
      ),
    );
    parts.push('Ore "X/Y": al massimo X ore individuali e Y ore collettive, ciascuna alla sua tariffa.');
    if (v.durataMesi) parts.push(`Durata: ${Object.entries(v.durataMesi).map(([f, m]) => `fascia ${f} ${m} mesi`).join(', ')}.`);
  }
  if (v.scadenze.length) {
    // What each deadline counts from (the catalogue's `da`), as a clerk says it.
    const DA: Record<string, string> = {
      richiesta: 'dalla richiesta',
      notifica: 'dalla notifica del CPI',
      attivazione: "dall'attivazione",
      'invio-pip': "dall'invio del PIP",
      conclusione: 'dalla conclusione',
      fine: 'dalla fine della dote',
    };
    parts.push('', 'Scadenze:');
    for (const s of v.scadenze) parts.push(`  ${s.descrizione} — entro ${s.giorni} giorni${s.tipo === 'lavorativi' ? ' lavorativi' : ''} ${DA[s.da] ?? `da ${s.da}`}`);
  }
  if (v.lineeBudget.length) {
    parts.push('', 'Linee di assegnazione e budget:');
    for (const l of v.lineeBudget) parts.push(`  ${l.linea.padEnd(5)} ${formatCents(l.importoCent).padStart(14)}  ${l.descrizione}`);
  }
  if (v.note.length) {
    parts.push('', 'Note:');
    for (const n of v.note) parts.push(`  - ${n}`);
  }
  const notes = v.servizi.filter((s) => s.nota);
  for (const s of notes) parts.push(`  - ${s.codice}: ${s.nota}`);
  return parts.join('\n');
}

const SEV_IT: Record<string, string> = { error: 'errore', warning: 'avviso', off: '—' };

export function formatRegole(view: RegolaView[]): string {
  const bandi = view.length ? Object.keys(view[0]!.bandi) : [];
  const body = table(
    ['regola', ...bandi, 'titolo'],
    view.map((r) => [r.id, ...bandi.map((b) => SEV_IT[r.bandi[b]!.severita]!), r.titolo + (r.attiva ? '' : ' (non ancora attiva)')]),
  );
  const inactive = view.filter((r) => !r.attiva).length;
  return `${body}\n${view.length} regole${inactive ? `, ${inactive} non ancora attive` : ''}. "—": regola spenta nel bando.`;
}

/** The README's rule table, generated from the rule catalogue and the bandi's settings. */
export function markdownRegole(view: RegolaView[]): string {
  const bandi = view.length ? Object.keys(view[0]!.bandi) : [];
  const cell = (r: RegolaView, b: string) => {
    const s = r.bandi[b]!;
    if (s.severita === 'off') return '—';
    const params = Object.entries(s.parametri).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ');
    return `${SEV_IT[s.severita]}${params ? ` (${params})` : ''}`;
  };
  const lines = [
    `| regola | ${bandi.join(' | ')} | controlla |`,
    `|---|${bandi.map(() => '---|').join('')}---|`,
    ...view.map((r) => `| \`${r.id}\` | ${bandi.map((b) => cell(r, b)).join(' | ')} | ${r.titolo}${r.attiva ? '' : ' *(non ancora attiva)*'} |`),
  ];
  return lines.join('\n');
}
