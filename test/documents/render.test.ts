/**
 * The generic renderer and the templates, in process (no database): tables that paginate with
 * the header repeated and nothing drawn into the foot, glyph coverage, metadata kept safe for
 * the XMP, templates validated field by field, durations in Italian.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderPdf, safeMeta } from '../../src/pdf/render.js';
import { loadTemplate, validateTemplate, TEMPLATE_NAMES, builtinTemplateFile } from '../../src/pdf/templates.js';
import type { Documento } from '../../src/pdf/model.js';
import { formatDurata } from '../../src/domain/money.js';
import { tempDir } from '../helpers.js';
import { pdfPages, preflight, PREFLIGHT_MISSING } from './pdf-helpers.js';
import { readFileSync } from 'node:fs';

const t = tempDir();
afterAll(() => t.cleanup());

function doc(rows: number, descr: (i: number) => string): Documento {
  return {
    meta: { titolo: 'Prova <tabella>', autore: 'Rossi & C.', soggetto: 'Prova' },
    intestazione: { righe: ['Ente di prova'] },
    blocchi: [
      { tipo: 'testo', stile: 'titolo', testo: 'Prova' },
      {
        tipo: 'tabella',
        altezzaMinima: 20,
        colonne: [
          { titolo: 'Riga', larghezza: 10 },
          { titolo: 'Descrizione', larghezza: 60 },
          { titolo: 'Firma', larghezza: 30 },
        ],
        righe: Array.from({ length: rows }, (_, i) => [`R${i + 1}`, descr(i), '']),
      },
    ],
    chiusura: 'Numero di pagine: {pagine}.',
    piede: 'piede',
    numerazione: 'Pagina {n} di {m}',
    annullaResto: 'spazio non utilizzato',
  };
}

const stili = loadTemplate('registro', undefined).stili;
const when = new Date('2022-09-30T12:00:00Z');

describe('renderPdf', () => {
  it('paginates a long table with uneven rows: header on every page, every row once and in order, nothing in the foot', async () => {
    const long = (i: number) => (i % 7 === 0 ? 'testo lungo che va a capo più volte, '.repeat(1 + (i % 5)) : `breve ${i}`);
    const r = await renderPdf(doc(300, long), { creationDate: when, stili });
    const file = path.join(t.dir, 'lunga.pdf');
    writeFileSync(file, r.pdf);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
    expect(pdf.numPages).toBe(r.pagine);
    const seen: number[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const items = (await (await pdf.getPage(p)).getTextContent()).items as { str: string; transform: number[] }[];
      const text = items.map((i) => i.str).join(' ').replace(/\s+/g, ' ');
      if (p < pdf.numPages || /R\d+/.test(text)) expect(text).toContain('Riga Descrizione Firma');
      expect(text).toContain(`Pagina ${p} di ${pdf.numPages}`);
      for (const it of items) {
        // PDF y grows upwards: the foot sits below y = 64 (the bottom margin); only the foot goes there.
        if (it.transform[5]! < 64 && it.str.trim()) expect(['piede', `Pagina ${p} di ${pdf.numPages}`]).toContain(it.str.trim());
        const m = /^R(\d+)$/.exec(it.str.trim());
        if (m) seen.push(+m[1]!);
      }
    }
    await pdf.destroy();
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    if (!PREFLIGHT_MISSING) expect(preflight(file).valid).toBe(true);
  });

  it('prints a character the font lacks as "?" and reports it once per text; keeps & < > out of the metadata', async () => {
    const r = await renderPdf(doc(2, (i) => (i ? 'ok àèìòù € ß Ω' : 'ideogramma 漢字')), { creationDate: when, stili });
    expect(r.sostituzioni).toEqual([
      { carattere: 'U+6F22', testo: 'ideogramma 漢字' },
      { carattere: 'U+5B57', testo: 'ideogramma 漢字' },
    ]);
    const file = path.join(t.dir, 'glifi.pdf');
    writeFileSync(file, r.pdf);
    const text = (await pdfPages(file)).join(' ');
    expect(text).toContain('ideogramma ??');
    expect(text).toContain('ok àèìòù € ß Ω');
    expect(safeMeta('Rossi & C. <s.r.l.>')).toBe('Rossi e C. s.r.l.');
  });

  // Its time is measured by `npm run bench` (README, Prestazioni), not asserted here: a unit test
  // on a shared machine would only measure the neighbours.
  it('one 1.000-row register stays under 300 KiB', async () => {
    const r = await renderPdf(doc(1000, (i) => `Affiancamento in azienda n. ${i}: reparto magazzino`), { creationDate: when, stili });
    expect(r.pdf.length).toBeLessThan(300 * 1024);
  });
});

describe('templates', () => {
  it('every shipped template loads', () => {
    for (const n of TEMPLATE_NAMES) expect(loadTemplate(n, undefined).nome).toBe(n);
  });

  it('reports every problem of a broken template, each naming its field', () => {
    const raw = JSON.parse(readFileSync(builtinTemplateFile('pip'), 'utf8'));
    delete raw.stili.piede;
    raw.stili.titolo.colore = 'rosso';
    raw.testi['luogo-data'] = '{citta}, lì {data}';
    raw.testi.extra = 'x';
    expect(validateTemplate('pip', raw)).toEqual(['stili.titolo.colore: colore: atteso #rrggbb']);
    raw.stili.titolo.colore = '#000000';
    expect(validateTemplate('pip', raw)).toEqual([
      'stili.piede: stile mancante',
      'testi.luogo-data: segnaposto sconosciuto {citta} (ammessi: {oggi}, {ente}, {bando}, {dote}, {comune}, {data})',
      'testi.extra: testo sconosciuto al documento pip',
    ]);
  });
});

describe('formatDurata', () => {
  it.each([
    [0, '0 ore'],
    [30, '30 minuti'],
    [60, '1 ora'],
    [61, '1 ora e 1 minuto'],
    [90, '1 ora e 30 minuti'],
    [570, '9 ore e 30 minuti'],
    [60000, '1.000 ore'],
  ])('%i minutes: %s', (m, s) => expect(formatDurata(m)).toBe(s));
});

describe('a row taller than a page', () => {
  it('is split into continuation rows: every word printed once, nothing in the foot', async () => {
    const words = Array.from({ length: 2500 }, (_, i) => `w${i}`);
    const d = doc(3, (i) => (i === 1 ? words.join(' ') : `breve ${i}`));
    const r = await renderPdf(d, { creationDate: when, stili });
    const file = path.join(t.dir, 'alta.pdf');
    writeFileSync(file, r.pdf);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
    const found: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const items = (await (await pdf.getPage(p)).getTextContent()).items as { str: string; transform: number[] }[];
      for (const it of items) {
        if (it.transform[5]! < 64 && it.str.trim()) expect(['piede', `Pagina ${p} di ${pdf.numPages}`]).toContain(it.str.trim());
        for (const w of it.str.split(/\s+/)) if (/^w\d+$/.test(w)) found.push(w);
      }
    }
    await pdf.destroy();
    expect(pdf.numPages).toBeGreaterThan(2);
    expect(found).toEqual(words);
    if (!PREFLIGHT_MISSING) expect(preflight(file).valid).toBe(true);
  });
});
