/**
 * The shipped catalogues are read from dist/bandi/compiled-catalogues.json, zod's output made by
 * the build (`npm run build`, as the suite's global setup does), so that reading them costs no zod at start-up. It must be exactly what
 * zod makes of the sources now; and a source changed since is not read from it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_CATALOGUES, COMPILED_CATALOGUES, builtinPath, compiledIfCurrent, loadCatalogueFile, loadCatalogues, prepareCatalogues, type CompiledCatalogues } from '../../src/bandi/load.js';
import { tempDir } from '../helpers.js';
import { compiledCataloguesText } from '../../src/bandi/compile.js';
import { parseCatalogue } from '../../src/bandi/validate.js';

const compiled = JSON.parse(readFileSync(COMPILED_CATALOGUES, 'utf8')) as CompiledCatalogues;

describe('compiled-catalogues.json', () => {
  it('is what zod makes of the shipped catalogues now (made by the build)', () => {
    expect(readFileSync(COMPILED_CATALOGUES, 'utf8'), 'dist/bandi/compiled-catalogues.json è vecchio: rigeneralo con "npm run build"').toBe(compiledCataloguesText());
  });

  it('is what loadCatalogues gives, equal to zod parsing each source', () => {
    const loaded = loadCatalogues();
    expect(loaded.bandi.map((b) => b.id)).toEqual(['cremona-2021', 'veneto-jc-2022']);
    BUILTIN_CATALOGUES.forEach((name, i) => {
      const file = builtinPath(name);
      expect(loaded.bandi[i]).toStrictEqual(parseCatalogue(readFileSync(file, 'utf8'), file));
    });
  });

  it('is not used for a source that changed since it was made', () => {
    const name = BUILTIN_CATALOGUES[0];
    const text = readFileSync(builtinPath(name), 'utf8');
    expect(compiledIfCurrent(compiled, name, text)).toBe(compiled[name]!.bando);
    expect(compiledIfCurrent(compiled, name, `${text}\n`)).toBeUndefined();
    expect(compiledIfCurrent(compiled, 'altro.json', text)).toBeUndefined();
    expect(compiledIfCurrent({}, name, text)).toBeUndefined();
  });
});

describe('a catalogue validated on the spot', () => {
  it('needs zod prepared first (the program does it before every action), then loads', async () => {
    const t = tempDir('dote-compiled-');
    try {
      const raw = JSON.parse(readFileSync(builtinPath('cremona-2021.json'), 'utf8'));
      const file = path.join(t.dir, 'cremona-2023.json');
      writeFileSync(file, JSON.stringify({ ...raw, id: 'cremona-2023' }));
      expect(() => loadCatalogueFile(file)).toThrow(/la validazione non è stata caricata/);
      await prepareCatalogues([file]);
      expect(loadCatalogueFile(file).id).toBe('cremona-2023');
      expect(loadCatalogues([file]).bandi.map((b) => b.id)).toEqual(['cremona-2021', 'veneto-jc-2022', 'cremona-2023']);
    } finally {
      t.cleanup();
    }
  });
});
