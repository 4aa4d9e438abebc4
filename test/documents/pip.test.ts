/**
 * `dote stampa pip`: the PIP of a Cremona D1-INS with a variation, read back as text, in the
 * order of the regional PIP template, and checked by Preflight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { allText, pdfPages, preflight, PREFLIGHT_MISSING } from './pdf-helpers.js';
import { base, cremona, CF_CR, CR, JC, jobCoach, type Env } from './setup.js';

let env: Env;
let pages: string[];
let text: string;
beforeAll(async () => {
  env = base();
  cremona(env);
  jobCoach(env);
  env.ok(['ente', 'imposta', '--rappresentante', 'Giovanna Ferri', '--oggi', '2022-09-30']);
  const r = env.run(['stampa', 'pip', CR, '-o', 'pip.pdf', '--oggi', '2022-09-30', '--json']);
  expect(r.status, r.stderr).toBe(0);
  expect(r.json()).toMatchObject({ file: 'pip.pdf', pagine: expect.any(Number), bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  pages = await pdfPages(path.join(env.dir, 'pip.pdf'));
  text = allText(pages);
});
afterAll(() => env.cleanup());

describe('dote stampa pip', () => {
  it('has the letterhead, the bando and its legal reference, the dote and its dates', () => {
    expect(text).toMatch(/^Cooperativa Il Ponte Via Dante 12, 26100 Cremona Codice operatore OP-0417 Piano di Intervento Personalizzato \(PIP\)/);
    expect(text).toContain('Provincia di Cremona – Piano provinciale disabili – Dote Lavoro, Bando Priorità Destinatari 2021-2022 (L. 68/99)');
    expect(text).toContain('Tipo di dote D1-INS - Dote inserimento lavorativo');
    expect(text).toContain('Linea di assegnazione D1 a');
    expect(text).toContain('Fascia 3');
    expect(text).toContain('Data di attivazione 01/03/2022 Invio del PIP 07/03/2022 Validazione del PIP 15/03/2022');
    expect(text).toContain('Versione del PIP 2 del 01/04/2022');
  });

  it('has the destinatario: name, sex, CF, place and date of birth', () => {
    expect(text).toContain('Cognome e nome Bianchi Luigi Sesso M');
    expect(text).toContain(`Codice fiscale ${CF_CR}`);
    expect(text).toMatch(/Luogo e data di nascita (\S.*, )?12\/02\/1975/);
  });

  it('lists the planned services with period, operator, partner, hours, rate and value', () => {
    expect(text).toContain('QD2 Colloquio specialistico 03/03/2022 - 03/03/2022 Mario Rossi nessuno 2 ore — 33,00 € 66,00 €');
    expect(text).toContain('QT8 Tutoring e accompagnamento al tirocinio 21/03/2022 - 28/03/2022 Anna Verdi nessuno 15 ore — 32,00 € 480,00 €');
    // The training partner: the professional's organisation, its A03 not on record.
    expect(text).toContain('QF0 Formazione 05/04/2022 - 05/04/2022 Carla Neri Cooperativa Sociale La Rete (atto di adesione A03: non registrato, da verificare) — 20 ore coll. 13,34 € 266,80 €');
    expect(text).toContain('Totale 26 ore 20 ore 1.094,80 €');
    expect(text).toContain('Per un valore economico complessivo dei servizi pari ad € 1.094,80.');
    expect(text).toContain('Risultato previsto: inserimento lavorativo, pari ad € 2.800,00');
    expect(text).toContain('I servizi devono concludersi entro il 30/06/2022.');
  });

  it('keeps every version, with the variation date, reason and what changed', () => {
    expect(text).toContain('1 04/03/2022 prima versione — 1.254,80 €');
    expect(text).toContain('2 01/04/2022 tirocinio ridotto, più ore di bilancio QT8: 20 ore → 15 ore 1.094,80 €');
  });

  it('has the DPR 445/2000 clause, "[Comune], lì [data]" and both signature blocks', () => {
    expect(text).toContain('art. 76 del DPR 445/2000');
    expect(text).toContain('art. 75');
    expect(text).toContain('Cremona, lì 01/04/2022');
    expect(text).toContain("Il legale rappresentante dell'operatore Giovanna Ferri (o altro soggetto con potere di firma)");
    expect(text).toContain('Il destinatario Bianchi Luigi (o chi ne fa le veci)');
  });

  it('numbers every page and states the count at the end; the file is the owner\'s only', () => {
    pages.forEach((p, i) => expect(p).toContain(`Pagina ${i + 1} di ${pages.length}`));
    expect(pages.at(-1)).toContain(`Numero di pagine: ${pages.length}.`);
    expect(statSync(path.join(env.dir, 'pip.pdf')).mode & 0o777).toBe(0o600);
  });

  it.skipIf(PREFLIGHT_MISSING)(`is PDF/A-1b for Apache PDFBox Preflight${PREFLIGHT_MISSING ? ` (saltato: ${PREFLIGHT_MISSING})` : ''}`, () => {
    const v = preflight(path.join(env.dir, 'pip.pdf'));
    expect(v.valid, v.report).toBe(true);
  });

  it('refuses a Job Coach voucher (it has no PIP) and writes no file', () => {
    const r = env.run(['stampa', 'pip', JC, '-o', 'jc-pip.pdf', '--oggi', '2022-09-30']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('non ha un PIP');
    expect(existsSync(path.join(env.dir, 'jc-pip.pdf'))).toBe(false);
  });
});
