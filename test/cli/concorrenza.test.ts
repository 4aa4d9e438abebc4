/**
 * Two writers at the same moment (issue 12, item 12). Two `dote` processes started together that
 * would each pass a rule alone but not together (an overlap of the same professional, the hours of
 * a Job Coach activity, a Cremona fascia cap) must never both succeed: the check and the write sit
 * in one BEGIN IMMEDIATE transaction on the file (src/db/sqlite/store.ts), in one transaction that
 * holds the server's write lock (src/db/postgres/store.ts), so the second one reads what the first wrote and is
 * refused by the rule (exit 1), or is told the database is busy (exit 2).
 * Each round starts from the same database state, copied from a prepared database.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_STORE, copyDb, sql, startDote } from '../helpers.js';
import { aggiungi, CF2, cremona, JC, jobCoach, setup, type Env } from './erogazione-setup.js';

const ROUNDS = 20;
const JC2 = 'JC-1-1103/023';

/** `dote ARGS --db DB` as a child process, not waited for: two of them run at once. */
const start = (db: string, args: readonly string[]) => startDote([...args, '--db', db]);

const BUSY = /^dote: il database è in uso da un altro processo/;

/**
 * Runs `a` and `b` together ROUNDS times, each round on a fresh copy of `base`; checks that exactly
 * one succeeded and the other was refused (exit 1 naming `rule`) or found the database busy (exit 2),
 * then that `count` on the database says one write happened.
 */
async function race(env: Env, name: string, a: string[], b: string[], rule: RegExp, count: (db: string) => number): Promise<void> {
  const before = count(env.db);
  for (let round = 0; round < ROUNDS; round++) {
    const db = copyDb(env.db, path.join(env.dir, `${name}-${round}.db`));
    const results = await Promise.all([start(db, a), start(db, b)]);
    const why = results.map((r) => `${r.status}: ${r.stdout}${r.stderr}`).join('\n');
    const ok = results.filter((r) => r.status === 0);
    expect(ok.length, `round ${round}: exactly one succeeds\n${why}`).toBe(1);
    const other = results.find((r) => r.status !== 0)!;
    expect([1, 2], `round ${round}\n${why}`).toContain(other.status);
    expect(other.stderr, `round ${round}`).toMatch(other.status === 1 ? rule : BUSY);
    expect(other.stderr, `round ${round}`).not.toMatch(/\n\s+at |errore interno/);
    expect(count(db), `round ${round}: one write\n${why}`).toBe(before + 1);
    // The file's own check of its pages (the server has no such statement).
    if (TEST_STORE === 'sqlite') expect(sql<{ integrity_check: string }>(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  }
}

let env: Env;
let ids: { an3: number; an2: number; qd90: number; qd60: number };

beforeAll(() => {
  env = setup();
  jobCoach(env);
  jobCoach(env, JC2, CF2);
  cremona(env, 'C1', 'BNCNNA90A41H501T');
  // JC-AN: an activity of 4 hours; 3 + 2 hours as drafts (INSERITA deliveries may exceed).
  const an3 = aggiungi(env, JC, { servizio: 'JC-AN', data: '2022-06-28', inizio: '09:00', fine: '12:00', oggi: '2022-06-27' });
  const an2 = aggiungi(env, JC, { servizio: 'JC-AN', data: '2022-06-29', inizio: '09:00', fine: '11:00', oggi: '2022-06-27' });
  // QD2 in fascia 3: 2 hours; 1:30 + 1:00 as drafts.
  const qd90 = aggiungi(env, 'C1', { servizio: 'QD2', data: '2022-03-08', inizio: '09:00', fine: '10:30', oggi: '2022-03-07' });
  const qd60 = aggiungi(env, 'C1', { servizio: 'QD2', data: '2022-03-09', inizio: '09:00', fine: '10:00', oggi: '2022-03-07' });
  ids = { an3, an2, qd90, qd60 };
});

afterAll(() => env?.cleanup());

const programmed = (db: string) => sql<{ n: number }>(db, "SELECT count(*) AS n FROM erogazione WHERE stato = 'PROGRAMMATA'")[0]!.n;

describe('two writers at the same moment', () => {
  it('overlapping deliveries of the same professional for two doti: one is added, never both', { timeout: 240_000 }, async () => {
    const add = (dote: string, inizio: string, fine: string) => [
      'erogazione', 'aggiungi', dote, '--servizio', 'JC-AL', '--data', '2022-07-05', '--inizio', inizio, '--fine', fine, '--professionista', 'P02', '--oggi', '2022-07-04',
    ];
    const deliveries = (db: string) => sql<{ n: number }>(db, "SELECT count(*) AS n FROM erogazione WHERE servizio = 'JC-AL'")[0]!.n;
    await race(env, 'overlap', add(JC, '10:00', '12:00'), add(JC2, '11:00', '13:00'), /timesheet\/overlap: P02 impegnato il 05\/07\/2022/, deliveries);
  });

  it('programming two deliveries that together exceed a Job Coach activity: one is programmed, never both', { timeout: 240_000 }, async () => {
    const programma = (id: number) => ['erogazione', 'programma', String(id), '--oggi', '2022-06-27'];
    await race(env, 'attivita', programma(ids.an3), programma(ids.an2), /hours\/service-cap: .*JC-AN/, programmed);
  });

  it('programming two Cremona deliveries beyond the fascia cap: one is programmed, never both', { timeout: 240_000 }, async () => {
    const programma = (id: number) => ['erogazione', 'programma', String(id), '--oggi', '2022-03-07'];
    await race(env, 'cremona', programma(ids.qd90), programma(ids.qd60), /hours\/service-cap: QD2: .*dote C1, oltre il massimale/, programmed);
  });
});
