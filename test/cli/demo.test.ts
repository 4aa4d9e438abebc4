/**
 * `npm run demo` (node dist/demo.js) end to end, into a temp DOTE_DEMO_DIR: it never waits for
 * input, exits 0, imports the clean files of fixtures/demo/importa/ (every row, no findings) and
 * shows the dote they went to with its delivered hours. What `verifica` finds in the planted files
 * is checked by the fixture test (test/rules/fixtures.test.ts, case "demo").
 */
import { describe, expect, it } from 'vitest';
import { allText, pdfPages } from '../documents/pdf-helpers.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runDemo, tempDir } from '../helpers.js';

/** The demo's output split into its commands: `$ dote …` line → what the command printed. */
function steps(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of stdout.split(/^\$ /m).slice(1)) {
    const nl = part.indexOf('\n');
    out.set(part.slice(0, nl), part.slice(nl + 1));
  }
  return out;
}

describe('npm run demo', () => {
  it('runs every step, imports the clean calendar and timesheet, shows the delivered hours, prints the documents', async () => {
    const t = tempDir('dote-demo-');
    try {
      const r = runDemo(t.dir);
      const out = r.out;
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(existsSync(path.join(out, 'demo.db'))).toBe(true);
      const s = steps(r.stdout);
      const commands = [...s.keys()].map((c) => c.split(' ').slice(1, 3).join(' '));
      // The planted files are checked before the clean ones are imported; the old steps stay.
      expect(commands.indexOf('verifica calendario-2022.csv')).toBeGreaterThan(commands.indexOf('init'));
      expect(commands.slice(commands.indexOf('verifica calendario-2022.csv') + 1)).toEqual([
        'importa importa/calendario-marzo-2022.csv',
        'mostra CR-2022-0001',
        'erogazione elenco',
        'storia CR-2022-0001',
        'elenco',
        'scadenze',
        'stampa pip',
        'stampa registro',
        'stampa timesheet',
        // Twice (the Map keeps the first place): before the conclusion, and after it with the contract.
        'liquidazione verifica',
        'concludi CR-2022-0001',
        'contratto aggiungi',
        'liquidazione prepara',
      ]);
      // The documents are in the output folder, named at the end, and read back as PDFs.
      for (const f of ['pip-cr-2022-0001.pdf', 'registro-cr-2022-0001.pdf', 'timesheet-p01-2022-03.pdf']) {
        expect(r.stdout).toContain(`  ${f}\n`);
        expect(readFileSync(path.join(out, f)).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
      }
      const registro = allText(await pdfPages(path.join(out, 'registro-cr-2022-0001.pdf')));
      expect(registro).toContain('Bianchi');
      expect(registro).toMatch(/Pagina 1 di \d/);
      // The claim is not ready while the dote is active (that exit 1 does not stop the demo); once
      // concluded, with the contract, nothing blocks it and the packet is prepared.
      expect(r.stdout).toMatch(/errore liquidazione\/incomplete: la dote CR-2022-0001 è ATTIVA/);
      expect(s.get('dote liquidazione verifica CR-2022-0001')).toMatch(/^Nulla blocca la richiesta/m);
      const pacchetto = path.join(out, 'liquidazione-cr-2022-0001');
      const sums = readFileSync(path.join(pacchetto, 'SHA256SUMS'), 'utf8');
      expect(sums).toMatch(/^[0-9a-f]{64}  01-domanda-liquidazione\.pdf$/m);
      expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: pacchetto }).status).toBe(0);
      expect(allText(await pdfPages(path.join(pacchetto, '01-domanda-liquidazione.pdf')))).toContain('3.596,00 €');

      // The priority category reads as one phrase (it was "(età 47 anni (oltre 45))").
      expect(s.get('dote nuova --tipo D1-INS --destinatario BNCLGU75B12D150X --fascia 3 --data 2022-03-01 --id CR-2022-0001')).toContain('linea a (età 47 anni, oltre i 45) per Bianchi Luigi');
      const importa = s.get('dote importa importa/calendario-marzo-2022.csv importa/timesheet-rossi-marzo-2022.csv')!;
      expect(importa).toMatch(/^2 file, 18 righe: 0 errori, 0 avvisi$/m);
      expect(importa).not.toMatch(/Regole non applicate/);
      expect(importa).toMatch(/^ {2}importa\/calendario-marzo-2022\.csv +9 erogazioni nuove, 0 già presenti$/m);
      expect(importa).toMatch(/^ {2}importa\/timesheet-rossi-marzo-2022\.csv +9 righe di timesheet nuove, 0 già presenti$/m);

      const mostra = s.get('dote mostra CR-2022-0001')!;
      expect(mostra).toMatch(/^QT8 +20 +0 +14 +6 /m);
      expect(mostra).toMatch(/^Totale ore: pianificate 31 ore, programmate 0 ore, erogate 25 ore, residue 6 ore;/m);
      expect(s.get('dote erogazione elenco CR-2022-0001')).toMatch(/^9 erogazioni: ore valide 25 ore, di cui erogate 25 ore\.$/m);
      expect(s.get('dote storia CR-2022-0001')).toMatch(/ demo {2}erogazione importa\/calendario-marzo-2022\.csv, importa\/timesheet-rossi-marzo-2022\.csv: importate 9 erogazioni \(EROGATA\) e 9 righe di timesheet$/m);

      const db = new Database(path.join(out, 'demo.db'), { readonly: true });
      try {
        expect(db.prepare("SELECT count(*) FROM erogazione WHERE stato = 'EROGATA'").pluck().get()).toBe(9);
        expect(db.prepare('SELECT count(*) FROM erogazione').pluck().get()).toBe(9);
        expect(db.prepare('SELECT count(*) FROM timesheet_riga').pluck().get()).toBe(9);
      } finally {
        db.close();
      }
    } finally {
      t.cleanup();
    }
  });
});
