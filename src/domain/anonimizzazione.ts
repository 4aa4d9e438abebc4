/**
 * Anonymising a person at the end of the retention period (GDPR art. 5(1)(e): kept no longer than
 * needed): what is identity, when the period ends, and how texts that name the person are
 * cleaned. Pure: the use case (use-cases/destinatario-dati.ts) reads and writes the rows.
 *
 * What inspectors need stays: doti, states and dates, PIP hours, deliveries with their times and
 * professionals, amounts, contracts, the eligibility flags (L. 68/99, DID, type of disability);
 * the person behind them is no longer named.
 */
import { addMonths } from './dates.js';
import { STATO } from './dote-stati.js';

/** The stable pseudonym that replaces the CF: from the row id, not derivable from the CF. */
export function pseudonimo(destinatarioId: number): string {
  return `ANON-${destinatarioId}`;
}

/** What replaces name and surname. */
export const NOME_ANONIMO = '(anonimizzato)';

/** Keys of history snapshots whose values are free text or identity: emptied, whatever they say. */
const REMOVED_KEYS = new Set([
  'descrizione',
  'note',
  'motivo',
  'motivo_rifiuto',
  'motivoRifiuto',
  'email',
  'telefono',
  'residenza',
  'domicilio',
  'data_nascita',
  'dataNascita',
  'luogo_nascita',
  'luogoNascita',
  'sesso',
  'titolo_studio',
  'titoloStudio',
]);

export interface Identita {
  id: number;
  cf: string;
  nome: string;
  cognome: string;
  email: string | null;
  telefono: string | null;
  residenza: string | null;
  domicilio: string | null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function that replaces, in a text, every mention of the person (CF, name and surname in either
 * order, each alone, contacts, addresses) by the pseudonym; whole words only, case ignored.
 */
export function identityScrubber(p: Identita): (text: string) => string {
  const values = [p.cf, `${p.nome} ${p.cognome}`, `${p.cognome} ${p.nome}`, p.email, p.telefono, p.residenza, p.domicilio, p.cognome, p.nome]
    .map((v) => v?.trim())
    .filter((v): v is string => !!v && v.length >= 3);
  if (!values.length) return (t) => t;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${values.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const alias = pseudonimo(p.id);
  return (text) => text.replace(re, alias);
}

/** A history snapshot (JSON) with free texts and identity fields emptied and mentions replaced. */
export function scrubSnapshot(json: string, scrub: (text: string) => string): string {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, REMOVED_KEYS.has(k) && x !== null ? null : walk(x)]));
    }
    return v;
  };
  try {
    return JSON.stringify(walk(JSON.parse(json)));
  } catch {
    return scrub(json);
  }
}

export interface DoteFine {
  id: string;
  stato: string;
  data_richiesta: string;
  data_rifiuto: string | null;
  data_conclusione: string | null;
  /** The date of its liquidation request, if any. */
  data_liquidazione: string | null;
}

/** Why a person cannot be anonymised yet, or null. */
export type Blocco = { tipo: 'aperta'; dote: string; stato: string } | { tipo: 'non-liquidata'; dote: string };

/** A dote still open, or concluded with no liquidation request yet, keeps the person's data. */
export function bloccoAnonimizzazione(doti: readonly DoteFine[]): Blocco | null {
  for (const d of doti) {
    if (d.stato !== STATO.CONCLUSA && d.stato !== STATO.RIFIUTATA && d.stato !== STATO.CANCELLATA) return { tipo: 'aperta', dote: d.id, stato: d.stato };
    if (d.stato === STATO.CONCLUSA && !d.data_liquidazione) return { tipo: 'non-liquidata', dote: d.id };
  }
  return null;
}

/**
 * When the last dote ended: its liquidation request, else its conclusion, else its refusal, else
 * (a request cancelled for no answer) its request date. With no doti, the person's registration.
 */
export function fineUltimaDote(doti: readonly DoteFine[], registrato: string): { data: string; dote: string | null } {
  let best: { data: string; dote: string | null } = { data: registrato.slice(0, 10), dote: null };
  for (const d of doti) {
    const fine = d.data_liquidazione ?? d.data_conclusione ?? d.data_rifiuto ?? d.data_richiesta;
    if (best.dote === null || fine > best.data) best = { data: fine, dote: d.id };
  }
  return best;
}

/** The first day the person may be anonymised: `anni` years after the end. */
export function anonimizzabileDal(fine: string, anni: number): string {
  return addMonths(fine, 12 * anni);
}
