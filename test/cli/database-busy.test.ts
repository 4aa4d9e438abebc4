/**
 * A database another process is writing: every writing command waits the same busy timeout
 * (src/db/connection.ts, 5 s), then gives up with the one-line "database in uso" message and
 * exit 2, as `dote importa` does (test/cli/importa.test.ts), never with an internal error. The
 * other writer holds the file's write lock (BEGIN IMMEDIATE), or on a server the write lock every
 * dote writer takes first (src/db/postgres/store.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdWriteLock } from '../helpers.js';
import { JC, jobCoach, refused, setup, type Env } from './erogazione-setup.js';

const envs: Env[] = [];
afterEach(() => {
  while (envs.length) envs.pop()!.cleanup();
});

const BUSY = "dote: il database è in uso da un altro processo (un'altra importazione o modifica in corso): riprova fra poco, quando è terminato\n";

describe('a database locked by another writer', () => {
  it('sede aggiungi and erogazione aggiungi wait the busy timeout, then exit 2 with one line; nothing changes', { timeout: 60_000 }, () => {
    const env = setup();
    envs.push(env);
    jobCoach(env);
    const sede = ['sede', 'aggiungi', 'Milano', '--comune', 'Milano'];
    const erogazione = ['erogazione', 'aggiungi', JC, '--servizio', 'JC-AL', '--professionista', 'P01', '--data', '28/06/2022', '--inizio', '10:00', '--fine', '12:00', '--oggi', '2022-06-27'];
    const release = holdWriteLock(env.db);
    try {
      for (const args of [sede, erogazione]) {
        const started = Date.now();
        const r = refused(env, args, 2); // also: the database is exactly as it was
        const ms = Date.now() - started;
        expect(r.stderr, args.join(' ')).toBe(BUSY);
        expect(r.stdout).toBe('');
        // It waited for the lock (the busy timeout) before giving up, and no longer than that.
        expect(ms, args.join(' ')).toBeGreaterThanOrEqual(4_500);
        expect(ms, args.join(' ')).toBeLessThan(20_000);
      }
    } finally {
      release();
    }
    // The lock gone, the same commands go through.
    expect(env.run(sede).status).toBe(0);
    expect(env.run(erogazione).status).toBe(0);
  });

  it('DOTE_BUSY_TIMEOUT_MS sets the wait, the same for every writing command (importa too); a bad value is a usage error', { timeout: 60_000 }, () => {
    const env = setup();
    envs.push(env);
    jobCoach(env);
    const csv = path.join(env.dir, 'calendario.csv');
    writeFileSync(csv, `id_dote;servizio;data;ora_inizio;ora_fine;professionista\n${JC};JC-AL;28/06/2022;10:00;12:00;P01\n`);
    const commands = [
      ['sede', 'aggiungi', 'Milano', '--comune', 'Milano'],
      ['erogazione', 'aggiungi', JC, '--servizio', 'JC-AL', '--professionista', 'P01', '--data', '28/06/2022', '--inizio', '10:00', '--fine', '12:00', '--oggi', '2022-06-27'],
      ['importa', csv, '--oggi', '2022-06-29'],
    ];
    const release = holdWriteLock(env.db);
    try {
      for (const args of commands) {
        const started = Date.now();
        const r = env.run(args, { DOTE_BUSY_TIMEOUT_MS: '1200' });
        const ms = Date.now() - started;
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).toMatch(/^dote: (importazione non riuscita, nessuna riga importata: )?il database è in uso da un altro processo .*: riprova fra poco, quando è terminato\n$/);
        expect(ms, args.join(' ')).toBeGreaterThanOrEqual(1_100);
        expect(ms, args.join(' ')).toBeLessThan(4_500);
      }
    } finally {
      release();
    }
    const bad = env.run(commands[0]!, { DOTE_BUSY_TIMEOUT_MS: 'cinque' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('dote: DOTE_BUSY_TIMEOUT_MS: "cinque" non è un numero intero di millisecondi\nsuggerimento: es. DOTE_BUSY_TIMEOUT_MS=10000 per aspettare 10 secondi\n');
  });
});
