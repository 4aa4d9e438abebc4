import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DOWNGRADE_TO_SCHEMA_2, SCHEMA_VERSION, TEST_STORE, dote, sql, tempDir, withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('dote init', () => {
  it('creates an owner-only database, idempotently', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const r1 = dote(['init'], { cwd: t.dir });
    expect(r1.status).toBe(0);
    expect(r1.stdout).toMatch(/Database creato/);
    const file = path.join(t.dir, 'dote.db');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // WAL, foreign keys (per connection, checked in the code), 16 KB pages for big imports.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    db.close();
    const r2 = dote(['init', '--json'], { cwd: t.dir });
    expect(r2.status).toBe(0);
    expect(r2.json()).toMatchObject({ created: false, migrated: 0, version: SCHEMA_VERSION });
  });

  it('honours DOTE_DB and --db placed after the command', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    expect(dote(['init'], { cwd: t.dir, env: { DOTE_DB: 'altro.db' } }).status).toBe(0);
    expect(existsSync(path.join(t.dir, 'altro.db'))).toBe(true);
    expect(dote(['init', '--db', 'terzo.db'], { cwd: t.dir }).status).toBe(0);
    expect(existsSync(path.join(t.dir, 'terzo.db'))).toBe(true);
  });

  it('with --json a failure is one JSON document on stdout too; the message stays on stderr', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    const refused = d.run(['mostra', 'CR-9999', '--json']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/dote sconosciuta/);
    expect(refused.json()).toEqual({ errore: { messaggio: expect.stringMatching(/dote sconosciuta/), uscita: 1, suggerimento: expect.any(String), regole: [] } });
    const usage = d.run(['mostra', '--json', '--nonesiste']);
    expect(usage.status).toBe(2);
    expect(usage.json().errore).toMatchObject({ messaggio: 'opzione sconosciuta: --nonesiste', uscita: 2 });
    // Without --json nothing goes to stdout.
    expect(d.run(['mostra', 'CR-9999']).stdout).toBe('');
  });

  it('a folder given as the database is a usage problem with a plain message', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    for (const args of [['init', '--db', t.dir], ['elenco', '--db', t.dir]]) {
      const r = dote(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/è una cartella, non un file di database/);
      expect(r.stderr).not.toMatch(/errore interno|EISDIR/);
    }
  });

  it('refuses a file that is not a dote database and leaves it untouched', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'note.db');
    writeFileSync(file, 'appunti importanti\n');
    const r = dote(['init', '--db', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/non è un database di dote/);
    expect(r.stderr).not.toMatch(/at .*\.js/);
    expect(readFileSync(file, 'utf8')).toBe('appunti importanti\n');
  });

  // The migration of a file of schema 1 (SQLite's schema, sqlite_master, pragma_table_info): the
  // server store starts at schema 7.
  it.skipIf(TEST_STORE === 'postgres')('brings a version-1 database up to date when opened, keeping its data', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    expect(d.run(['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona']).status).toBe(0);
    // Back to version 1 as an older dote left it: schema 1 had an index on erogazione(data), and
    // the file's path on every imported row (until schema 3).
    const db = new Database(d.db);
    db.exec(DOWNGRADE_TO_SCHEMA_2);
    db.exec("CREATE INDEX erogazione_data ON erogazione(data); UPDATE meta SET valore = '1' WHERE chiave = 'schema_version'");
    db.close();
    const r = d.run(['sede', 'elenco', '--json']);
    expect(r.status).toBe(0);
    expect(r.json().map((s: any) => s.nome)).toEqual(['Cremona']);
    const after = new Database(d.db, { readonly: true });
    try {
      expect(after.prepare("SELECT valore FROM meta WHERE chiave = 'schema_version'").pluck().get()).toBe(String(SCHEMA_VERSION));
      expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'erogazione_data'").pluck().get()).toBe(0);
      expect(after.prepare("SELECT count(*) FROM pragma_table_info('erogazione') WHERE name = 'file'").pluck().get()).toBe(0);
      expect(after.prepare("SELECT count(*) FROM pragma_table_info('erogazione') WHERE name = 'file_id'").pluck().get()).toBe(1);
      expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('contratto', 'output_servizio')").pluck().get()).toBe(2);
    } finally {
      after.close();
    }
  });

  it('says there is no database instead of creating one', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const r = dote(['elenco', '--db', path.join(t.dir, 'manca.db')]);
    expect(r.status).toBe(2);
    expect(existsSync(path.join(t.dir, 'manca.db'))).toBe(false);
  });
});

