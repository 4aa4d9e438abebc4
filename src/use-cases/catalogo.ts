/** `dote bandi`, `dote catalogo`, `dote regole`: views of the loaded catalogues. */
import { loadCatalogues, tipoOf } from '../bandi/load.js';
import type { Bando } from '../bandi/schema.js';
import { RULES } from '../rules/catalog.js';
import { implementedRuleIds } from '../rules/index.js';

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
