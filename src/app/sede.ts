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
import { RefusedError, UsageError } from '../errors.js';
import { optionalText, requiredText } from './registry.js';

export interface SedeOptions {
  comune: string;
  patrono?: string;
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

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `DD/MM` (also `D/M`, `DD-MM`, `DD.MM`) to `MM-DD`, or null when it is not a day of the year.
 * 29/02 is accepted: a feast on that day exists only in leap years, but it is a real date.
 */
export function parsePatrono(s: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(s.trim());
  if (!m) return null;
  const d = Number(m[1]), mo = Number(m[2]);
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1]!) return null;
  return `${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH_NAMES = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

function patronoProblem(s: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(s.trim());
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const mo = Number(m[2]);
    return `il giorno ${s.trim()} non esiste (${MONTH_NAMES[mo - 1]} ha ${DAYS[mo - 1]} giorni)`;
  }
  if (m) return `mese non valido in "${s.trim()}" (formato GG/MM, es. 13/11)`;
  return `giorno non valido "${s.trim()}" (formato GG/MM, es. 13/11)`;
}

function toView(r: SedeRow): SedeView {
  return { nome: r.nome, comune: r.comune, patrono: r.patrono, indirizzo: r.indirizzo, responsabile: r.responsabile };
}

export function aggiungiSede(db: Db, nome: string, opts: SedeOptions): SedeView {
  const n = requiredText('NOME', nome);
  const comune = requiredText('--comune', opts.comune);
  let patrono: string | null = null;
  if (opts.patrono !== undefined && opts.patrono.trim() !== '') {
    patrono = parsePatrono(opts.patrono);
    if (!patrono) throw new UsageError(`--patrono: ${patronoProblem(opts.patrono)}`);
  }
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
