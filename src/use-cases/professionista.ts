/**
 * `dote professionista`: who delivers the services. docs/comandi.md: a professional is named by code or by
 * full name, in options and in CSV files alike, so both must identify one person: a new code or
 * name that already names someone (either way round, "Cognome Nome" too) is refused.
 * `--ente` is the partner organisation the professional belongs to when not the operator's own
 * staff (the Cremona bando: a PIP with partner services needs the atto di adesione A03).
 */
import type { Store } from '../db/store.js';
import type { ProfessionistaRow } from '../db/registry-repository.js';
import { RefusedError, UsageError } from '../errors.js';
import { ANAGRAFICA } from '../db/storia.js';
import { optionalText, requiredText } from './registry.js';

export interface ProfessionistaOptions {
  nome: string;
  ruolo?: string;
  ente?: string;
  qualifica?: string;
  /** Years of experience (0-99, read by the command's schema); null: not given. */
  anniEsperienza?: number | null;
}

export interface ProfessionistaView {
  codice: string;
  nome: string;
  ruolo: string | null;
  /** Partner organisation; null when the operator's own staff. */
  ente: string | null;
  qualifica: string | null;
  anniEsperienza: number | null;
}

function toView(r: ProfessionistaRow): ProfessionistaView {
  return { codice: r.codice, nome: r.nome, ruolo: r.ruolo, ente: r.ente, qualifica: r.qualifica, anniEsperienza: r.anni_esperienza };
}

export async function aggiungiProfessionista(store: Store, codice: string, opts: ProfessionistaOptions, operatore: string): Promise<ProfessionistaView> {
  const c = requiredText('CODICE', codice);
  if (/\s/.test(c)) throw new UsageError(`CODICE: "${c}" contiene spazi (usa lettere, cifre, - o _; es. PR01)`);
  const nome = requiredText('--nome', opts.nome);
  const anni = opts.anniEsperienza ?? null;
  const row = {
    codice: c,
    nome,
    ruolo: optionalText(opts.ruolo) ?? null,
    ente: optionalText(opts.ente) ?? null,
    qualifica: optionalText(opts.qualifica) ?? null,
    anni_esperienza: anni,
  };
  return store.write(async (r) => {
    for (const key of [c, nome]) {
      const other = await r.registry.findProfessionista(key);
      if (other) {
        throw new RefusedError(
          `"${key}" identifica già il professionista ${other.codice} (${other.nome}); codici e nomi devono essere univoci: nessuna modifica`,
        );
      }
    }
    const id = await r.registry.insertProfessionista(row);
    await r.storia.record({ doteId: ANAGRAFICA, entita: 'professionista', entitaId: c, azione: 'aggiungi', operatore, dopo: row });
    return toView({ id, ...row });
  });
}

export function elencoProfessionisti(store: Store): Promise<ProfessionistaView[]> {
  return store.read(async (r) => (await r.registry.listProfessionisti()).map(toView));
}

export async function mostraProfessionista(store: Store, codeOrName: string): Promise<ProfessionistaView> {
  const p = await store.read((r) => r.registry.findProfessionista(codeOrName));
  if (!p) throw new RefusedError(`professionista non trovato: "${codeOrName.trim()}" (né come codice né come nome)`, [], 'i professionisti registrati: dote professionista elenco');
  return toView(p);
}
