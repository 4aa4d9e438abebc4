/**
 * The one renderer: a `Documento` (model.ts) laid out on A4 pages as PDF/A-1b with pdfkit.
 * Imported only by the actions that print (pdfkit costs ~250 ms to import: README "Prestazioni"), never
 * by `dote --help`.
 *
 * What PDF/A-1b asks and pdfkit does not do by itself:
 * - `pdfVersion: '1.4'`: with the default 1.3 pdfkit writes no XMP at all;
 * - the TTF is the document's font from the constructor on, so no text is ever drawn in the
 *   non-embedded Helvetica;
 * - every character is checked against the font (`Copertura`): a missing one would become glyph 0
 *   (.notdef), which PDF/A forbids. Our choice: it is replaced by "?" and reported (the command
 *   prints a warning and `--json` lists it), rather than refusing the whole document for, say, an
 *   emoji in a description; DejaVu covers every Latin, Greek and Cyrillic letter, so a name is
 *   never touched in practice;
 * - Title, Author and Subject go to both the Info dictionary and the XMP, which pdfkit writes
 *   unescaped: "&", "<" and ">" are kept out of them (`safeMeta`: "&" becomes "e"), so the XMP
 *   stays well-formed and identical to the Info values;
 * - no ModDate (pdfkit writes no xmp:ModifyDate to match it); CreationDate is given by the caller
 *   (fixed in tests);
 * - PDF/A-1 forbids transparency: a PNG logo with an alpha channel or a transparent colour is
 *   refused with a message, as is a CMYK JPEG (no CMYK output intent).
 * - pdfkit's own `table()` does not repeat its header: tables are laid out here, row by row,
 *   measured with heightOfString.
 */
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { osReason } from '../os-errors.js';
import { FONT_GRASSETTO, FONT_REGOLARE } from './fonts.js';
import type { Blocco, Cella, Colonna, Documento, Stile, Stili } from './model.js';

export interface RenderOptions {
  /** The document's CreationDate (Info and XMP) . */
  creationDate: Date;
  stili: Stili;
}

export interface Sostituzione {
  /** `U+1F600` */
  carattere: string;
  testo: string;
}

export interface RenderResult {
  pdf: Buffer;
  pagine: number;
  /** Characters the font lacks, replaced by "?" (see the module comment). */
  sostituzioni: Sostituzione[];
}

const A4 = { w: 595.28, h: 841.89 };
const M = { top: 48, left: 48, right: 48, bottom: 64 };
const W = A4.w - M.left - M.right;
const BOTTOM = A4.h - M.bottom;
const PAD = 3;
const BORDER = '#7a7a7a';
const HEAD_FILL = '#e6e6e6';

/** Keeps `&`, `<`, `>` out of a metadata value (pdfkit writes XMP unescaped). */
export function safeMeta(s: string): string {
  return s
    .replace(/\s*&\s*/g, ' e ')
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** Every string drawn goes through `clean`: what neither font has becomes "?", and is recorded. */
class Copertura {
  readonly sostituzioni: Sostituzione[] = [];
  /** A text is measured, then drawn: each (character, text) is recorded once. */
  private readonly seen = new Set<string>();
  /** Whether both fonts have a code point, asked of fontkit once per code point. */
  private readonly has = new Map<number, boolean>();
  /** Printable ASCII all present: a text of only those is returned as it is, unscanned. */
  private readonly asciiOk: boolean;
  constructor(private readonly fonts: readonly FontkitFont[]) {
    let ok = true;
    for (let cp = 0x20; cp < 0x7f; cp++) ok &&= this.covered(cp);
    this.asciiOk = ok;
  }
  private covered(cp: number): boolean {
    let v = this.has.get(cp);
    if (v === undefined) {
      v = this.fonts.every((f) => f.hasGlyphForCodePoint(cp));
      this.has.set(cp, v);
    }
    return v;
  }
  clean(text: string): string {
    if (this.asciiOk && /^[\x20-\x7e]*$/.test(text)) return text;
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (ch === '\n') out += ch;
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
      else if (this.covered(cp)) out += ch;
      else {
        out += '?';
        const carattere = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
        if (!this.seen.has(`${carattere}\u0000${text}`)) {
          this.seen.add(`${carattere}\u0000${text}`);
          this.sostituzioni.push({ carattere, testo: text });
        }
      }
    }
    return out;
  }
}

