/**
 * Exit in one place (main.ts): situations that used to escape as an uncaught exception or as an
 * "errore interno" with a plain Error now end with their one-line Italian message and the status
 * of docs/comandi.md, never a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DOTE, DOWNGRADE_TO_SCHEMA_2, ROOT, TEST_STORE, dumpDb, tempDir, withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', USER: 'test', NO_COLOR: '1', TZ: 'Europe/Rome' };
const STACK = /\n\s+at .*:\d+/;

describe('stdout that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full'))('a full disk: one line on stderr, exit 2, no uncaught exception', () => {
    for (const args of [['regole'], ['regole', '--json']]) {
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [DOTE, ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toMatch(/^dote: impossibile scrivere l'output \(ENOSPC[^\n]*\)\n$/);
        expect(r.stderr).not.toMatch(STACK);
      } finally {
        closeSync(full);
      }
    }
  });

  // A guard, not a fix: the listener that reports other write errors keeps this one silent.
  it('a reader that stops early (dote … | head) is no error: exit 0, nothing on stderr', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    // Thousands of findings, every one in --json: far more output than a pipe holds.
    const rows = Array.from({ length: 5000 }, (_, i) => `CR-1;QD1;02/03/2022;06:${String(i % 60).padStart(2, '0')};07:00;P01`);
    writeFileSync(path.join(t.dir, 'calendario.csv'), ['id_dote;servizio;data;ora_inizio;ora_fine;professionista', ...rows].join('\n') + '\n');
    const child = spawn(process.execPath, [DOTE, 'verifica', 'calendario.csv', '--json'], { cwd: t.dir, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe('a database changed by something else than dote', () => {
  // The update of a file of schema 2 with SQLite's foreign keys turned off by hand: the server store
  // starts at schema 7 and its foreign keys cannot be turned off.
  it.skipIf(TEST_STORE === 'postgres')('rows that point at nothing stop the schema update: exit 2, one message, the file as it was', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    const db = new Database(d.db);
    db.exec(DOWNGRADE_TO_SCHEMA_2);
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO misura_esterna (destinatario_id, tipo, dal) VALUES (999, 'DUL', '2021-01-15')").run();
    db.close();
    const before = dumpDb(d.db);
    const r = d.run(['sede', 'elenco']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^dote: .*dote\.db: aggiornamento del database annullato, 1 riga rimanda a dati inesistenti \(violazioni di chiavi esterne\)\nsuggerimento: .*foreign_key_check/);
    expect(r.stderr).not.toMatch(/errore interno/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2); // the message and its hint
    expect(dumpDb(d.db)).toEqual(before); // still schema 2, the row still there
  });
});

describe('a catalogue loaded from a file', () => {
  it('a bando with no working days cannot count its deadlines: exit 2, one line, no internal error', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    const base = JSON.parse(readFileSync(path.join(ROOT, 'src/bandi/catalogues/cremona-2021.json'), 'utf8'));
    const cat = path.join(d.dir, 'cr23.json');
    writeFileSync(cat, JSON.stringify({ ...base, id: 'cremona-2023', inizio: '01/01/2023', fine: '30/06/2024', giorniLavorativi: [] }));
    const env = { DOTE_OGGI: '2023-03-01', DOTE_OPERATORE: 'test' };
    expect(d.run(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'], env).status).toBe(0);
    const r = d.run(['nuova', '--bando', 'cremona-2023', '--tipo', 'D1-INS', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '1', '--data', '2023-03-01', '--catalogo', cat], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('dote: il bando cremona-2023 non ha giorni lavorativi ("giorniLavorativi" è vuoto nel suo catalogo): le sue scadenze in giorni lavorativi non si possono calcolare\n');
  });

  it('a PIP takes the bando\'s severity: a rule set to warning records the plan and says so, one turned off says nothing', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    const base = JSON.parse(readFileSync(path.join(ROOT, 'src/bandi/catalogues/cremona-2021.json'), 'utf8'));
    const env = { DOTE_OGGI: '2021-04-09', DOTE_OPERATORE: 'test' };
    expect(d.run(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'], env).status).toBe(0);
    const cases: [string, string | null][] = [['warning', 'avviso hours/service-cap: QD2 individuali: 2 ore, oltre il massimo di 1 ora per la fascia 1'], ['off', null]];
    cases.forEach(([severita, avviso], i) => {
      const id = `cremona-2021-${severita}`;
      const cat = path.join(d.dir, `${id}.json`);
      const regole = { ...base.regole, 'hours/service-cap': severita === 'off' ? 'off' : { severita, parametri: {} } };
      writeFileSync(cat, JSON.stringify({ ...base, id, regole }));
      const nuova = d.run(['nuova', '--bando', id, '--tipo', 'D1-INS', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '1', '--data', '2021-04-0' + (i + 1), '--catalogo', cat, '--json'], env);
      expect(nuova.status, nuova.stderr).toBe(0);
      const doteId = JSON.parse(nuova.stdout).dote.id as string;
      const r = d.run(['pip', 'imposta', doteId, '--servizio', 'QD2=2', '--catalogo', cat], env);
      expect(r.status, r.stderr).toBe(0);
      if (avviso) expect(r.stderr).toContain(avviso);
      else expect(r.stderr).not.toMatch(/hours\/service-cap/);
      // The plan is recorded either way; a second dote for the same person would be dote/one-active's: end this one.
      expect(d.run(['mostra', doteId, '--catalogo', cat], env).stdout).toMatch(/QD2/);
      d.run(['concludi', doteId, '--data', '2021-04-0' + (i + 1), '--catalogo', cat], env);
    });
  });
});
