/** `dote bandi`, `dote catalogo`, `dote regole`: views of the loaded catalogues. */
import { loadCatalogues, tipoOf } from '../bandi/load.js';
import type { Bando } from '../bandi/schema.js';
import { RULES } from '../rules/catalog.js';
import { implementedRuleIds } from '../rules/index.js';
import { formatCents, formatHours } from '../domain/money.js';
import { formatDateIt } from '../domain/dates.js';
import { table } from '../format/table.js';

export interface BandoSummary {
  id: string;
  titolo: string;
  ente: string;
  inizio: string;
  fine: string;
  tipi: string[];
  riferimentoNormativo: string;
}

export function bandiList(extra: readonly string[]): BandoSummary[] {
  return loadCatalogues(extra).bandi.map((b) => ({
    id: b.id,
    titolo: b.titolo,
    ente: b.ente,
    inizio: b.inizio,
    fine: b.fine,
    tipi: b.tipi.map((t) => t.codice),
    riferimentoNormativo: b.riferimentoNormativo,
  }));
}

export function formatBandi(list: BandoSummary[]): string {
  return table(
    ['bando', 'titolo', 'dal', 'al', 'tipi di dote'],
    list.map((b) => [b.id, b.titolo, formatDateIt(b.inizio), formatDateIt(b.fine), b.tipi.join(', ')]),
  );
}

export interface ServizioView {
  codice: string;
  nome: string;
  tariffaIndividualeCent: number;
  tariffaCollettivaCent: number | null;
  /** Cremona: caps per fascia in minutes (individual / group). */
  massimali: Record<string, { individualiMinuti: number; collettiviMinuti: number | null }>;
  /** Job Coach: hours of the activity in each type. */
  oreAttivita: Record<string, number>;
  tipi: string[];
  modalita: string[];
  output: string | null;
  nota: string | null;
}

export interface CatalogoView {
  bando: string;
  titolo: string;
  riferimentoNormativo: string;
  inizio: string;
  fine: string;
  durataMesi: Record<string, number> | null;
  tipi: { codice: string; nome: string; famiglia: string; linee: string[]; risultatoCent: Record<string, number> | null; risultato: string | null }[];
  servizi: ServizioView[];
  scadenze: Bando['scadenze'];
  lineeBudget: { linea: string; descrizione: string; importoCent: number }[];
  note: string[];
  filtro: { tipo: string | null; fascia: number | null };
}

export function catalogoView(extra: readonly string[], bandoId: string, opts: { tipo?: string; fascia?: number }): CatalogoView {
  const b = loadCatalogues(extra).get(bandoId);
  const fascia = opts.fascia ?? null;
  const tipi = opts.tipo ? [tipoOf(b, opts.tipo)] : b.tipi;
  const codes = new Set(tipi.flatMap((t) => [...t.servizi, ...t.attivita.map((a) => a.servizio)]));
  const servizi: ServizioView[] = b.servizi
    .filter((s) => codes.has(s.codice))
    .map((s) => {
      const massimali: ServizioView['massimali'] = {};
      for (const [f, m] of Object.entries(s.massimali ?? {})) {
        if (fascia !== null && Number(f) !== fascia) continue;
        massimali[f] = { individualiMinuti: m.individuale, collettiviMinuti: m.collettiva ?? null };
      }
      const oreAttivita: Record<string, number> = {};
      for (const t of tipi) for (const a of t.attivita) if (a.servizio === s.codice) oreAttivita[t.codice] = a.ore;
      return {
        codice: s.codice,
        nome: s.nome,
        tariffaIndividualeCent: s.tariffa.individuale,
        tariffaCollettivaCent: s.tariffa.collettiva ?? null,
        massimali,
        oreAttivita,
        tipi: b.tipi.filter((t) => t.servizi.includes(s.codice) || t.attivita.some((a) => a.servizio === s.codice)).map((t) => t.codice),
        modalita: s.modalita,
        output: s.output ?? null,
        nota: s.nota ?? null,
      };
    });
  return {
    bando: b.id,
    titolo: b.titolo,
    riferimentoNormativo: b.riferimentoNormativo,
    inizio: b.inizio,
    fine: b.fine,
    durataMesi: b.durataMesi ?? null,
    tipi: tipi.map((t) => ({
      codice: t.codice,
      nome: t.nome,
      famiglia: t.famiglia,
      linee: t.linee,
      risultato: t.risultato?.nome ?? null,
      risultatoCent: t.risultato ? Object.fromEntries(Object.entries(t.risultato.importi).filter(([f]) => fascia === null || Number(f) === fascia)) : null,
    })),
    servizi,
    scadenze: b.scadenze,
    lineeBudget: b.lineeBudget.map((l) => ({ linea: l.linea, descrizione: l.descrizione, importoCent: l.importo })),
    note: b.note,
    filtro: { tipo: opts.tipo ?? null, fascia },
  };
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
  const fasce = v.filtro.fascia !== null ? [String(v.filtro.fascia)] : ['1', '2', '3', '4'];
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
    parts.push('', 'Scadenze:');
    for (const s of v.scadenze) parts.push(`  ${s.id}: ${s.descrizione} — entro ${s.giorni} giorni ${s.tipo === 'lavorativi' ? 'lavorativi' : ''} da ${s.da}`.replace(/\s+da/, ' da'));
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

export interface RegolaView {
  id: string;
  titolo: string;
  attiva: boolean;
  bandi: Record<string, { severita: 'error' | 'warning' | 'off'; parametri: Record<string, unknown>; nota: string | null }>;
}

export function regoleView(extra: readonly string[], bandoId?: string): RegolaView[] {
  const cats = loadCatalogues(extra);
  const bandi = bandoId ? [cats.get(bandoId)] : [...cats.bandi];
  const implemented = implementedRuleIds();
  return RULES.map((r) => ({
    id: r.id,
    titolo: r.title,
    attiva: implemented.has(r.id),
    bandi: Object.fromEntries(
      bandi.map((b) => {
        const s = b.regole[r.id];
        if (!s || s === 'off') return [b.id, { severita: 'off' as const, parametri: {}, nota: null }];
        return [b.id, { severita: s.severita, parametri: s.parametri, nota: s.nota ?? null }];
      }),
    ),
  }));
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