/** Refuses a logo PDF/A-1b cannot hold: transparency, CMYK, an unknown format. */
export function checkLogo(file: string): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new UsageError(`logo dell'ente: il file ${file} non si apre (${osReason(e, file)?.reason ?? 'file non leggibile'})`, 'correggi il percorso con "dote ente imposta --logo FILE"');
  }
  const pngSig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.subarray(0, 8).equals(pngSig)) {
    const colorType = data[25];
    const transparent = colorType === 4 || colorType === 6 || data.includes(Buffer.from('tRNS'));
    if (transparent) {
      throw new UsageError(
        `logo dell'ente: il PNG ${file} ha la trasparenza (canale alfa), che il formato d'archivio PDF/A-1 non ammette`,
        'salva il logo su fondo bianco senza trasparenza (PNG senza canale alfa, o JPEG)',
      );
    }
    return data;
  }
  if (data[0] === 0xff && data[1] === 0xd8) {
    // The frame header (SOF0-SOF15 except DHT/JPG/DAC) gives the number of components: 4 = CMYK.
    for (let i = 2; i + 9 < data.length; ) {
      if (data[i] !== 0xff) break;
      const marker = data[i + 1]!;
      const len = data.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        if (data[i + 9] === 4) throw new UsageError(`logo dell'ente: il JPEG ${file} è in CMYK, che il PDF/A prodotto (sRGB) non ammette`, 'salvalo in RGB');
        break;
      }
      i += 2 + len;
    }
    return data;
  }
  throw new UsageError(`logo dell'ente: ${file} non è un'immagine JPEG o PNG`);
}

export async function renderPdf(d: Documento, o: RenderOptions): Promise<RenderResult> {
  const logo = d.intestazione.logo ? checkLogo(d.intestazione.logo) : null;
  // An empty value would go to the Info dictionary but not to the XMP (pdfkit skips falsy ones),
  // which Preflight rejects (7.2): only non-empty values are given.
  const meta = Object.fromEntries(
    Object.entries({ Title: safeMeta(d.meta.titolo), Author: safeMeta(d.meta.autore), Subject: safeMeta(d.meta.soggetto) }).filter(([, v]) => v !== ''),
  );
  const doc = new PDFDocument({
    size: 'A4',
    margins: M,
    subset: 'PDF/A-1b',
    pdfVersion: '1.4',
    tagged: true,
    lang: 'it-IT',
    // The TTF from the first line on: no text can ever be drawn in the built-in Helvetica.
    font: FONT_REGOLARE,
    bufferPages: true,
    autoFirstPage: true,
    info: { ...meta, Creator: 'dote', Producer: 'dote (pdfkit)', CreationDate: o.creationDate },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const fontOf = (file: string) => {
    doc.font(file);
    return (doc as unknown as { _font: { font: FontkitFont } })._font.font;
  };
  const cov = new Copertura([fontOf(FONT_GRASSETTO), fontOf(FONT_REGOLARE)]);
  const L = new Layout(doc, cov, o.stili);

  L.letterhead(d.intestazione.righe, logo);
  for (const b of d.blocchi) L.block(b);
  // The last line states the page count: it must fit on the page it is written on, so it is
  // placed first, and the count taken after.
  L.ensure(L.lineHeight('piccolo') + 6);
  L.y += 6;
  const pagine = doc.bufferedPageRange().count;
  L.paragraph('piccolo', d.chiusura.replaceAll('{pagine}', String(pagine)));
  L.strikeRest(d.annullaResto);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    L.foot(d.piede, d.numerazione.replaceAll('{n}', String(i + 1)).replaceAll('{m}', String(range.count)));
  }
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks), pagine: range.count, sostituzioni: cov.sostituzioni };
}

const FALLBACK: Stile = { font: 'regolare', corpo: 9, colore: '#000000', spazioDopo: 4, allineamento: 'left' };

