import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Two projects over the same tests: `sqlite`, every test on the file; `postgres`, the tests that
 * drive dote through its commands (withDb in helpers.ts) again, on a fresh database of the tests'
 * PostgreSQL server each (issue 14: every command behaves the same on both stores). The tests
 * that are about the file itself (its permissions, migrations of old files, backups, WAL, SQLite's
 * locks) or open it directly stay in `sqlite` only: ON_SQLITE_ONLY lists them with the reason.
 */
const ON_POSTGRES = ['test/cli/**/*.test.ts', 'test/documents/**/*.test.ts'];
const ON_SQLITE_ONLY: Record<string, string> = {};

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'postgres', include: ON_POSTGRES, exclude: Object.keys(ON_SQLITE_ONLY), env: { DOTE_TEST_STORE: 'postgres' } },
      },
    ],
  },
});