describe('usage errors', () => {
  it('unknown command and option: exit 2, Italian, no stack', () => {
    const r = dote(['pippo']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/comando sconosciuto: pippo/);
    const r2 = dote(['bandi', '--boh']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/opzione sconosciuta: --boh/);
  });

  it('rejects an impossible --oggi', () => {
    const r = dote(['bandi', '--oggi', '2022-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--oggi: data non valida/);
  });
});

describe('catalogues', () => {
  it('lists both shipped bandi', () => {
    const r = dote(['bandi', '--json']);
    expect(r.status).toBe(0);
    expect(r.json().map((b: { id: string }) => b.id)).toEqual(['cremona-2021', 'veneto-jc-2022']);
  });

  it('shows D1-INS fascia 3 caps and rates in cents and minutes', () => {
    const r = dote(['catalogo', 'cremona-2021', '--tipo', 'D1-INS', '--fascia', '3', '--json']);
    expect(r.status).toBe(0);
    const v = r.json();
    const qf0 = v.servizi.find((s: any) => s.codice === 'QF0');
    expect(qf0).toMatchObject({ tariffaIndividualeCent: 3200, tariffaCollettivaCent: 1334, massimali: { '3': { individualiMinuti: 2400, collettiviMinuti: 3600 } } });
    const qt9 = v.servizi.find((s: any) => s.codice === 'QT9');
    expect(qt9.tariffaIndividualeCent).toBe(6975);
    expect(v.servizi.map((s: any) => s.codice)).not.toContain('QT5');
    expect(v.tipi[0].risultatoCent).toEqual({ '3': 280000 });
    expect(v.fine).toBe('2022-06-30');
  });

  it('has the five Job Coach activities with their hours', () => {
    const v = dote(['catalogo', 'veneto-jc-2022', '--tipo', 'JC-RINF', '--json']).json();
    const hours = Object.fromEntries(v.servizi.map((s: any) => [s.codice, s.oreAttivita['JC-RINF']]));
    expect(hours).toEqual({ 'JC-AN': 240, 'JC-DE': 480, 'JC-PU': 240, 'JC-SU': 240, 'JC-AL-R': 3120 });
    expect(v.riferimentoNormativo).toMatch(/^Fondo Regionale per l'Occupazione delle persone con Disabilità\. Decreto Direttoriale di Veneto Lavoro n\. 18 del 30\/03\/2022/);
  });

  it('lists every rule of the catalogue with severity per bando', () => {
    const v = dote(['regole', '--json']).json();
    // The 33 rules drawn from the bandi plus field/value and import/conflict, added by the CSV issue,
    // and field/text (issue 12: control characters and lengths of CSV text cells).
    expect(v).toHaveLength(36);
    expect(v.map((r: any) => r.id)).toEqual(expect.arrayContaining(['field/value', 'field/text', 'import/conflict', 'liquidazione/result-180']));
    const win = v.find((r: any) => r.id === 'time/window');
    expect(win.bandi['cremona-2021'].severita).toBe('off');
    expect(win.bandi['veneto-jc-2022']).toMatchObject({ severita: 'error', parametri: { inizio: '07:30', fine: '23:00' } });
    const hol = v.find((r: any) => r.id === 'calendar/holiday');
    expect(hol.bandi['cremona-2021'].severita).toBe('warning');
  });

  it('loads another catalogue with --catalogo and refuses broken ones naming the field', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const base = JSON.parse(readFileSync(path.join(__dirname, '../../src/bandi/catalogues/cremona-2021.json'), 'utf8'));
    const next = { ...base, id: 'cremona-2023', fine: '30/06/2024' };
    const good = path.join(t.dir, 'cremona-2023.json');
    writeFileSync(good, JSON.stringify(next));
    const ok = dote(['bandi', '--json', '--catalogo', good]);
    expect(ok.status).toBe(0);
    expect(ok.json().map((b: any) => b.id)).toContain('cremona-2023');

    const cases: [string, (b: any) => void, RegExp][] = [
      ['data', (b) => (b.fine = '31/06/2022'), /fine: data inesistente o non valida: "31\/06\/2022"/],
      ['tariffa', (b) => (b.servizi[1].tariffa.individuale = -33), /servizi\[1\]\.tariffa\.individuale: importo negativo/],
      ['regola', (b) => (b.regole['time/lunch-break'] = { severita: 'error' }), /regole\.time\/lunch-break: regola sconosciuta/],
    ];
    for (const [name, mutate, re] of cases) {
      const b = structuredClone(next);
      mutate(b);
      const f = path.join(t.dir, `${name}.json`);
      writeFileSync(f, JSON.stringify(b));
      const r = dote(['bandi', '--catalogo', f]);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(re);
    }
  });
});

describe('withDb helper', () => {
  it('creates a database', () => {
    const w = withDb();
    cleanups.push(w.cleanup);
    if (TEST_STORE === 'sqlite') expect(statSync(w.db).size).toBeGreaterThan(0);
    // On either store: a dote database, at this program's schema.
    expect(sql(w.db, "SELECT valore FROM meta WHERE chiave = 'schema_version'")).toEqual([{ valore: String(SCHEMA_VERSION) }]);
  });
});