/** The cursor and the drawing of each kind of block. */
class Layout {
  y = M.top;
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly cov: Copertura,
    private readonly stili: Stili,
  ) {}

  style(name: string): Stile {
    return this.stili[name] ?? FALLBACK;
  }

  use(s: Stile, bold = false): void {
    this.doc.font(bold || s.font === 'grassetto' ? FONT_GRASSETTO : FONT_REGOLARE).fontSize(s.corpo).fillColor(s.colore);
  }

  lineHeight(name: string): number {
    this.use(this.style(name));
    return this.doc.currentLineHeight(true);
  }

  newPage(): void {
    this.doc.addPage();
    this.y = M.top;
  }

  /** A new page unless `h` points fit above the bottom margin. */
  ensure(h: number): boolean {
    if (this.y + h <= BOTTOM) return false;
    this.newPage();
    return true;
  }

  /** A paragraph; a long one flows onto the next page line by line. */
  paragraph(name: string, text: string, x = M.left, width = W): void {
    const s = this.style(name);
    this.use(s);
    const t = this.cov.clean(text);
    const opts = { width, align: s.allineamento, lineGap: 1 };
    const h = this.doc.heightOfString(t, opts);
    if (h <= BOTTOM - M.top) this.ensure(h);
    this.doc.text(t, x, this.y, opts);
    this.y = this.doc.y + s.spazioDopo;
  }

  letterhead(righe: readonly string[], logo: Buffer | null): void {
    const top = this.y;
    let x = M.left;
    let bottom = top;
    if (logo) {
      this.doc.image(logo, M.left, top, { fit: [64, 64] });
      x += 76;
      bottom = top + 64;
    }
    righe.forEach((r, i) => {
      this.use(this.style(i === 0 ? 'intestazione' : 'intestazione-riga'));
      this.doc.text(this.cov.clean(r), x, this.y, { width: M.left + W - x });
      this.y = this.doc.y;
    });
    this.y = Math.max(this.y, bottom) + 6;
    this.doc.moveTo(M.left, this.y).lineTo(M.left + W, this.y).lineWidth(0.8).strokeColor('#000000').stroke();
    this.y += 12;
  }

  block(b: Blocco): void {
    switch (b.tipo) {
      case 'testo':
        return this.paragraph(b.stile, b.testo);
      case 'spazio':
        this.y += b.punti;
        return;
      case 'campi':
        return this.fields(b.titolo, b.righe);
      case 'tabella':
        return this.table(b.colonne, b.righe, b.altezzaMinima ?? 0);
      case 'firme':
        return this.signatures(b.firme);
      case 'riquadro':
        return this.box(b.etichetta, b.altezza, b.larghezza);
    }
  }

  fields(titolo: string | undefined, righe: readonly (readonly [string, string])[]): void {
    if (titolo) {
      this.ensure(this.lineHeight('sezione') * 2 + 14);
      this.paragraph('sezione', titolo);
    }
    const lw = W * 0.32;
    const vw = W - lw - 8;
    const label = this.style('etichetta');
    const value = this.style('valore');
    for (const [l, v] of righe) {
      const lt = this.cov.clean(l), vt = this.cov.clean(v || '—');
      this.use(label);
      const hl = this.doc.heightOfString(lt, { width: lw });
      this.use(value);
      const hv = this.doc.heightOfString(vt, { width: vw });
      this.ensure(Math.max(hl, hv));
      this.use(label);
      this.doc.text(lt, M.left, this.y, { width: lw });
      this.use(value);
      this.doc.text(vt, M.left + lw + 8, this.y, { width: vw });
      this.y += Math.max(hl, hv) + 2;
    }
    this.y += this.style('valore').spazioDopo + 4;
  }

  table(colonne: readonly Colonna[], righe: readonly (readonly (string | Cella)[])[], minH: number): void {
    const total = colonne.reduce((s, c) => s + c.larghezza, 0);
    const widths = colonne.map((c) => (c.larghezza / total) * W);
    const xs = widths.map((_, i) => M.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const head = this.style('tabella-intestazione');
    const body = this.style('tabella-cella');
    const cells = (row: readonly (string | Cella)[]) => row.map((c) => (typeof c === 'string' ? { testo: c } : c));

    // A cell is wrapped by wrapCell (word widths cached: a register's descriptions share their
    // words) and drawn line by line without pdfkit's line wrapper, which measured every word of
    // every cell twice, for its height and again to draw it (README "Prestazioni").
    const heightOf = (row: readonly Cella[], s: Stile) =>
      Math.max(
        ...row.map((c, i) => {
          this.use(s, c.grassetto);
          return Math.max(1, this.wrapCell(c.testo, widths[i]! - 2 * PAD, s, c.grassetto).length) * this.doc.currentLineHeight(true);
        }),
      ) + 2 * PAD;
    const headerCells = colonne.map((c) => ({ testo: c.titolo, grassetto: true }));
    const headerH = heightOf(headerCells, head);

    const drawRow = (row: readonly Cella[], h: number, s: Stile, fill: string | null) => {
      row.forEach((c, i) => {
        if (fill) this.doc.rect(xs[i]!, this.y, widths[i]!, h).fillColor(fill).fill();
        this.doc.rect(xs[i]!, this.y, widths[i]!, h).lineWidth(0.5).strokeColor(BORDER).stroke();
        this.use(s, c.grassetto);
        const inner = widths[i]! - 2 * PAD;
        const align = colonne[i]?.allineamento ?? 'left';
        const lh = this.doc.currentLineHeight(true);
        this.wrapCell(c.testo, inner, s, c.grassetto).forEach((line, k) => {
          const dx = align === 'right' ? inner - line.width : align === 'center' ? (inner - line.width) / 2 : 0;
          this.doc.text(line.text, xs[i]! + PAD + dx, this.y + PAD + k * lh, { lineBreak: false });
        });
      });
      this.y += h;
    };
    const drawHeader = () => drawRow(headerCells, headerH, head, HEAD_FILL);

    const rows = righe.map(cells);
    const firstH = rows.length ? Math.max(heightOf(rows[0]!, body), minH) : 0;
    this.ensure(headerH + firstH);
    drawHeader();
    // The tallest row a page can hold under its header; a taller one (a very long description)
    // is split into continuation rows, so that no text is ever cut or runs into the foot.
    const maxH = BOTTOM - M.top - headerH;
    for (let row of rows) {
      let h = Math.max(heightOf(row, body), minH);
      while (h > maxH) {
        if (BOTTOM - this.y < 4 * this.lineHeight('tabella-cella')) {
          this.newPage();
          drawHeader();
        }
        const [head, rest] = this.splitRow(row, widths, BOTTOM - this.y - 2 * PAD, body);
        drawRow(head, BOTTOM - this.y, body, null);
        this.newPage();
        drawHeader();
        row = rest;
        h = Math.max(heightOf(row, body), minH);
      }
      if (this.y + h > BOTTOM) {
        this.newPage();
        drawHeader();
      }
      drawRow(row, h, body, null);
    }
    this.y += body.spazioDopo + 6;
  }

  /**
   * Splits a row into what fits in `avail` points and the rest: each cell keeps the words that
   * fit (characters, for a word longer than the line), the rest goes on to a continuation row.
   */
  splitRow(row: readonly Cella[], widths: readonly number[], avail: number, s: Stile): [Cella[], Cella[]] {
    const head: Cella[] = [];
    const rest: Cella[] = [];
    row.forEach((c, i) => {
      this.use(s, c.grassetto);
      const lines = this.wrapCell(c.testo, widths[i]! - 2 * PAD, s, c.grassetto);
      const fit = Math.max(1, Math.floor(avail / this.doc.currentLineHeight(true)));
      if (lines.length <= fit) {
        head.push(c);
        rest.push({ ...c, testo: '' });
        return;
      }
      head.push({ ...c, testo: lines.slice(0, fit).map((l) => l.text).join('\n') });
      rest.push({ ...c, testo: `(segue) ${lines.slice(fit).map((l) => l.text).join(' ')}` });
    });
    return [head, rest];
  }

  /** Word widths by font and size: measured once each (fontkit's layout is the costly part). */
  private readonly wordWidths = new Map<string, number>();
  /** Lines of a cell by style, width and text. */
  private readonly wrapped = new Map<string, { text: string; width: number }[]>();

  /**
   * A cell's text in lines no wider than `width`, greedily by words (a word wider than the line
   * by characters), keeping its own line breaks; the font of `s` must be in use. The sum of the
   * word widths ignores kerning across a space, so a line is kept 0,5 pt inside the cell.
   */
  wrapCell(raw: string, width: number, s: Stile, bold = false): { text: string; width: number }[] {
    const fontKey = `${s.corpo}\u0000${bold || s.font === 'grassetto' ? 1 : 0}`;
    const key = `${fontKey}\u0000${width}\u0000${raw}`;
    const hit = this.wrapped.get(key);
    if (hit) return hit;
    const w = (t: string) => {
      const k = `${fontKey}\u0000${t}`;
      let v = this.wordWidths.get(k);
      if (v === undefined) {
        v = this.doc.widthOfString(t);
        this.wordWidths.set(k, v);
      }
      return v;
    };
    const max = width - 0.5;
    const space = w(' ');
    const lines: { text: string; width: number }[] = [];
    for (const para of this.cov.clean(raw).split('\n')) {
      let text = '';
      let lw = 0;
      const push = () => {
        lines.push({ text, width: lw });
        text = '';
        lw = 0;
      };
      for (const word of para.split(/\s+/).filter(Boolean)) {
        const ww = w(word);
        if (text && lw + space + ww <= max) {
          text += ` ${word}`;
          lw += space + ww;
          continue;
        }
        if (text) push();
        if (ww <= max) {
          text = word;
          lw = ww;
          continue;
        }
        // A word longer than the line: by characters.
        for (const ch of word) {
          const cw = w(ch);
          if (text && lw + cw > max) push();
          text += ch;
          lw += cw;
        }
      }
      if (text || !lines.length) push();
    }
    this.wrapped.set(key, lines);
    return lines;
  }

  signatures(firme: readonly { etichetta: string; nota?: string }[]): void {
    const gap = 24;
    // One signature takes the right half of the page, as on a letter.
    const w = firme.length === 1 ? (W - gap) / 2 : (W - gap * (firme.length - 1)) / firme.length;
    const x0 = firme.length === 1 ? M.left + W - w : M.left;
    const s = this.style('firma');
    const small = this.style('piccolo');
    const heights = firme.map((f) => {
      this.use(s);
      let h = this.doc.heightOfString(this.cov.clean(f.etichetta), { width: w });
      if (f.nota) {
        this.use(small);
        h += this.doc.heightOfString(this.cov.clean(f.nota), { width: w });
      }
      return h;
    });
    const h = Math.max(...heights) + 40;
    this.ensure(h);
    firme.forEach((f, i) => {
      const x = x0 + i * (w + gap);
      this.use(s);
      this.doc.text(this.cov.clean(f.etichetta), x, this.y, { width: w, align: 'center' });
      if (f.nota) {
        this.use(small);
        this.doc.text(this.cov.clean(f.nota), x, this.doc.y, { width: w, align: 'center' });
      }
      this.doc.moveTo(x + 10, this.y + h - 6).lineTo(x + w - 10, this.y + h - 6).lineWidth(0.5).strokeColor('#000000').stroke();
    });
    this.y += h + 10;
  }

  box(etichetta: string, altezza: number, larghezza: number): void {
    const s = this.style('piccolo');
    this.use(s);
    const lh = this.doc.currentLineHeight(true);
    this.ensure(altezza + lh + 4);
    const x = M.left + W - larghezza;
    this.doc.text(this.cov.clean(etichetta), x, this.y, { width: larghezza, align: 'center' });
    this.y += lh + 2;
    this.doc.rect(x, this.y, larghezza, altezza).lineWidth(0.5).dash(3, { space: 2 }).strokeColor(BORDER).stroke().undash();
    this.y += altezza + 10;
  }

  /**
   * A "Z" over the unused part of the last page (a register's blank space, struck through so that
   * nothing can be added after it is signed), with its caption; nothing when little is left.
   */
  strikeRest(etichetta: string | undefined): void {
    if (!etichetta) return;
    const top = this.y + 4;
    if (BOTTOM - top < 40) return;
    const l = M.left, r = M.left + W;
    this.doc.moveTo(l, top).lineTo(r, top).lineTo(l, BOTTOM).lineTo(r, BOTTOM).lineWidth(0.6).strokeColor(BORDER).stroke();
    const s = this.style('piccolo');
    this.use(s);
    const mid = (top + BOTTOM) / 2;
    const t = this.cov.clean(etichetta);
    const tw = this.doc.widthOfString(t) + 12;
    this.doc.rect((l + r) / 2 - tw / 2, mid - 8, tw, 16).fillColor('#ffffff').fill();
    this.use(s);
    this.doc.text(t, l, mid - 4, { width: W, align: 'center', lineBreak: false });
    this.y = BOTTOM;
  }

  /** Written after the layout, on every buffered page, below the bottom margin (margin set to 0 meanwhile, or pdfkit would add a page). */
  foot(left: string, right: string): void {
    const page = this.doc.page;
    const saved = page.margins.bottom;
    page.margins.bottom = 0;
    const y = A4.h - M.bottom + 22;
    this.doc.moveTo(M.left, y - 6).lineTo(M.left + W, y - 6).lineWidth(0.4).strokeColor(BORDER).stroke();
    this.use(this.style('piede'));
    this.doc.text(this.cov.clean(left), M.left, y, { width: W * 0.7, height: 10, lineBreak: false, ellipsis: true });
    this.doc.text(this.cov.clean(right), M.left + W * 0.7, y, { width: W * 0.3, align: 'right', lineBreak: false });
    page.margins.bottom = saved;
  }
}
