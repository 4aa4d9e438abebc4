/**
 * The other documents the sources name, through the same renderer: the PIP variation request,
 * the registro formativo e delle presenze with a group session, the notice of the training's
 * start (with the guest access for distance training) and the Job Coach attestation. Each read
 * back as text and checked by Preflight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { allText, pdfPages, preflight, PREFLIGHT_MISSING } from './pdf-helpers.js';
import { base, cremona, CF_CR, CF_JC, CR, JC, jobCoach, type Env } from './setup.js';

const CR2 = 'CR-2022-0002';
const CF3 = 'BNCNNA90A41H501T';

let env: Env;
beforeAll(() => {
  env = base();
  cremona(env);
  jobCoach(env);
  // A second Cremona dote, in a group training session with the first.
  env.ok(['destinatario', 'aggiungi', '--cf', CF3, '--nome', 'Anna', '--cognome', 'Bianca', '--l68', '--did']);
  env.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', CF3, '--fascia', '2', '--linea', 'b', '--data', '2022-03-01', '--id', CR2, '--oggi', '2022-03-01']);
  env.ok(['pip', 'imposta', CR2, '--servizio', 'QD1=1', '--servizio', 'QF0=20:coll', '--data', '2022-03-04', '--oggi', '2022-03-04']);
  const ids = env.ok(['erogazione', 'aggiungi', CR, CR2, '--collettiva', '--servizio', 'QF0', '--data', '2022-04-12', '--inizio', '09:00', '--fine', '12:00', '--professionista', 'P03', '--modalita', 'fad', '--descrizione', 'Sicurezza sul lavoro', '--oggi', '2022-04-11', '--json']).json().map((x: { id: number }) => String(x.id)) as string[];
  for (const id of ids) for (const a of ['programma', 'avvia', 'concludi']) env.ok(['erogazione', a, id, '--oggi', '2022-04-12']);
});
afterAll(() => env.cleanup());

async function print(args: string[], file: string): Promise<string> {
  const r = env.run(['stampa', ...args, '-o', file, '--oggi', '2022-09-30']);
  expect(r.status, r.stderr).toBe(0);
  const pages = await pdfPages(path.join(env.dir, file));
  pages.forEach((p, i) => expect(p).toContain(`Pagina ${i + 1} di ${pages.length}`));
  expect(pages.at(-1)).toContain(`Numero di pagine: ${pages.length}.`);
  if (!PREFLIGHT_MISSING) {
    const v = preflight(path.join(env.dir, file));
    expect(v.valid, v.report).toBe(true);
  }
  return allText(pages);
}

describe('the other documents', () => {
  it(`stampa variazione: what changes, service by service, the reason and the values${PREFLIGHT_MISSING ? ` (Preflight saltato: ${PREFLIGHT_MISSING})` : ''}`, async () => {
    const text = await print(['variazione', CR], 'var.pdf');
    expect(text).toContain('Richiesta di variazione del PIP Versione 2 del PIP, in sostituzione della versione 1');
    expect(text).toContain('Provincia di Cremona – Piano provinciale disabili');
    expect(text).toContain(`Destinatario Bianchi Luigi (${CF_CR})`);
    expect(text).toContain('Motivi della variazione tirocinio ridotto, più ore di bilancio');
    expect(text).toContain('QT8 20 ore 15 ore — —');
    expect(text).toContain('Valore della versione 1 1.254,80 € Valore della versione 2 1.094,80 €');
    expect(text).toContain('Cremona, lì 01/04/2022');
    const first = env.run(['stampa', 'variazione', CR, '--versione', '1', '-o', 'v1.pdf', '--oggi', '2022-09-30']);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain('non è una variazione');
    expect(existsSync(path.join(env.dir, 'v1.pdf'))).toBe(false);
  });

  it('stampa registro-formativo: every session with teacher and mode, every participant with a signature cell', async () => {
    const text = await print(['registro-formativo', CR], 'rf.pdf');
    expect(text).toContain('Registro formativo e delle presenze');
    expect(text).toContain('Sessione del 05/04/2022, 09:00-13:00 (4 ore)');
    expect(text).toContain('Sessione del 12/04/2022, 09:00-12:00 (3 ore)');
    expect(text).toContain('Docente Carla Neri (Cooperativa Sociale La Rete)');
    expect(text).toContain('Modalità FAD sincrona, con tracciamento delle presenze');
    expect(text).toContain(`1 Bianca Anna ${CF3} ${CR2}`);
    expect(text).toContain(`2 Bianchi Luigi ${CF_CR} ${CR}`);
    expect(text).toContain('Firma del docente: Carla Neri');
    expect(text).toContain('Sessioni riportate: 2, per un totale di 7 ore di formazione.');
    expect(text).toContain("Il legale rappresentante dell'operatore");
  });

  it('stampa avvio-formazione: start date and mode, and the guest access, required for distance training', async () => {
    const none = env.run(['stampa', 'avvio-formazione', CR, '-o', 'af0.pdf', '--oggi', '2022-09-30']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('accesso ospite');
    expect(existsSync(path.join(env.dir, 'af0.pdf'))).toBe(false);
    const text = await print(['avvio-formazione', CR, '--accesso-ospite', 'aula.ilponte.it, utente provincia'], 'af.pdf');
    expect(text).toContain('Alla Provincia di Cremona – Collocamento Disabili');
    expect(text).toContain(`ha inizio il 05/04/2022 alle ore 09:00, in modalità: in presenza; FAD sincrona, con tracciamento delle presenze.`);
    expect(text).toContain('12/04/2022 09:00-12:00 3 ore Carla Neri FAD sincrona, con tracciamento delle presenze 2');
    expect(text).toContain('accesso ospite: aula.ilponte.it, utente provincia.');
  });

  it('stampa attestazione: hours delivered per activity against those agreed, the legal reference, the destinatario', async () => {
    const text = await print(['attestazione', JC], 'att.pdf');
    expect(text).toContain('Attestazione del servizio erogato');
    expect(text).toContain('Decreto Direttoriale di Veneto Lavoro n. 18 del 30/03/2022');
    expect(text).toContain(`Id voucher ${JC}`);
    expect(text).toContain(`Codice fiscale ${CF_JC}`);
    expect(text).toContain('JC-AL Allenamento e affiancamento 30 44 ore 30 ore 14 ore');
    expect(text).toContain('Totale 40 64 ore 50 ore 14 ore');
    const cr = env.run(['stampa', 'attestazione', CR, '-o', 'a2.pdf', '--oggi', '2022-09-30']);
    expect(cr.status).toBe(1);
    expect(existsSync(path.join(env.dir, 'a2.pdf'))).toBe(false);
  });
});
