#!/usr/bin/env node
/**
 * `npm run fuzz -- --seed 123 --iterations 5000`: a longer fuzz campaign with the seed given, the
 * same checks as the one in `npm test` (test/fuzz/fuzz.test.ts, run here with FUZZ_SEED and
 * FUZZ_ITERATIONS). `--keep` keeps the folder of the mutated files that failed (FUZZ_KEEP).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const env = { ...process.env };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    const v = args[++i];
    if (v === undefined || !/^\d+$/.test(v)) {
      process.stderr.write(`fuzz: ${a} richiede un numero intero (es. npm run fuzz -- --seed 123 --iterations 5000)\n`);
      process.exit(2);
    }
    return v;
  };
  if (a === '--seed') env.FUZZ_SEED = value();
  else if (a === '--iterations') env.FUZZ_ITERATIONS = value();
  else if (a === '--keep') env.FUZZ_KEEP = '1';
  else {
    process.stderr.write(`fuzz: opzione sconosciuta: ${a} (usa --seed N, --iterations N, --keep)\n`);
    process.exit(2);
  }
}
env.FUZZ_ITERATIONS ??= '5000';
const r = spawnSync(process.execPath, [`${ROOT}/node_modules/vitest/vitest.mjs`, 'run', '--config', 'test/vitest.config.ts', 'test/fuzz/fuzz.test.ts'], { cwd: ROOT, env, stdio: 'inherit' });
process.exit(r.status ?? 2);
