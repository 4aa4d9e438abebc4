/**
 * `dote sede`: the operator's sedi / sportelli, each with its comune and the comune's patron day.
 *
 * Why the patron day is per-sede configuration: activities are not allowed on public holidays,
 * which include the patron saint's day of the sede's comune (the Cremona bando and the Job Coach manual, time rules); the
 * date-holidays data has Italy's national holidays but not the local patron days, which differ
 * from one comune to the next. Examples: Cremona 13/11 (Sant'Omobono), Padova 13/06 (Sant'Antonio),
 * Treviso 27/04 (San Liberale), Verona 21/05 (San Zeno), Milano 07/12 (Sant'Ambrogio).
 * Stored as MM-DD (same day every year).
 */
import type { Store } from '../db/store.js';
import type { SedeRow } from '../db/registry-repository.js';
import { RefusedError } from '../errors.js';
import { ANAGRAFICA } from '../db/storia.js';
import { optionalText, requiredText } from './registry.js';

/** The options of `sede aggiungi`; `patrono` as MM-DD (the command's schema reads GG/MM), null for none. */
export interface SedeOptions {
  comune: string;
  patrono?: string | null;
  indirizzo?: string;
  responsabile?: string;
}

export interface SedeView {
  nome: string;
  comune: string;
  /** Patron day as MM-DD, or null. */
  patrono: string | null;
  indirizzo: string | null;
  responsabile: string | null;
}

function toView(r: SedeRow): SedeView {
  return { nome: r.nome, comune: r.comune, patrono: r.patrono, indirizzo: r.indirizzo, responsabile: r.responsabile };
}

export async function aggiungiSede(store: Store, nome: string, opts: SedeOptions, operatore: string): Promise<SedeView> {
  const n = requiredText('NOME', nome);
  const comune = requiredText('--comune', opts.comune);
  const patrono = opts.patrono ?? null;
  const row = {
    nome: n,
    comune,
    patrono,
    indirizzo: optionalText(opts.indirizzo) ?? null,
    responsabile: optionalText(opts.responsabile) ?? null,
  };
  return store.write(async (r) => {
    const existing = await r.registry.findSede(n);
    if (existing) throw new RefusedError(`la sede "${existing.nome}" esiste già (${existing.comune}); nessuna modifica`);
    await r.registry.insertSede(row);
    await r.storia.record({ doteId: ANAGRAFICA, entita: 'sede', entitaId: n, azione: 'aggiungi', operatore, dopo: row });
    return row;
  });
}

export function elencoSedi(store: Store): Promise<SedeView[]> {
  return store.read(async (r) => (await r.registry.listSedi()).map(toView));
}

export async function mostraSede(store: Store, nome: string): Promise<SedeView> {
  const s = await store.read((r) => r.registry.findSede(nome));
  if (!s) throw new RefusedError(`sede non trovata: "${nome.trim()}"`, [], 'le sedi registrate: dote sede elenco');
  return toView(s);
}
