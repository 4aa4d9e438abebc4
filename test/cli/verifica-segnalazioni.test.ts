/**
 * How `dote verifica` and `dote importa` say their findings (issue 13 point 5, issue 12 points 5
 * and 8): a date error names its column and hints at the usual spreadsheet slips; a slip repeated
 * down a column reads as one problem in the text (`--tutte` lists every line, `--json` always
 * does); a file with a header and no rows is a warning; many findings come out sorted and complete.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dote, tempDir, withDb } from '../helpers.js';

const t = tempDir();
afterAll(t.cleanup);
const OGGI = { DOTE_OGGI: '2022-07-15' };

function file(name: string, content: string): string {
  writeFileSync(path.join(t.dir, name), content);
  return name;
}
const run = (args: string[]) => dote(args, { cwd: t.dir, env: OGGI });
const H = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;registrata_il\n';
const row = (data: string, reg = '04/03/2022') => `CR-1;QD1;${data};09:00;10:00;Mario Rossi;${reg}\n`;

describe('field/date messages', () => {
  it('name the column, so two bad dates on a row do not read the same', () => {
    const f = file('due-date.csv', H + row('31/02/2022', '31/02/2022'));
    const r = run(['verifica', f]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'due-date.csv:2: errore field/date: data inesistente nella colonna data: "31/02/2022"',
      'due-date.csv:2: errore field/date: data inesistente nella colonna registrata_il: "31/02/2022"',
    ]);
    const doc = run(['verifica', f, '--json']).json();
    expect(doc.diagnostics.map((d: { column: string }) => d.column)).toEqual(['data', 'registrata_il']);
  });

  it.each([
    ['a serial number (a date cell in General format), with the date it stands for', '44622', 'data "44622" nella colonna data scritta come numero (una cella di data in formato Generale del foglio di calcolo): è il 02/03/2022, formatta la colonna come data'],
    ['the first day of a leap year by serial', '43831', 'data "43831" nella colonna data scritta come numero (una cella di data in formato Generale del foglio di calcolo): è il 01/01/2020, formatta la colonna come data'],
    ['a two-digit year', '02/03/22', 'data "02/03/22" nella colonna data con l\'anno di due cifre: scrivi 02/03/2022'],
    ['a weekday before the date', 'mer 02/03/2022', 'data "mer 02/03/2022" nella colonna data con il giorno della settimana davanti: scrivi solo 02/03/2022'],
    ['a weekday written out, with a comma', 'Mercoledì, 2/3/2022', 'data "Mercoledì, 2/3/2022" nella colonna data con il giorno della settimana davanti: scrivi solo 02/03/2022'],
    ['anything else: the formats', '2 marzo', 'data "2 marzo" nella colonna data non nel formato gg/mm/aaaa o aaaa-mm-gg'],
  ])('%s', (_what, data, message) => {
    const f = file('slip.csv', H + row(data));
    const r = run(['verifica', f]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`slip.csv:2: errore field/date: ${message}`);
  });
});

describe('a slip repeated down a column', () => {
  const rows = Array.from({ length: 41 }, (_, i) => row(String(44622 + (i % 3)))).join('');
  const f = file('seriali.csv', H + rows + row('31/02/2022', '4 marzo'));

  it('shows the first 3 per rule and column, then counts the rest; the summary and status stay', () => {
    const r = run(['verifica', f]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'seriali.csv:2: errore field/date: data "44622" nella colonna data scritta come numero (una cella di data in formato Generale del foglio di calcolo): è il 02/03/2022, formatta la colonna come data',
      'seriali.csv:3: errore field/date: data "44623" nella colonna data scritta come numero (una cella di data in formato Generale del foglio di calcolo): è il 03/03/2022, formatta la colonna come data',
      'seriali.csv:4: errore field/date: data "44624" nella colonna data scritta come numero (una cella di data in formato Generale del foglio di calcolo): è il 04/03/2022, formatta la colonna come data',
      // Another column is another problem: shown.
      'seriali.csv:43: errore field/date: data "4 marzo" nella colonna registrata_il non nel formato gg/mm/aaaa o aaaa-mm-gg',
      'seriali.csv: errore field/date: altre 39 righe, colonna data (--tutte per elencarle)',
      '1 file, 42 righe: 43 errori, 0 avvisi',
    ]);
  });

  it('--tutte prints every line, --json always has every finding', () => {
    const all = run(['verifica', f, '--tutte']);
    expect(all.status).toBe(1);
    const findings = all.stdout.split('\n').filter((l) => /^seriali\.csv:\d+: /.test(l));
    expect(findings).toHaveLength(43);
    expect(all.stdout).not.toMatch(/altre \d+ righe/);
    const doc = run(['verifica', f, '--json']).json();
    expect(doc.diagnostics).toHaveLength(43);
    expect(doc.diagnostics.map((d: { file: string; line: number; message: string; severity: string; rule: string }) => `${d.file}:${d.line}: ${d.severity === 'error' ? 'errore' : 'avviso'} ${d.rule}: ${d.message}`)).toEqual(findings);
  });

  it('one more than the first 3 is shown rather than counted', () => {
    const g = file('quattro.csv', H + Array.from({ length: 4 }, () => row('44622')).join(''));
    const lines = run(['verifica', g]).stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('quattro.csv:'))).toHaveLength(4);
    expect(lines.join('\n')).not.toMatch(/altre/);
  });

  it('importa counts them the same way, and --tutte lists them', () => {
    const db = withDb();
    try {
      const r = dote(['importa', path.join(t.dir, f), '--db', db.db], { env: OGGI });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`${path.join(t.dir, f)}: errore field/date: altre 39 righe, colonna data (--tutte per elencarle)`);
      expect(r.stdout).toContain('Nessuna riga importata');
      const all = dote(['importa', path.join(t.dir, f), '--db', db.db, '--tutte'], { env: OGGI });
      expect(all.stdout.split('\n').filter((l) => l.includes(': errore field/date: data "4462'))).toHaveLength(41);
    } finally {
      db.cleanup();
    }
  });
});

describe('many findings', () => {
  it('come out complete and sorted by file then line, in the text as in --json, past what is kept in memory', () => {
    // 25.000 rows, each with a bad date (a fifth with a bad registrata_il too), then another file.
    const n = 25_000;
    const rows = Array.from({ length: n }, (_, i) => `CR-${i % 7};QD1;${i % 2 ? '2022-13-01' : '44622'};09:00;10:00;Mario Rossi;${i % 5 ? '04/03/2022' : 'ieri'}\n`).join('');
    const f = file('molte.csv', H + rows);
    const g = file('poche.csv', H + row('31/02/2022'));
    const doc = run(['verifica', f, g, '--json']).json();
    const lines = doc.diagnostics.map((d: { file: string; line: number }) => [d.file, d.line]);
    expect(doc.diagnostics).toHaveLength(n + n / 5 + 1);
    const order = (a: [string, number], b: [string, number]) => (a[0] === b[0] ? a[1] - b[1] : a[0] === f ? -1 : 1);
    expect(lines).toEqual([...lines].sort(order));
    expect(doc.summary).toMatchObject({ rows: n + 1, errors: n + n / 5 + 1 });
    const text = run(['verifica', f, g, '--tutte']).stdout.split('\n').filter((l) => /^\S+\.csv:\d+: /.test(l));
    expect(text).toEqual(doc.diagnostics.map((d: { file: string; line: number; rule: string; message: string }) => `${d.file}:${d.line}: errore ${d.rule}: ${d.message}`));
  }, 60_000);
});

describe('csv/header', () => {
  it('a header with no rows is a warning, exit 0 (1 with --strict)', () => {
    const f = file('solo-intestazione.csv', H);
    const r = run(['verifica', f]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe("solo-intestazione.csv:1: avviso csv/header: il file ha l'intestazione ma nessuna riga di dati");
    expect(run(['verifica', f, '--strict']).status).toBe(1);
    const blank = file('solo-intestazione-e-vuote.csv', `${H};;;;;;\n\n`);
    expect(run(['verifica', blank, '--json']).json().diagnostics).toEqual([
      { file: blank, line: 1, rule: 'csv/header', severity: 'warning', message: "il file ha l'intestazione ma nessuna riga di dati", column: null },
    ]);
  });
});
