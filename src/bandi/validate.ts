/**
 * Validates a catalogue file's text with zod (schema.ts): the catalogue in the domain's units, or
 * a usage error naming the file and the field (exit 2: the input cannot be used). Imported only
 * when a file must be validated (`--catalogo`, or a shipped catalogue changed since
 * compiled-catalogues.json was made: load.ts), because zod costs ~45 ms to import.
 */
import type { z } from 'zod';
import { bandoSchema, CATALOGUE_PARSE, formatPath, type Bando } from './schema.js';
import { UsageError } from '../errors.js';

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

/** V8's JSON.parse message, in Italian with line and column where it gives a position (also for templates). */
export function jsonProblem(text: string, e: Error): string {
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

export function parseCatalogue(source: string, file: string): Bando {
  // A BOM in front (Notepad and other Windows editors save UTF-8 so) is not part of the JSON.
  const text = source.replace(/^\uFEFF/, '');
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
