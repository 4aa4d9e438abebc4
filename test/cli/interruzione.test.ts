/**
 * Commands interrupted in the middle (src/files/temporaries.ts): Ctrl-C or `kill` while a command
 * has temporary files leaves none of them and nothing half-recorded in the database, and the
 * process still ends by the signal, as a shell expects. On both stores.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, spawnDote, sql, tempDir } from '../helpers.js';
import { cremonaProntaPerLiquidazione } from './liquidazione-setup.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const INTERROTTO = 'dote: interrotto prima della fine; i file provvisori sono stati tolti';

/** Waits until `cond()` holds (an exception counts as not yet: a folder renamed under the look). */
async function until(cond: () => boolean, what: string): Promise<void> {
  const limit = Date.now() + 50_000; // within the test's 60 s, so that a miss says what never happened
  for (;;) {
    try {
      if (cond()) return;
    } catch {
      // not yet
    }
    if (Date.now() > limit) throw new Error(`never happened: ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Entries of `dir` whose name starts with `prefix` and that hold at least one file. */
const started = (dir: string, prefix: string) => readdirSync(dir).filter((n) => n.startsWith(prefix) && readdirSync(path.join(dir, n)).length > 0);

describe('an interrupted command', () => {
  it('liquidazione prepara, Ctrl-C while the PDFs are made: no packet, no hidden folder, no request; prepared afterwards', async () => {
    const { t, ok } = cremonaProntaPerLiquidazione((c) => cleanups.push(c));
    const dir = path.join(t.dir, 'pacchetto');
    const args = ['liquidazione', 'prepara', 'CR-A', '-o', dir, '--bollo', '01234567890123'];
    const { child, done } = spawnDote([...args, '--db', t.db], { cwd: t.dir, env: { DOTE_OGGI: '2021-04-20', DOTE_OPERATORE: 'test' } });
    // The hidden folder beside the packet's, with its first PDF in it: the rest are still to come.
    await until(() => started(t.dir, '.pacchetto.').length > 0, 'the first PDF of the packet');
    child.kill('SIGINT');
    const o = await done;
    expect(o.stdout).toBe('');
    expect(o.signal).toBe('SIGINT');
    expect(o.stderr).toContain(INTERROTTO);
    expect(readdirSync(t.dir).filter((n) => n.includes('pacchetto'))).toEqual([]);
    expect(sql(t.db, 'SELECT count(*) AS n FROM liquidazione')).toEqual([{ n: 0 }]);
    expect(sql(t.db, "SELECT count(*) AS n FROM erogazione WHERE liquidazione_id IS NOT NULL")).toEqual([{ n: 0 }]);

    ok(args);
    expect(readdirSync(dir)).toContain('SHA256SUMS');
    expect(readdirSync(t.dir).filter((n) => n.includes('pacchetto'))).toEqual(['pacchetto']);
  });

  it('verifica with findings spilled to disk, killed outright: no file of them stays', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    // Two findings a row, past the 50.000 kept in memory after 25.000 rows: the rest is the window.
    const rows = 'CR-1;QD1;31/02/2022;09:00;10:00;Mario Rossi;31/02/2022\n'.repeat(400_000);
    writeFileSync(path.join(t.dir, 'grande.csv'), 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;registrata_il\n' + rows);
    // The system's temporary folder of this process alone, so that other tests' do not count.
    const tmp = path.join(t.dir, 'tmp');
    mkdirSync(tmp);
    const { child, done } = spawnDote(['verifica', 'grande.csv'], { cwd: t.dir, env: { DOTE_OGGI: '2022-07-15', TMPDIR: tmp } });
    // A run of findings on disk: a descriptor of the process on a file under tmp, already unlinked.
    const runs = () => readdirSync(`/proc/${child.pid}/fd`).map((fd) => readlinkSync(`/proc/${child.pid}/fd/${fd}`)).filter((l) => l.startsWith(`${tmp}/`));
    // (Looked at from outside, a run may be caught in the instant between its open and its unlink.)
    await until(() => runs().some((l) => l.endsWith(' (deleted)')), 'the first findings written to disk, unlinked');
    child.kill('SIGKILL');
    const o = await done;
    expect(o.signal).toBe('SIGKILL');
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('files/temporaries.ts', () => {
  /** A process that registers `a` (a file) and `b` (a folder), forgets `b`, says so, then waits or exits. */
  const child = (dir: string, then: 'wait' | 'exit') =>
    spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { writeFileSync, mkdirSync } from 'node:fs';
         const { removedIfInterrupted } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/files/temporaries.js')).href)});
         writeFileSync(${JSON.stringify(path.join(dir, 'a'))}, 'x');
         mkdirSync(${JSON.stringify(path.join(dir, 'b'))});
         removedIfInterrupted(${JSON.stringify(path.join(dir, 'a'))});
         removedIfInterrupted(${JSON.stringify(path.join(dir, 'b'))})();
         process.stdout.write('pronto\\n');
         ${then === 'exit' ? 'process.exit(3);' : 'setInterval(() => {}, 1000);'}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );

  const outcome = (c: ReturnType<typeof child>) =>
    new Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
      let stderr = '';
      c.stderr!.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
      c.on('close', (status, signal) => resolve({ status, signal, stderr }));
    });

  it.each(['SIGHUP', 'SIGINT'] as const)('%s: what is registered is removed, what was forgotten stays, the signal ends the process', async (signal) => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const c = child(t.dir, 'wait');
    const end = outcome(c);
    await new Promise<void>((resolve) => c.stdout!.once('data', () => resolve()));
    c.kill(signal);
    const o = await end;
    expect(o).toEqual({ status: null, signal, stderr: `\n${INTERROTTO}\n` });
    expect(readdirSync(t.dir)).toEqual(['b']);
  });

  it('an exit before the cleanup removes what is registered, without a word, with the status given', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const o = await outcome(child(t.dir, 'exit'));
    expect(o).toEqual({ status: 3, signal: null, stderr: '' });
    expect(readdirSync(t.dir)).toEqual(['b']);
  });
});
