/**
 * `dote ente`: the operator's letterhead and payment data, one row (table `ente`, id 1). The PIP,
 * the registro and the liquidation packet print it; the IBAN goes on the dichiarazione estremi
 * di pagamento (the Cremona bando, liquidation documents), so a mistyped one is refused, not stored.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../db/store.js';
import type { EnteRow } from '../db/registry-repository.js';
import { RefusedError, UsageError } from '../errors.js';
import { ANAGRAFICA } from '../db/storia.js';
import { checkIban } from '../domain/iban.js';
import { optionalText } from './registry.js';

/** The options of `ente imposta`; `pec` read by the command's schema (null: `--pec ""` clears it). */
export interface EnteOptions {
  nome?: string;
  codice?: string;
  indirizzo?: string;
  pec?: string | null;
  iban?: string;
  logo?: string;
  rappresentante?: string;
  /** Years of retention after the end of a person's last dote; null: `--conservazione-anni ""` unsets it. */
  conservazioneAnni?: number | null;
}

export interface EnteView {
  nome: string;
  codice: string | null;
  indirizzo: string | null;
  pec: string | null;
  /** Normalised: no spaces, upper case. */
  iban: string | null;
  /** Absolute path of a PNG or JPEG file. */
  logo: string | null;
  rappresentante: string | null;
  /** Years a person's identity is kept after their last dote (`destinatario anonimizza`); null: not set. */
  conservazioneAnni: number | null;
  aggiornatoIl: string;
}

function toView(r: EnteRow): EnteView {
  return {
    nome: r.nome,
    codice: r.codice,
    indirizzo: r.indirizzo,
    pec: r.pec,
    iban: r.iban,
    logo: r.logo,
    rappresentante: r.rappresentante_legale,
    conservazioneAnni: r.conservazione_anni,
    aggiornatoIl: r.aggiornato_il,
  };
}

/** The kind of image by its first bytes (the PDF renderer embeds only PNG and JPEG). */
function imageKind(file: string): 'png' | 'jpeg' | null {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(8);
    const n = readSync(fd, b, 0, 8, 0);
    if (n >= 8 && b.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
    if (n >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
    return null;
  } finally {
    closeSync(fd);
  }
}

/** `--logo FILE`: an existing PNG or JPEG; stored as an absolute path (relative to `cwd`). */
export function checkLogo(file: string, cwd: string): string {
  const abs = path.resolve(cwd, file);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`--logo: file non trovato: ${abs}`);
  if (!imageKind(abs)) throw new UsageError(`--logo: ${abs} non è un'immagine PNG o JPEG`);
  return abs;
}

/** The operator's data, null when not yet set. */
export function readEnte(store: Store): Promise<EnteView | null> {
  return store.read(async (r) => {
    const row = await r.registry.findEnte();
    return row ? toView(row) : null;
  });
}

/**
 * Sets the operator's data. The first time `--nome` is required; afterwards only the options
 * given change (an empty value, e.g. `--pec ""`, clears an optional field).
 */
export async function impostaEnte(store: Store, opts: EnteOptions, env: { oggi: string; cwd: string; operatore: string }): Promise<EnteView> {
  const nome = optionalText(opts.nome);
  if (opts.nome !== undefined && nome === null) throw new UsageError('--nome: valore vuoto');
  const pec = opts.pec;
  let iban = optionalText(opts.iban);
  if (iban) {
    const r = checkIban(iban);
    // A refusal (exit 1), not a usage error: the value has the right shape for an option, the
    // ISO 13616 check says it is not a real account.
    if (!r.ok) throw new RefusedError(`IBAN non valido: ${r.reason}; nessuna modifica`);
    iban = r.iban;
  }
  const logo = opts.logo === undefined ? undefined : optionalText(opts.logo) === null ? null : checkLogo(opts.logo, env.cwd);
  const change: Partial<EnteRow> = {};
  if (nome !== undefined && nome !== null) change.nome = nome;
  const codice = optionalText(opts.codice);
  if (codice !== undefined) change.codice = codice;
  const indirizzo = optionalText(opts.indirizzo);
  if (indirizzo !== undefined) change.indirizzo = indirizzo;
  if (pec !== undefined) change.pec = pec;
  if (iban !== undefined) change.iban = iban;
  if (logo !== undefined) change.logo = logo;
  const rappresentante = optionalText(opts.rappresentante);
  if (rappresentante !== undefined) change.rappresentante_legale = rappresentante;
  if (opts.conservazioneAnni !== undefined) change.conservazione_anni = opts.conservazioneAnni;

  if (Object.keys(change).length === 0) throw new UsageError("niente da impostare: indica almeno un'opzione (es. --nome, --iban)");
  return store.write(async (r) => {
    const current = await r.registry.findEnte();
    if (!current && !change.nome) {
      throw new UsageError("--nome è obbligatorio la prima volta: indica la ragione sociale dell'ente", 'es. dote ente imposta --nome "Cooperativa Esempio"');
    }
    const row: EnteRow = {
      nome: '',
      codice: null,
      indirizzo: null,
      pec: null,
      iban: null,
      logo: null,
      rappresentante_legale: null,
      conservazione_anni: null,
      ...current,
      ...change,
      aggiornato_il: env.oggi,
    };
    await r.registry.saveEnte(row);
    await r.storia.record({ doteId: ANAGRAFICA, entita: 'ente', entitaId: 1, azione: current ? 'modifica' : 'imposta', operatore: env.operatore, prima: current ?? undefined, dopo: row });
    return toView(row);
  });
}

export async function mostraEnte(store: Store): Promise<EnteView> {
  const v = await readEnte(store);
  if (!v) throw new RefusedError("ente non trovato: i dati dell'ente non sono ancora impostati", [], 'dote ente imposta --nome "…" --iban …');
  return v;
}
