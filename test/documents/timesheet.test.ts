/**
 * `dote stampa timesheet`: a professional's month (Cremona, allegato 011) from the imported
 * timesheet rows, with the reconciliation against the calendar; and, for a professional with no
 * imported rows, from their EROGATA deliveries, saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allText, pdfPages, preflight, PREFLIGHT_MISSING } from './pdf-helpers.js';
import { base, cremona, CR, type Env } from './setup.js';

let env: Env;
beforeAll(() => {
  env = base();
  cremona(env);
  writeFileSync(
    path.join(env.dir, 'timesheet-rossi.csv'),
    'id_dote,servizio,data,ora_inizio,ora_fine,ore,professionista,descrizione\n' +
      `${CR},QD1,2022-03-02,09:00,10:00,1,P01,Accoglienza\n` +
      `${CR},QD2,2022-03-03,09:00,11:00,2,P01,Colloquio specialistico\n` +
      `${CR},QD3,2022-03-07,14:00,17:00,3,P01,"Definizione del percorso, PIP"\n` +
      `${CR},Q0C,2022-03-09,09:00,11:30,2.5,P01,Bilancio di competenze\n`,
  );
  env.ok(['importa', '--timesheet', 'timesheet-rossi.csv', '--oggi', '2022-04-10']);
  // A delivery recorded after the timesheet was imported: the calendar now has 2 hours more.
  const e = String(env.ok(['erogazione', 'aggiungi', CR, '--servizio', 'Q0C', '--data', '2022-03-30', '--inizio', '09:00', '--fine', '11:00', '--professionista', 'P01', '--sede', 'Cremona', '--oggi', '2022-03-30', '--json']).json().id);
  for (const a of ['programma', 'avvia', 'concludi']) env.ok(['erogazione', a, e, '--oggi', '2022-03-30']);
});
afterAll(() => env.cleanup());

describe('dote stampa timesheet', () => {
  it('from the imported rows: every row in order, daily and monthly totals, the reconciliation and its difference', async () => {
    const r = env.run(['stampa', 'timesheet', '--professionista', 'Mario Rossi', '--mese', '03/2022', '-o', 'ts.pdf', '--oggi', '2022-04-10', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const pages = await pdfPages(path.join(env.dir, 'ts.pdf'));
    const text = allText(pages);
    expect(text).toContain('Professionista Mario Rossi (P01)');
    expect(text).toContain('Mese marzo 2022');
    expect(text).toContain('Fonte: le righe di timesheet importate per il mese');
    expect(text).toContain(`02/03/2022 09:00-10:00 1 ora ${CR} QD1 Accoglienza e accesso ai servizi Accoglienza 1 ora`);
    expect(text).toContain(`07/03/2022 14:00-17:00 3 ore ${CR} QD3 Definizione del percorso Definizione del percorso, PIP 3 ore`);
    expect(text).toContain(`09/03/2022 09:00-11:30 2 ore e 30 minuti ${CR} Q0C Bilancio di competenze Bilancio di competenze 2 ore e 30 minuti`);
    expect(text).toContain('Totale del mese 8 ore e 30 minuti 8 ore e 30 minuti');
    expect(text).not.toContain('30/03/2022 09:00-11:00');
    expect(text).toContain(`${CR} Q0C 2 ore e 30 minuti 4 ore e 30 minuti -2 ore`);
    expect(text).toContain(`${CR} QD1 1 ora 1 ora —`);
    expect(text).toContain('Totale 8 ore e 30 minuti 10 ore e 30 minuti -2 ore');
    expect(text).toContain('non coincidono per 1 combinazioni di dote e servizio');
    pages.forEach((p, i) => expect(p).toContain(`Pagina ${i + 1} di ${pages.length}`));
    expect(pages.at(-1)).toContain(`Numero di pagine: ${pages.length}.`);
    if (!PREFLIGHT_MISSING) {
      const v = preflight(path.join(env.dir, 'ts.pdf'));
      expect(v.valid, v.report).toBe(true);
    }
  });

  it('with no imported rows: from the EROGATA deliveries across doti, and it says so', async () => {
    const r = env.run(['stampa', 'timesheet', '--professionista', 'P02', '--mese', '2022-03', '-o', 'ts2.pdf', '--oggi', '2022-04-10']);
    expect(r.status, r.stderr).toBe(0);
    const text = allText(await pdfPages(path.join(env.dir, 'ts2.pdf')));
    expect(text).toContain('nessuna riga di timesheet è stata importata per il mese; il timesheet è ricostruito dalle erogazioni avvenute');
    expect(text).toContain(`21/03/2022 09:00-13:00 4 ore ${CR} QT8`);
    expect(text).toContain(`28/03/2022 09:00-13:00 4 ore ${CR} QT8`);
    expect(text).toContain('Totale del mese 8 ore 8 ore');
  });

  it.skipIf(PREFLIGHT_MISSING)(`is PDF/A-1b for Apache PDFBox Preflight${PREFLIGHT_MISSING ? ` (saltato: ${PREFLIGHT_MISSING})` : ''}`, () => {
    const v = preflight(path.join(env.dir, 'ts2.pdf'));
    expect(v.valid, v.report).toBe(true);
  });

  it('refuses a month with no hours, an unknown professional and a bad month, writing no file', () => {
    const none = env.run(['stampa', 'timesheet', '--professionista', 'P02', '--mese', '2022-05', '-o', 'n.pdf', '--oggi', '2022-06-10']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('non ha ore in maggio 2022');
    const who = env.run(['stampa', 'timesheet', '--professionista', 'P99', '--mese', '2022-03', '-o', 'n.pdf', '--oggi', '2022-06-10']);
    expect(who.status).toBe(1);
    expect(who.stderr).toContain('professionista sconosciuto: P99');
    const bad = env.run(['stampa', 'timesheet', '--professionista', 'P01', '--mese', '2022-13', '-o', 'n.pdf', '--oggi', '2022-06-10']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--mese: mese non valido "2022-13"');
    expect(existsSync(path.join(env.dir, 'n.pdf'))).toBe(false);
  });
});
