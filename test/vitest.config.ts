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
const ON_SQLITE_ONLY: Record<string, string> = {
  'test/cli/backup.test.ts': "dote backup and dote ripristina of the file (on a server backup is refused by design: pg_dump)",
  'test/cli/database-refusals.test.ts': "the database file as the operating system sees it: a path that is not a regular file, the file's permissions, a read-only file, a full disk, a read-only file system",
  'test/cli/permessi.test.ts': "the file's permissions and its -wal/-shm under umask 000, and the backup and restore of the file",
  'test/cli/importa-crash.test.ts': "SQLite's write-ahead log after an import killed with SIGKILL, on a file the test makes itself",
};

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
