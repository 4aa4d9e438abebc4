/**
 * `dote importa` killed with SIGKILL (a power cut, the OOM killer, a `kill -9`) at moments spread
 * over a large import: the database is as it was before (integrity_check ok, not a row added,
 * every table equal), and the same import afterwards completes. The import is one transaction
 * (src/import/import-writer-worker.ts): SQLite's write-ahead log throws away an uncommitted one
 * when the file is next opened.
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOTE, dumpDb, sql, tempDir } from '../helpers.js';
import { setupDatabase } from '../bench/doti.mjs';
import { dayNumber, isoFromDay, weekday } from '../../src/domain/dates.js';
import { holidayName } from '../../src/domain/holidays.js';

const GROUP = 10; // doti in each group session
const SESSIONS = 5_000; // 50.000 calendar rows
const SESSIONS_PER_COHORT = 50; // a cohort of 10 doti: 50 one-hour QF0 sessions, within fascia 4
const SLOTS = [540, 600, 660, 720, 840, 900, 960, 1020];
const KILLS = 10;
const OGGI = '2045-12-31';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const itDate = (day: number) => isoFromDay(day).split('-').reverse().join('/');

/** The calendar: group sessions of 10 doti on working days (not on the Cremona patron day); returns the number of doti. */
function writeCalendar(file: string): number {
  const fd = openSync(file, 'w');
  const out: string[] = ['id_dote;servizio;data;ora_inizio;ora_fine;professionista;gruppo;sede;descrizione'];
  let day = dayNumber('2000-01-03');
  let slot = 0;
  for (let s = 0; s < SESSIONS; s++) {
    while (weekday(day) === 6 || holidayName(day, '11-13') !== null) day++;
    const cohort = Math.floor(s / SESSIONS_PER_COHORT);
    const start = SLOTS[slot]!;
    for (let k = 0; k < GROUP; k++) {
      out.push(`CR-${cohort * GROUP + k + 1};QF0;${itDate(day)};${hhmm(start)};${hhmm(start + 60)};P01;collettiva;Cremona;formazione in aula`);
    }
    if (out.length > 10_000) writeSync(fd, out.splice(0).join('\n') + '\n');
    if (++slot === SLOTS.length) {
      slot = 0;
      day++;
    }
  }
  writeSync(fd, out.join('\n') + '\n');
  closeSync(fd);
  return Math.ceil(SESSIONS / SESSIONS_PER_COHORT) * GROUP;
}

/** The doti the calendar names, written straight into a new database (thousands of `dote nuova` would take minutes). */
function prepareDb(file: string, doti: number): void {
  setupDatabase(file, doti, 'CRASH');
}

/** `dote importa` started, killed with SIGKILL after `ms` (if still running); resolves with how it ended. */
function importaKilledAfter(db: string, file: string, ms: number): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DOTE, 'importa', file, '--db', db, '--oggi', OGGI], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', USER: 'test', NO_COLOR: '1', TZ: 'Europe/Rome' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stderr });
    });
  });
}

const counts = (db: string) => sql<{ e: number; f: number; s: number }>(db, 'SELECT (SELECT count(*) FROM erogazione) AS e, (SELECT count(*) FROM file_importato) AS f, (SELECT count(*) FROM storia) AS s')[0]!;

/** The database at `db` back to the prepared state: the file, and no log of a killed run (it would be replayed onto the copy). */
function restore(db: string): void {
  for (const f of [`${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  copyFileSync(base, db);
}

let t: ReturnType<typeof tempDir>;
let calendar: string;
let base: string;

beforeAll(() => {
  t = tempDir('dote-crash-');
  calendar = path.join(t.dir, 'calendario.csv');
  base = path.join(t.dir, 'base.db');
  prepareDb(base, writeCalendar(calendar));
});
afterAll(() => t?.cleanup());

describe('dote importa killed with SIGKILL', () => {
  it(`at ${KILLS} moments of a large import leaves the database as it was; the same import then completes`, { timeout: 300_000 }, async () => {
    // How long the whole import takes here, on a copy: the kills are spread over that time.
    const probe = path.join(t.dir, 'probe.db');
    prepareDb(probe, Math.ceil(SESSIONS / SESSIONS_PER_COHORT) * GROUP);
    const started = Date.now();
    const full = await importaKilledAfter(probe, calendar, 600_000);
    const duration = Date.now() - started;
    expect(full.status, full.stderr).toBe(0);
    expect(counts(probe).e).toBe(SESSIONS * GROUP);

    const before = dumpDb(base);
    const db = path.join(t.dir, 'dote.db');
    restore(db);
    const complete = counts(probe);
    for (let i = 0; i < KILLS; i++) {
      // From just after start-up to near the end (the commit).
      let ms = Math.round(duration * (0.03 + (0.87 * i) / (KILLS - 1)));
      for (let attempt = 0; ; attempt++) {
        const r = await importaKilledAfter(db, calendar, ms);
        const at = `kill ${i} at ${ms} ms`;
        expect(r.stderr, at).not.toMatch(/\n\s+at |errore interno/);
        // Not killed: it ended first, and then it ended well.
        if (r.signal !== 'SIGKILL') expect(r.status, `${at}: ${r.stderr}`).toBe(0);
        expect(sql(db, 'PRAGMA integrity_check'), at).toEqual([{ integrity_check: 'ok' }]);
        const now = counts(db);
        if (now.e === 0) {
          expect(dumpDb(db), `${at}: the database changed`).toEqual(before);
          break;
        }
        // The machine was faster than the probe: the kill came after the commit (or the import ended first), and the import is
        // all there (never a part of it). Again from the state before, a little earlier.
        expect(now, `${at}: a part of the import`).toEqual(complete);
        expect(attempt, `${at}: always after the commit`).toBeLessThan(5);
        restore(db);
        ms = Math.round(ms * 0.8);
      }
    }

    const after = await importaKilledAfter(db, calendar, 600_000);
    expect(after.status, after.stderr).toBe(0);
    expect(sql(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(counts(db)).toEqual(counts(probe));
  });
});
