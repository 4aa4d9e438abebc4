/**
 * The catalogues: the shipped ones and any `--catalogo FILE`, each validated by zod (validate.ts,
 * schema.ts). The shipped ones are validated ahead of time: compiled-catalogues.json holds each
 * as zod made it, with a hash of the source it was made from (the last step of `npm run build`), and is
 * used while the source is unchanged, so that most commands never import zod (~45 ms here; README
 * "Prestazioni"). A `--catalogo` file, or a shipped catalogue changed since, is validated on the
 * spot: loading stays synchronous for the use cases, so `prepareCatalogues` imports zod first,
 * before each command's action (cli.ts).
 */
import { readFileSync } from 'node:fs';
import type { Bando, Servizio, TipoDote } from './schema.js';
import { packagePath } from '../paths.js';
import { InternalError, UsageError } from '../errors.js';
import { osFailure } from '../os-errors.js';

/** The shipped catalogues, listed explicitly (no directory scanning at run time). */
export const BUILTIN_CATALOGUES = ['cremona-2021.json', 'veneto-jc-2022.json'] as const;

/**
 * The shipped catalogues as zod made them: `{ "<name>": { "hash": "<of the source>", "bando": {…} } }`.
 * Build output, made by `npm run build` (and so by `npm ci`'s prepare) in dist/, never committed.
 */
export const COMPILED_CATALOGUES = packagePath('dist', 'bandi', 'compiled-catalogues.json');

export type CompiledCatalogues = Record<string, { hash: string; bando: Bando }>;

/**
 * A 53-bit hash of the text (cyrb53, public domain), in hex: it tells a changed source from the
 * one compiled; nothing here needs more. Not SHA-256: importing node:crypto costs 1,5 ms, a
 * thirtieth of a start-up (README "Prestazioni"); this takes 0,1 ms on a catalogue.
 */
export function sourceHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export function builtinPath(name: string): string {
  return packagePath('src', 'bandi', 'catalogues', name);
}

function readCatalogue(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw osFailure(e, file, { what: 'impossibile leggere il catalogo' });
  }
}

let validate: ((text: string, file: string) => Bando) | undefined;

function validated(text: string, file: string): Bando {
  if (!validate) {
    // Only code that loads catalogues without the program around it (a test) gets here.
    throw new InternalError(`${file}: il catalogo va validato, ma la validazione non è stata caricata (prepareCatalogues)`);
  }
  return validate(text, file);
}

/** The compiled form of the shipped catalogue `name`, if it was made from this very `text`. */
export function compiledIfCurrent(all: CompiledCatalogues, name: string, text: string): Bando | undefined {
  const c = Object.hasOwn(all, name) ? all[name] : undefined;
  return c && c.hash === sourceHash(text) ? c.bando : undefined;
}

/** A shipped catalogue: its source text, and its compiled form if made from this very text. */
let builtins: Map<string, { file: string; text: string; compiled: Bando | undefined }> | undefined;

function builtin(name: string) {
  if (!builtins) {
    let all: CompiledCatalogues = {};
    try {
      all = JSON.parse(readFileSync(COMPILED_CATALOGUES, 'utf8')) as CompiledCatalogues;
    } catch {
      // No compiled form: every shipped catalogue is validated.
    }
    builtins = new Map(
      BUILTIN_CATALOGUES.map((n) => {
        const file = builtinPath(n);
        const text = readCatalogue(file);
        return [n, { file, text, compiled: compiledIfCurrent(all, n, text) }];
      }),
    );
  }
  return builtins.get(name)!;
}

/**
 * Imports zod's validation when this run needs it: `--catalogo` files, or a shipped catalogue
 * whose compiled form is missing or out of date. Run before a command's action.
 */
export async function prepareCatalogues(extraFiles: readonly string[]): Promise<void> {
  if (validate) return;
  if (!extraFiles.length && BUILTIN_CATALOGUES.every((n) => builtin(n).compiled)) return;
  validate = (await import('./validate.js')).parseCatalogue;
}

export function loadCatalogueFile(file: string): Bando {
  return validated(readCatalogue(file), file);
}

export class Catalogues {
  readonly bandi: readonly Bando[];
  constructor(bandi: Bando[]) {
    const seen = new Set<string>();
    for (const b of bandi) {
      if (seen.has(b.id)) throw new UsageError(`catalogo duplicato: il bando "${b.id}" è già caricato`);
      seen.add(b.id);
    }
    this.bandi = bandi;
  }

  find(id: string): Bando | undefined {
    return this.bandi.find((b) => b.id === id);
  }

  get(id: string): Bando {
    const b = this.find(id);
    if (!b) {
      throw new UsageError(`bando sconosciuto: "${id}" (bandi caricati: ${this.bandi.map((x) => x.id).join(', ')})`);
    }
    return b;
  }

  /** The bando that has this dote type (types are unique across the loaded bandi). */
  bandoOfTipo(tipo: string): Bando | undefined {
    return this.bandi.find((b) => b.tipi.some((t) => t.codice === tipo));
  }

  /** The bando whose service-code prefix matches (JC-… is veneto-jc-2022, Q… is cremona-2021). */
  bandoOfServizio(code: string): Bando | undefined {
    const exact = this.bandi.find((b) => b.servizi.some((s) => s.codice === code));
    if (exact) return exact;
    let best: Bando | undefined;
    let bestLen = 0;
    for (const b of this.bandi) {
      for (const p of b.prefissiServizi) {
        if (code.startsWith(p) && p.length > bestLen) {
          best = b;
          bestLen = p.length;
        }
      }
    }
    return best;
  }
}

export function tipoOf(bando: Bando, codice: string): TipoDote {
  const t = bando.tipi.find((x) => x.codice === codice);
  if (!t) {
    throw new UsageError(`tipo di dote "${codice}" non previsto dal bando ${bando.id} (tipi: ${bando.tipi.map((x) => x.codice).join(', ')})`);
  }
  return t;
}

export function servizioOf(bando: Bando, codice: string): Servizio | undefined {
  return bando.servizi.find((s) => s.codice === codice);
}

let cache: { key: string; value: Catalogues } | undefined;

export function loadCatalogues(extraFiles: readonly string[] = []): Catalogues {
  const key = extraFiles.join('\0');
  if (cache && cache.key === key) return cache.value;
  const bandi = BUILTIN_CATALOGUES.map((n) => {
    const b = builtin(n);
    return b.compiled ?? validated(b.text, b.file);
  });
  for (const f of extraFiles) bandi.push(loadCatalogueFile(f));
  const value = new Catalogues(bandi);
  cache = { key, value };
  return value;
}
