/**
 * Loads the built-in catalogues and any `--catalogo FILE`, validating each with zod. A broken
 * catalogue fails with a message naming the file and the field (exit 2: the input cannot be used).
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { bandoSchema, CATALOGUE_PARSE, formatPath, type Bando, type Servizio, type TipoDote } from './schema.js';
import { packagePath } from '../paths.js';
import { UsageError } from '../errors.js';

/** The shipped catalogues, listed explicitly (no directory scanning at run time). */
export const BUILTIN_CATALOGUES = ['cremona-2021.json', 'veneto-jc-2022.json'] as const;

/** At most this many problems in the one-line message; the rest are counted. */
const MAX_ISSUES = 8;

/**
 * One line per problem, `path: message`. A union (`"off"` or a rule setting) reports the branch
 * the value was meant for: the one whose problems are all inside the value, not about its type.
 */
function flattenIssues(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[] = []): string[] {
  return issues.flatMap((i) => {
    const path = [...base, ...i.path];
    if (i.code === 'invalid_union') {
      const branch = i.errors.find((b) => b.length > 0 && b.every((x) => x.path.length > 0));
      if (branch) return flattenIssues(branch, path);
    }
    return [`${formatPath(path) || '(radice)'}: ${i.message}`];
  });
}

/** V8's JSON.parse message, in Italian with line and column where it gives a position. */
function jsonProblem(text: string, e: Error): string {
  const m = /at position (\d+)/.exec(e.message);
  if (m) {
    const pos = Number(m[1]);
    const before = text.slice(0, pos).split('\n');
    const near = text.slice(pos, pos + 20).split('\n')[0]!;
    return `riga ${before.length}, colonna ${before[before.length - 1]!.length + 1}: sintassi JSON non valida vicino a ${JSON.stringify(near)}`;
  }
  if (/end of JSON input/.test(e.message)) return 'il file finisce prima della chiusura di tutte le parentesi';
  const tok = /Unexpected token '(.)'/.exec(e.message);
  return tok ? `carattere inatteso ${JSON.stringify(tok[1])}: non è JSON` : 'sintassi JSON non valida';
}

export function parseCatalogue(text: string, file: string): Bando {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: catalogo non valido, JSON illeggibile (${jsonProblem(text, e as Error)})`);
  }
  const r = bandoSchema.safeParse(raw, CATALOGUE_PARSE);
  if (!r.success) {
    const lines = flattenIssues(r.error.issues);
    const more = lines.length > MAX_ISSUES ? `; … e altri ${lines.length - MAX_ISSUES} errori` : '';
    throw new UsageError(`${file}: catalogo non valido: ${lines.slice(0, MAX_ISSUES).join('; ')}${more}`);
  }
  return r.data;
}

export function loadCatalogueFile(file: string): Bando {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: impossibile leggere il catalogo`);
  }
  return parseCatalogue(text, file);
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
  const bandi = BUILTIN_CATALOGUES.map((f) => loadCatalogueFile(packagePath('src', 'bandi', 'catalogues', f)));
  for (const f of extraFiles) bandi.push(loadCatalogueFile(f));
  const value = new Catalogues(bandi);
  cache = { key, value };
  return value;
}
