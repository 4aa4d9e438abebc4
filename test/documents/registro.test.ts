/**
 * `dote stampa registro`: the registro attività read back as text (Job Coach manual, 3.2
 * "Erogazione delle attività": legal reference, drafting date, Id voucher, nome, cognome, CF,
 * every delivery with date, start, end and description, signatures), checked by Preflight, and
 * every refusal leaving no file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allText, pdfMeta, pdfPages, preflight, PREFLIGHT_MISSING } from './pdf-helpers.js';
import { base, cremona, CF_CR, CF_JC, CR, JC, jobCoach, png, type Env, type JcRow } from './setup.js';

const RIFERIMENTO_JC =
  'Fondo Regionale per l\'Occupazione delle persone con Disabilità. Decreto Direttoriale di Veneto Lavoro n. 18 del 30/03/2022 "Approvazione e adozione dell\'Avviso pubblico per la realizzazione di interventi di accompagnamento al lavoro delle persone con disabilità di cui alla D.G.R. 1103 del 09/08/2021"';

const it_ = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

let env: Env;
let rows: JcRow[];
beforeAll(() => {
  env = base('Cooperativa Rossi & C.');
  rows = jobCoach(env, { descrizione: (i) => (i === 3 ? 'Definizione del programma con il tutor 漢 aziendale' : undefined) });
  cremona(env);
});
afterAll(() => env.cleanup());

const file = (name: string) => path.join(env.dir, name);

describe('dote stampa registro, Job Coach (40 deliveries)', () => {
  let pages: string[];
  let out: { file: string; pagine: number; bytes: number; sha256: string; sostituzioni: { carattere: string }[] };
  let stderr: string;
  beforeAll(async () => {
    const r = env.run(['stampa', 'registro', JC, '-o', 'jc.pdf', '--oggi', '2022-09-30', '--json']);
    expect(r.status, r.stderr).toBe(0);
    out = r.json();
    stderr = r.stderr;
    pages = await pdfPages(file('jc.pdf'));
  });

  it('--json gives the file, pages, bytes and SHA-256 of what was written, readable by its owner only', () => {
    const data = readFileSync(file('jc.pdf'));
    expect(out).toMatchObject({ file: 'jc.pdf', pagine: pages.length, bytes: data.length });
    expect(out.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(statSync(file('jc.pdf')).mode & 0o777).toBe(0o600);
    expect(readdirSync(env.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('carries the legal reference verbatim, the drafting date and the destinatario', () => {
    const text = allText(pages);
    expect(text).toContain(RIFERIMENTO_JC);
    expect(text).toContain(`Id voucher ${JC}`);
    expect(text).toContain('Cognome Verdi');
    expect(text).toContain('Nome Giuseppina');
    expect(text).toContain(`Codice fiscale ${CF_JC}`);
    expect(text).toContain('Data di redazione 30/09/2022');
    expect(text).toContain('Cooperativa Rossi & C.');
  });

  it('has every delivery, in order, with date, start-end and hours, and the coach in the signature cell', () => {
    const text = allText(pages);
    let at = 0;
    for (const r of rows) {
      const minutes = (+r.fine.slice(0, 2) - +r.inizio.slice(0, 2)) * 60;
      const row = `${it_(r.data)} ${r.inizio}-${r.fine} ${minutes === 60 ? '1 ora' : '2 ore'} ${r.servizio}`;
      const i = text.indexOf(row, at);
      expect(i, row).toBeGreaterThan(-1);
      at = i;
    }
    expect(text.match(/Anna Verdi/g)!.length).toBeGreaterThanOrEqual(40);
  });

  it('states the totals per activity and overall, against the hours agreed', () => {
    const text = allText(pages);
    expect(text).toContain('JC-AN Analisi del quadro generale 2 4 ore 4 ore');
    expect(text).toContain('JC-DE Definizione del programma 4 8 ore 8 ore');
    expect(text).toContain('JC-AL Allenamento e affiancamento 30 30 ore 44 ore');
    expect(text).toContain('Totale complessivo 40 50 ore 64 ore');
  });

  it('numbers every page "Pagina N di M", repeats the table header on each page, states the count at the end', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => expect(p).toContain(`Pagina ${i + 1} di ${pages.length}`));
    const withRows = pages.filter((p) => /\d\d\/\d\d\/2022 \d\d:\d\d-\d\d:\d\d/.test(p));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(p).toContain('Data Orario Ore Attività Breve descrizione Firma del coach / operatore');
    expect(pages.at(-1)).toContain(`Numero di pagine: ${pages.length}.`);
    expect(allText(pages)).toContain(`Generato il 30/09/2022 con dote · Registro attività ${JC}`);
    expect(pages.at(-1)).toContain('spazio non utilizzato');
    expect(pages.at(-1)).toContain('Timbro della sede');
  });

  it('never claims the register was vidimato', () => {
    expect(allText(pages).toLowerCase()).not.toContain('vidimat');
  });

  it('prints a character the font lacks as "?", and says so', () => {
    expect(allText(pages)).toContain('con il tutor ? aziendale');
    expect(out.sostituzioni.map((s) => s.carattere)).toEqual(['U+6F22']);
    expect(stderr).toContain('U+6F22');
  });

  it('has the same title, author and subject in the Info dictionary and the XMP, with no "&" in either', async () => {
    const { info, xmp } = await pdfMeta(file('jc.pdf'));
    expect(info.Author).toBe('Cooperativa Rossi e C.');
    expect(info.Title).toBe(`Registro attività ${JC} - Verdi Giuseppina`);
    expect(xmp).toContain(`<rdf:li>${info.Author}</rdf:li>`);
    expect(xmp).toContain(`>${info.Title}</rdf:li>`);
    expect(xmp).toContain(`>${info.Subject}</rdf:li>`);
    expect(xmp).not.toContain('&');
    expect(info.CreationDate).toBe('D:20220930120000Z');
  });

  it.skipIf(PREFLIGHT_MISSING)(`is PDF/A-1b for Apache PDFBox Preflight${PREFLIGHT_MISSING ? ` (saltato: ${PREFLIGHT_MISSING})` : ''}`, () => {
    const v = preflight(file('jc.pdf'));
    expect(v.valid, v.report).toBe(true);
  });
});

describe('dote stampa registro, Cremona (from the calendar)', () => {
  let pages: string[];
  beforeAll(async () => {
    const r = env.run(['stampa', 'registro', CR, '-o', 'cr.pdf', '--oggi', '2022-09-30', '--non-firma', 'impossibilitato alla firma per disabilità motoria']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^cr\.pdf: \d+ pagin[ae], [\d.]+ byte, SHA-256 [0-9a-f]{64}\n$/);
    pages = await pdfPages(file('cr.pdf'));
  });

  it('lists the deliveries of the calendar and leaves training out, saying where it is', () => {
    const text = allText(pages);
    expect(text).toContain('Provincia di Cremona – Piano provinciale disabili – Dote Lavoro, Bando Priorità Destinatari 2021-2022 (L. 68/99)');
    expect(text).toContain(`Id dote ${CR}`);
    expect(text).toContain(`Codice fiscale ${CF_CR}`);
    expect(text).toContain('02/03/2022 09:00-10:00 1 ora QD1');
    expect(text).toContain('09/03/2022 09:00-11:30 2 ore e 30 minuti Q0C');
    expect(text).toContain('28/03/2022 09:00-13:00 4 ore QT8');
    expect(text).not.toContain('05/04/2022');
    expect(text).toContain('Le ore di formazione (QF0) non sono riportate in questo registro: sono nel registro formativo e delle presenze.');
    expect(text).toContain('Totale complessivo 6 16 ore e 30 minuti');
  });

  it('marks that the destinatario cannot sign, with the reason, in the note and on every row', () => {
    const text = allText(pages);
    expect(text).toContain('Il destinatario non può firmare: impossibilitato alla firma per disabilità motoria.');
    expect(text.match(/non può firmare \(vedi nota\)/g)!.length).toBe(6);
  });

  it.skipIf(PREFLIGHT_MISSING)(`is PDF/A-1b for Apache PDFBox Preflight${PREFLIGHT_MISSING ? ` (saltato: ${PREFLIGHT_MISSING})` : ''}`, () => {
    const v = preflight(file('cr.pdf'));
    expect(v.valid, v.report).toBe(true);
  });
});

describe('a refused dote stampa registro writes no file', () => {
  it('an unknown dote: exit 1', () => {
    const r = env.run(['stampa', 'registro', 'JC-9-9999/999', '-o', 'x1.pdf', '--oggi', '2022-09-30']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('dote sconosciuta: JC-9-9999/999');
    expect(existsSync(file('x1.pdf'))).toBe(false);
  });

  it('a dote with no EROGATA delivery: exit 1', () => {
    env.ok(['destinatario', 'aggiungi', '--cf', 'BNCNNA90A41H501T', '--nome', 'Anna', '--cognome', 'Bianca', '--l68', '--did']);
    env.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', 'BNCNNA90A41H501T', '--fascia', '2', '--data', '2022-03-01', '--id', 'CR-VUOTA', '--oggi', '2022-03-01']);
    const r = env.run(['stampa', 'registro', 'CR-VUOTA', '-o', 'x2.pdf', '--oggi', '2022-09-30']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('non ha erogazioni EROGATA');
    expect(existsSync(file('x2.pdf'))).toBe(false);
  });

  it('an output in a folder that does not exist: exit 2, in Italian', () => {
    const r = env.run(['stampa', 'registro', JC, '-o', 'manca/x3.pdf', '--oggi', '2022-09-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/la cartella .*manca non esiste/);
    expect(existsSync(file('manca'))).toBe(false);
  });

  it('no -o: exit 2', () => {
    const r = env.run(['stampa', 'registro', JC, '--oggi', '2022-09-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('-o, --output');
  });

  it('a logo PNG with transparency: refused with the reason (PDF/A-1 forbids it), no file', () => {
    const d = base('Ente con logo');
    try {
      png(path.join(d.dir, 'alfa.png'), true);
      png(path.join(d.dir, 'pieno.png'), false);
      jobCoach(d);
      d.ok(['ente', 'imposta', '--logo', 'alfa.png', '--oggi', '2022-09-30']);
      const r = d.run(['stampa', 'registro', JC, '-o', 'l.pdf', '--oggi', '2022-09-30']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('trasparenza');
      expect(existsSync(path.join(d.dir, 'l.pdf'))).toBe(false);
      d.ok(['ente', 'imposta', '--logo', 'pieno.png', '--oggi', '2022-09-30']);
      const ok = d.run(['stampa', 'registro', JC, '-o', 'l.pdf', '--oggi', '2022-09-30']);
      expect(ok.status, ok.stderr).toBe(0);
      if (!PREFLIGHT_MISSING) {
        const v = preflight(path.join(d.dir, 'l.pdf'));
        expect(v.valid, v.report).toBe(true);
      }
    } finally {
      d.cleanup();
    }
  });
});

describe('dote modelli', () => {
  it('lists the templates and where each is taken from; an override by name changes the wording', async () => {
    const dir = file('modelli');
    mkdirSync(dir);
    const list = env.run(['modelli', '--json']).json();
    expect(list.modelli.map((m: { nome: string; origine: string }) => `${m.nome}:${m.origine}`)).toContain('registro:predefinito');
    const exp = env.run(['modelli', 'esporta', 'registro', dir]);
    expect(exp.status, exp.stderr).toBe(0);
    expect(env.run(['modelli', 'esporta', 'registro', dir]).status).toBe(2);
    const t = JSON.parse(readFileSync(path.join(dir, 'registro.json'), 'utf8'));
    t.testi.titolo = 'Registro delle attività svolte';
    writeFileSync(path.join(dir, 'registro.json'), JSON.stringify(t));
    const l2 = env.run(['modelli'], { DOTE_MODELLI: dir });
    expect(l2.stdout).toMatch(/registro\s+personalizzato\s+.*modelli\/registro\.json/);
    const r = env.run(['stampa', 'registro', JC, '-o', 'm.pdf', '--modelli', dir, '--oggi', '2022-09-30']);
    expect(r.status, r.stderr).toBe(0);
    expect(allText(await pdfPages(file('m.pdf')))).toContain('Registro delle attività svolte');
  });

  it('a templates folder that does not exist is an error, not the shipped wording', () => {
    const r = env.run(['stampa', 'registro', JC, '-o', 'nd.pdf', '--oggi', '2022-09-30'], { DOTE_MODELLI: file('non-esiste') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('la cartella dei modelli');
    expect(existsSync(file('nd.pdf'))).toBe(false);
  });

  it('a broken template fails naming the template, its file and the field; no file is written', () => {
    const dir = file('rotti');
    mkdirSync(dir);
    const t = JSON.parse(readFileSync(path.join(env.dir, 'modelli', 'registro.json'), 'utf8'));
    delete t.testi.timbro;
    t.testi.titolo = 'Registro {ignoto}';
    t.stili.titolo.corpo = 'grande';
    writeFileSync(path.join(dir, 'registro.json'), JSON.stringify(t));
    const r = env.run(['stampa', 'registro', JC, '-o', 'b.pdf', '--modelli', dir, '--oggi', '2022-09-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`modello "registro" (${path.join(dir, 'registro.json')})`);
    expect(r.stderr).toContain('stili.titolo.corpo');
    expect(existsSync(file('b.pdf'))).toBe(false);
    delete t.stili.titolo.corpo;
    t.stili.titolo.corpo = 14;
    writeFileSync(path.join(dir, 'registro.json'), JSON.stringify(t));
    const r2 = env.run(['modelli', '--modelli', dir]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('testi.timbro: testo mancante');
    expect(r2.stderr).toContain('testi.titolo: segnaposto sconosciuto {ignoto}');
  });
});
