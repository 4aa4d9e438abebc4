/**
 * `dote verifica` as a user runs it: exit status 0/1/2, the text and JSON formats of docs/comandi.md,
 * --strict, file kinds and order, a broken file among good ones, the database as context.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dote, FIXTURES, TEST_STORE, tempDir, withDb } from '../helpers.js';

const t = tempDir();
afterAll(t.cleanup);
const OGGI = { DOTE_OGGI: '2022-07-15' };

function file(name: string, content: string | Buffer): string {
  writeFileSync(path.join(t.dir, name), content);
  return name;
}
const run = (args: string[], env: Record<string, string> = {}) => dote(args, { cwd: t.dir, env: { ...OGGI, ...env } });

const H = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\n';
const GOOD = file('buono.csv', `${H}CR-1;QD1;21/03/2022;09:00;10:00;Mario Rossi\nCR-1;QD2;22/03/2022;09:00;10:00;Mario Rossi\n`);
const BAD = file('cattivo.csv', `${H}CR-1;QD1;31/02/2022;09:00;10:00;Mario Rossi\nCR-1;QD2;22/03/2022;10:00;09:00;Mario Rossi\n`);
const WARN = file('avviso.csv', `${H}CR-1;QD1;20/03/2022;09:00;10:00;Mario Rossi\n`); // a Sunday: a warning in Cremona

describe('dote verifica', () => {
  it('exit 0 and the docs/comandi.md JSON shape for a clean file', () => {
    const r = run(['verifica', GOOD, '--json']);
    expect(r.status).toBe(0);
    const doc = r.json();
    expect(Object.keys(doc).sort()).toEqual(['diagnostics', 'files', 'skipped', 'summary']);
    expect(doc.files).toEqual([{ file: GOOD, kind: 'calendario', rows: 2, errors: 0, warnings: 0, encoding: 'utf-8', delimiter: ';' }]);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.summary).toEqual({ files: 1, rows: 2, errors: 0, warnings: 0 });
    for (const s of doc.skipped) expect(Object.keys(s).sort()).toEqual(['reason', 'rule']);
    expect(doc.skipped.map((s: { rule: string }) => s.rule)).toContain('calendar/outside-dote');
  });

  it('exit 1 with every finding, file:line: severity rule: message, and the summary line', () => {
    const r = run(['verifica', BAD, GOOD]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('cattivo.csv:2: errore field/date: data inesistente nella colonna data: "31/02/2022"');
    expect(lines[1]).toBe("cattivo.csv:3: errore time/order: fine alle 09:00, non successiva all'inizio alle 10:00");
    expect(lines[2]).toBe('2 file, 4 righe: 2 errori, 0 avvisi');
    expect(r.stdout).toMatch(/Regole non applicate:\n(?: {2}\S+ +.+\n)* {2}calendar\/outside-dote +date della dote sconosciute: nessun database\n/);
    const doc = run(['verifica', BAD, GOOD, '--json']).json();
    expect(doc.diagnostics[1]).toEqual({
      file: 'cattivo.csv',
      line: 3,
      rule: 'time/order',
      severity: 'error',
      message: "fine alle 09:00, non successiva all'inizio alle 10:00",
      column: 'ora_fine',
    });
    expect(doc.files.map((f: { file: string; errors: number }) => [f.file, f.errors])).toEqual([
      ['cattivo.csv', 2],
      ['buono.csv', 0],
    ]);
  });

  it('warnings: exit 0, or 1 under --strict; Italian thousands and singulars', () => {
    expect(run(['verifica', WARN]).status).toBe(0);
    expect(run(['verifica', WARN]).stdout).toMatch(/^avviso\.csv:2: avviso calendar\/holiday: .*\n1 file, 1 riga: 0 errori, 1 avviso$/m);
    expect(run(['verifica', WARN, '--strict']).status).toBe(1);
    const rows = Array.from({ length: 1204 }, (_, i) => `CR-${i};QD1;21/03/2022;09:00;10:00;Professionista ${i}\n`).join('');
    const big = file('grande.csv', H + rows);
    expect(run(['verifica', big]).stdout).toMatch(/^1 file, 1\.204 righe: 0 errori, 0 avvisi$/m);
  });

  it('a file that cannot be opened is exit 2 with one line; a broken one is a finding', () => {
    const missing = run(['verifica', GOOD, 'manca.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toEqual(['dote: manca.csv: impossibile aprire il file (file inesistente)']);
    const bin = file('binario.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    const empty = file('vuoto.csv', '');
    const r = run(['verifica', bin, empty, BAD, '--json']);
    expect(r.status).toBe(1);
    const got = r.json().diagnostics.map((d: { file: string; line: number; rule: string }) => `${d.file}:${d.line} ${d.rule}`);
    expect(got).toEqual(['binario.csv:1 csv/encoding', 'vuoto.csv:1 csv/header', 'cattivo.csv:2 field/date', 'cattivo.csv:3 time/order']);
    expect(run(['verifica', t.dir]).status).toBe(2);
  });

  it('kind by option or by name, files in the order given', () => {
    const ts = file('ore.csv', `${H}CR-1;QD2;22/03/2022;09:00;10:00;Mario Rossi\nCR-1;QD1;21/03/2022;09:00;10:00;Mario Rossi\n`);
    const r = run(['verifica', '--timesheet', ts, GOOD, '--json']);
    const doc = r.json();
    expect(doc.files.map((f: { file: string; kind: string }) => [f.file, f.kind])).toEqual([
      ['ore.csv', 'timesheet'],
      ['buono.csv', 'calendario'],
    ]);
    // As a timesheet its rows must be in order; and it reconciles with the calendar given with it.
    expect(doc.diagnostics.map((d: { line: number; rule: string }) => `${d.line} ${d.rule}`)).toEqual(['3 timesheet/order']);
    const named = file('Foglio-Ore-Rossi.csv', `${H}CR-1;QD1;21/03/2022;09:00;10:00;Mario Rossi\n`);
    expect(run(['verifica', named, '--json']).json().files[0].kind).toBe('timesheet');
    expect(run(['verifica', '--calendario', named, '--json']).json().files[0].kind).toBe('calendario');
  });

  it('--bando applies one bando to every row; an unknown bando is a usage error', () => {
    const r = run(['verifica', GOOD, '--bando', 'veneto-jc-2022', '--json']).json();
    expect(r.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['service/not-in-dote', 'service/not-in-dote']);
    expect(run(['verifica', GOOD, '--bando', 'lombardia-2030']).status).toBe(2);
  });

  it('colour only on request when not a terminal', () => {
    expect(run(['verifica', BAD]).stdout).not.toMatch(/\x1b\[/);
    expect(run(['verifica', BAD], { FORCE_COLOR: '1' }).stdout).toMatch(/\x1b\[/);
    expect(run(['verifica', BAD, '--json'], { FORCE_COLOR: '1' }).stdout).not.toMatch(/\x1b\[/);
  });

  // The file ./dote.db found in the working folder without --db: a server's database is never found so.
  it.skipIf(TEST_STORE === 'postgres')('uses ./dote.db when present, and --db when given (which must exist)', () => {
    const d = withDb();
    try {
      d.run(['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi']);
      writeFileSync(path.join(d.dir, 'c.csv'), `${H}CR-1;QD1;21/03/2022;09:00;10:00;Mario Rossi\n`);
      // withDb's database is dote.db in its folder: found without --db.
      const r = dote(['verifica', 'c.csv', '--json'], { cwd: d.dir, env: OGGI }).json();
      expect(r.diagnostics.map((x: { rule: string; message: string }) => `${x.rule} ${x.message}`)).toEqual(['field/value dote CR-1 sconosciuta nel database']);
      expect(r.skipped.map((s: { rule: string }) => s.rule)).not.toContain('field/value');
      expect(run(['verifica', GOOD, '--db', 'non-esiste.db']).status).toBe(2);
    } finally {
      d.cleanup();
    }
  });

  it('calendar/late-entry is listed as skipped for a calendar without registrata_il, never because of timesheets', () => {
    const HR = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;registrata_il\n';
    const cal = file('cal-registrata.csv', `${HR}CR-1;QD1;21/03/2022;09:00;10:00;Mario Rossi;21/03/2022\n`);
    const ts = file('timesheet-rossi-registrata.csv', `${H}CR-1;QD1;21/03/2022;09:00;10:00;Mario Rossi\n`);
    const late = (args: string[]) => {
      const text = run(['verifica', ...args]);
      const json = run(['verifica', ...args, '--json']).json();
      return { text: text.stdout, skipped: json.skipped.filter((s: { rule: string }) => s.rule === 'calendar/late-entry') };
    };
    const withColumn = late([cal, ts]);
    expect(withColumn.skipped).toEqual([]);
    expect(withColumn.text).not.toMatch(/calendar\/late-entry/);
    const without = late([GOOD, ts]);
    expect(without.skipped).toEqual([{ rule: 'calendar/late-entry', reason: 'data di registrazione sconosciuta: colonna registrata_il assente o vuota' }]);
    expect(without.text).toMatch(/^ {2}calendar\/late-entry +data di registrazione sconosciuta: colonna registrata_il assente o vuota$/m);
  });

  it('names an Excel or Calc workbook, by its content, with what to do; the other files are still checked', () => {
    for (const name of ['calendario.xlsx', 'calendario.ods', 'calendario.xls']) copyFileSync(path.join(FIXTURES, 'workbooks', name), path.join(t.dir, name));
    copyFileSync(path.join(FIXTURES, 'workbooks', 'calendario.xlsx'), path.join(t.dir, 'rinominato.csv'));
    const r = run(['verifica', 'calendario.xlsx', 'calendario.ods', 'calendario.xls', 'rinominato.csv', GOOD]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const excel = 'cartella di lavoro di Excel (.xlsx), non un file CSV: aprila e salvala come CSV UTF-8 (File › Salva con nome)';
    expect(r.stdout).toContain(`calendario.xlsx:1: errore csv/encoding: ${excel}\n`);
    expect(r.stdout).toContain(`rinominato.csv:1: errore csv/encoding: ${excel}\n`);
    expect(r.stdout).toContain('calendario.ods:1: errore csv/encoding: foglio di calcolo di LibreOffice Calc (.ods), non un file CSV: aprilo e salvalo come Testo CSV (File › Salva con nome)\n');
    expect(r.stdout).toContain('calendario.xls:1: errore csv/encoding: cartella di lavoro di Excel 97-2003 (.xls), non un file CSV: aprila e salvala come CSV UTF-8 (File › Salva con nome)\n');
    expect(r.stdout).not.toMatch(/byte nullo/);
    expect(r.stdout).toMatch(/^5 file, 2 righe: 4 errori, 0 avvisi$/m);
  });

  it('has its examples in its help, under Esempi:', () => {
    const r = dote(['verifica', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Esempi:\n {2}dote verifica calendario-marzo.csv .*\n {2}dote verifica --calendario /);
  });
});
