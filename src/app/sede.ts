/**
 * `dote sede`: the operator's sedi / sportelli, each with its comune and the comune's patron day.
 *
 * Why the patron day is per-sede configuration: activities are not allowed on public holidays,
 * which include the patron saint's day of the sede's comune (domain.md, time rules); the
 * date-holidays data has Italy's national holidays but not the local patron days, which differ
 * from one comune to the next. Examples: Cremona 13/11 (Sant'Omobono), Padova 13/06 (Sant'Antonio),
 * Treviso 27/04 (San Liberale), Verona 21/05 (San Zeno), Milano 07/12 (Sant'Ambrogio).
 * Stored as MM-DD (same day every year).
 */
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/connection.js';
import { findSede, type SedeRow } from '../db/repo/lookup.js';
import { RefusedError } from '../errors.js';
import { fields, optionalText, requiredText } from './registry.js';
import { table } from '../format/table.js';

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

/** `MM-DD` → `DD/MM`. */
export function formatPatrono(mmdd: string): string {
  return `${mmdd.slice(3, 5)}/${mmdd.slice(0, 2)}`;
}

function toView(r: SedeRow): SedeView {
  return { nome: r.nome, comune: r.comune, patrono: r.patrono, indirizzo: r.indirizzo, responsabile: r.responsabile };
}

export function aggiungiSede(db: Db, nome: string, opts: SedeOptions): SedeView {
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
  return inTransaction(db, () => {
    const existing = findSede(db, n);
    if (existing) throw new RefusedError(`la sede "${existing.nome}" esiste già (${existing.comune}); nessuna modifica`);
    db.prepare('INSERT INTO sede (nome, comune, patrono, indirizzo, responsabile) VALUES (@nome, @comune, @patrono, @indirizzo, @responsabile)').run(row);
    return row;
  });
}

export function elencoSedi(db: Db): SedeView[] {
  return (db.prepare('SELECT * FROM sede ORDER BY nome COLLATE NOCASE').all() as SedeRow[]).map(toView);
}

export function mostraSede(db: Db, nome: string): SedeView {
  const s = findSede(db, nome);
  if (!s) throw new RefusedError(`sede non trovata: "${nome.trim()}"`, [], 'le sedi registrate: dote sede elenco');
  return toView(s);
}

export function formatSede(v: SedeView): string {
  return fields([
    ['Sede', v.nome],
    ['Comune', v.comune],
    ['Patrono', v.patrono ? formatPatrono(v.patrono) : null],
    ['Indirizzo', v.indirizzo],
    ['Responsabile', v.responsabile],
  ]);
}

export function formatSedi(list: SedeView[]): string {
  if (!list.length) return 'Nessuna sede registrata (aggiungila con "dote sede aggiungi NOME --comune C --patrono GG/MM").';
  return table(
    ['sede', 'comune', 'patrono', 'indirizzo', 'responsabile'],
    list.map((s) => [s.nome, s.comune, s.patrono ? formatPatrono(s.patrono) : '—', s.indirizzo ?? '—', s.responsabile ?? '—']),
  );
}
