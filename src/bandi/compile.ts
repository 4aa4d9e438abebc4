/**
 * The last step of `npm run build` (and of `npm ci`, through prepare): validates the shipped
 * catalogues with zod and writes what zod made of them, with a hash of each source, to
 * dist/bandi/compiled-catalogues.json (read by load.ts, so that a command does not import zod
 * just to read the shipped catalogues). A catalogue whose source changed since, or a missing
 * file, is validated on the spot: the program is right either way, only slower to start.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BUILTIN_CATALOGUES, COMPILED_CATALOGUES, builtinPath, sourceHash, type CompiledCatalogues } from './load.js';
import { parseCatalogue } from './validate.js';

/** The file's content: the shipped catalogues as validated now. */
export function compiledCataloguesText(): string {
  const out: CompiledCatalogues = {};
  for (const name of BUILTIN_CATALOGUES) {
    const file = builtinPath(name);
    const text = readFileSync(file, 'utf8');
    out[name] = { hash: sourceHash(text), bando: parseCatalogue(text, file) };
  }
  return `${JSON.stringify(out, null, 1)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(COMPILED_CATALOGUES, compiledCataloguesText());
  process.stdout.write(`${COMPILED_CATALOGUES}: ${BUILTIN_CATALOGUES.join(', ')}\n`);
}
