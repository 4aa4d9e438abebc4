/**
 * A document as plain data: what the generic renderer (render.ts) lays out on A4 pages. The
 * documents (src/documents/) build one from a use case's values and a template's wording and
 * styles; nothing here knows pdfkit, so the documents can be tested without rendering.
 */

/** A named style of a template (templates/*.json, `stili`). */
export interface Stile {
  font: 'regolare' | 'grassetto';
  /** Points. */
  corpo: number;
  /** `#rrggbb`. */
  colore: string;
  /** Space after the block, in points. */
  spazioDopo: number;
  allineamento: 'left' | 'center' | 'right' | 'justify';
}

export type Stili = Record<string, Stile>;

export interface Colonna {
  titolo: string;
  /** Share of the table's width (the shares are normalised to the width). */
  larghezza: number;
  allineamento?: 'left' | 'center' | 'right';
}

export interface Cella {
  testo: string;
  /** Bold (a totals row, a label). */
  grassetto?: boolean;
}

export type Blocco =
  /** A paragraph in a named style. */
  | { tipo: 'testo'; stile: string; testo: string }
  /** Label / value pairs in two columns (the person, the dote). */
  | { tipo: 'campi'; titolo?: string; righe: readonly (readonly [string, string])[] }
  /**
   * A table that paginates itself: each row measured, a row that does not fit goes to the next
   * page, where the header row is drawn again. `altezzaMinima` leaves room to sign in a row.
   */
  | { tipo: 'tabella'; colonne: readonly Colonna[]; righe: readonly (readonly (string | Cella)[])[]; altezzaMinima?: number }
  /** Signature blocks side by side: a label, an optional line under it, and a ruled line to sign on. */
  | { tipo: 'firme'; firme: readonly { etichetta: string; nota?: string }[] }
  /** An empty framed box (the sede's stamp), with its caption. */
  | { tipo: 'riquadro'; etichetta: string; altezza: number; larghezza: number }
  | { tipo: 'spazio'; punti: number };

export interface Documento {
  /** Info dictionary and XMP (kept identical: see render.ts, `safeMeta`). */
  meta: { titolo: string; autore: string; soggetto: string };
  /** Letterhead lines, the first in bold; an optional logo file (JPEG, or PNG without transparency). */
  intestazione: { righe: readonly string[]; logo?: string | null };
  blocchi: readonly Blocco[];
  /** The last line, with `{pagine}` for the page count (known only then). */
  chiusura: string;
  /** When set, the unused part of the last page is struck through, with this caption (registers). */
  annullaResto?: string;
  /** Left side of every page's foot (e.g. the generation date); the right side is "Pagina N di M". */
  piede: string;
  /** "Pagina {n} di {m}". */
  numerazione: string;
}
