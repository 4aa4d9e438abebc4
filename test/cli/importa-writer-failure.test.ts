/**
 * `dote importa` when its writer thread fails: at start-up, during a batch, at the commit; by an
 * exception its own handlers catch, or by dying outright (its heap exhausted: no JavaScript runs
 * after, so only its parent thread can tell). Each time the command ends promptly with an
 * internal error on one line (exit 2), the database is exactly as it was, and it is not left
 * locked: the same import then goes through. DOTE_TEST_WORKER_FAIL is the writer's test-only
 * switch (src/import/import-writer-worker.ts).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOTE, dumpDb, sql, withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const CAL =
  'id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;descrizione\n' +
  'CR-1;QD1;02/03/2022;09:00;10:00;Mario Rossi;Cremona;accoglienza\n' +
  'CR-1;QD2;03/03/2022;09:00;10:00;P01;Cremona;colloquio\n';
const TS = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\nCR-1;QD1;02/03/2022;09:00;10:00;P01\nCR-1;QD2;03/03/2022;09:00;10:00;P01\n';
const ENV = { DOTE_OGGI: '2022-03-10', DOTE_OPERATORE: 'test' };
/** A hang is what this guards against: far more than an import of four rows takes, far less than forever. */
const PROMPT_MS = 15_000;

function setup() {
  const d = withDb();
  cleanups.push(d.cleanup);
  const ok = (args: string[]) => {
    const r = d.run(args, ENV);
    if (r.status !== 0) throw new Error(`dote ${args.join(' ')}: ${r.stderr}`);
  };
  ok(['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--patrono', '13/11']);
  ok(['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi']);
  ok(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did']);
  ok(['nuova', '--tipo', 'D1-INS', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-1']);
  writeFileSync(path.join(d.dir, 'calendario.csv'), CAL);
  writeFileSync(path.join(d.dir, 'timesheet-rossi.csv'), TS);
  /** `dote importa` of both files, killed if it does not end within PROMPT_MS. */
  const importa = (fail?: string, extra: string[] = []) => {
    const started = Date.now();
    const r = spawnSync(process.execPath, [DOTE, 'importa', 'calendario.csv', 'timesheet-rossi.csv', '--db', d.db, ...extra], {
      cwd: d.dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', TZ: 'Europe/Rome', ...ENV, ...(fail ? { DOTE_TEST_WORKER_FAIL: fail } : {}) },
      encoding: 'utf8',
      timeout: PROMPT_MS,
    });
    return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
  };
  return { ...d, importa };
}

function count(file: string): { erogazioni: number; timesheet: number; storia: number } {
  const n = (t: string) => sql<{ n: number }>(file, `SELECT count(*) AS n FROM ${t}`)[0]!.n;
  return { erogazioni: n('erogazione'), timesheet: n('timesheet_riga'), storia: n('storia') };
}

describe('dote importa when the writer thread fails', () => {
  const cases: [string, string][] = [];
  for (const moment of ['start', 'batch', 'commit']) {
    cases.push([moment, `${moment}: an exception the writer catches`]);
    cases.push([`${moment}:oom`, `${moment}: the writer dies (heap exhausted)`]);
  }

  it.each(cases)('DOTE_TEST_WORKER_FAIL=%s (%s): prompt internal error, exit 2, nothing written', (fail) => {
    const d = setup();
    const before = dumpDb(d.db);
    const counts = count(d.db);
    expect(counts.erogazioni + counts.timesheet).toBe(0);

    const r = d.importa(fail);
    expect(r.signal, `killed after ${r.ms} ms: the main thread kept waiting`).toBeNull();
    expect(r.status, r.stderr).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^dote: errore interno: importazione non riuscita, nessuna riga importata: \S.*$/);
    expect(lines.slice(1)).toEqual(['suggerimento: riprova con DOTE_DEBUG=1 per i dettagli e segnala il problema']);
    expect(r.stdout).toBe('');
    expect(count(d.db)).toEqual(counts);
    expect(dumpDb(d.db)).toEqual(before);

    // Not left locked or half-written: the same import, with no failure, writes every row.
    const again = d.importa();
    expect(again.status, again.stderr).toBe(0);
    expect(count(d.db)).toMatchObject({ erogazioni: 2, timesheet: 2 });
  });

  it('with --json the failure is the one JSON document on stdout', () => {
    const d = setup();
    const before = dumpDb(d.db);
    const r = d.importa('batch:oom', ['--json']);
    expect(r.status, r.stderr).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.errore).toMatchObject({ uscita: 2, messaggio: expect.stringMatching(/^errore interno: importazione non riuscita, nessuna riga importata: /) });
    expect(dumpDb(d.db)).toEqual(before);
  });
});
