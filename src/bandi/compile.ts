/**
 * `npm run catalogues`: validates the shipped catalogues with zod and writes what zod made of
 * them, with a hash of each source, to compiled-catalogues.json (read by load.ts, so that a
 * command does not import zod just to read the shipped catalogues). Run it after changing a file
 * of src/bandi/catalogues/ or the schema; test/bandi/compiled-catalogues.test.ts fails until then
 * (the program stays right meanwhile: a catalogue whose source changed is validated on the spot).
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
