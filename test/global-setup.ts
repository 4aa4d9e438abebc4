// CLI tests spawn bin/dote, which runs the compiled dist/: build once before the suite (as
// `npm run build` does) so the tests always exercise the current sources.
// A throwaway PostgreSQL server for the tests of the server store (test/postgres/server.sh),
// unless DOTE_TEST_PG names one; stopped and removed at the end of the run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): (() => void) | undefined {
  // Both projects of vitest.config.ts (sqlite, postgres) run this in the same process: the build
  // and the server once, for both.
  const started = process.env.DOTE_TEST_PG_STARTED;
  if (started) {
    project.provide('pgUrl', started);
    return undefined;
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', `${root}/tsconfig.json`], { stdio: 'inherit' });
  // The last step of the build: the shipped catalogues validated ahead of time (src/bandi/compile.ts).
  execFileSync(process.execPath, [`${root}/dist/bandi/compile.js`], { stdio: 'ignore' });
  if (process.env.DOTE_TEST_PG) {
    process.env.DOTE_TEST_PG_STARTED = process.env.DOTE_TEST_PG;
    project.provide('pgUrl', process.env.DOTE_TEST_PG);
    return undefined;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'dote-test-pg-'));
  rmdirSync(dir); // server.sh makes it, owned by the server's user
  const url = execFileSync('bash', [`${root}/test/postgres/server.sh`, 'start', dir], { encoding: 'utf8' }).trim();
  process.env.DOTE_TEST_PG_STARTED = url;
  project.provide('pgUrl', url);
  return () => {
    execFileSync('bash', [`${root}/test/postgres/server.sh`, 'stop', dir], { stdio: 'ignore' });
  };
}
