/**
 * A streaming, quote-aware CSV splitter that knows the physical line where every record starts.
 *
 * Why not csv-parse in the hot loop: its `info.lines` is the line where a record *ends*, a CRLF
 * inside quotes counts twice there, and with line information on it costs ~6 s per
 * million rows where this splitter takes ~1.5 s. csv-parse stays the reference: the tests and the
 * benchmark parse the same messy files with both and compare fields (test/csv/split.test.ts).
 *
 * Dialect: RFC 4180 quoting (a field that starts with `"` is quoted, `""` inside is a quote, a
 * quoted field may hold delimiters and line breaks); a `"` inside an unquoted field is an ordinary
 * character (csv-parse's `relax_quotes`). Records end at LF or CRLF; a file with no LF at all uses
 * CR alone. Fields are returned exactly as written (no trimming): values are cleaned by their
 * column parsers.
 */

/** A record that cannot be read, as one of csv/syntax's message ids (src/rules/csv-syntax.ts writes the text). */
export type SplitError = {
  /** Line where the broken record starts. */
  line: number;
} & ({ messageId: 'virgoletteAperte'; data: Record<string, never> } | { messageId: 'dopoChiusura'; data: { carattere: string; riga: number | null } });

/**
 * One record, valid only during the call that receives it (the splitter reuses it). A record on
 * one line without quotes is read in place: its fields are cut from the text only when asked for,
 * so a column nobody reads costs nothing, and there is no array of strings per row (a
 * `String.split` per row was a fifth of a million-row check). A record with quotes holds the
 * fields the quote-aware path decoded.
 */
export class CsvRecord {
  /** The text the record is in (line mode). */
  private text = '';
  /** Line mode: field i is text[starts[i], starts[i + 1] - 1). */
  private readonly starts: number[] = [];
  /** Quoted mode: the decoded fields; null in line mode. */
  private fields: string[] | null = null;
  private delimCode = 0;
  count = 0;

  /** @internal Points the record at text[from, to), split at `delim`. */
  setLine(text: string, from: number, to: number, delim: string): void {
    const starts = this.starts;
    let c = 0;
    starts[c++] = from;
    let at = from;
    for (;;) {
      const d = text.indexOf(delim, at);
      if (d === -1 || d >= to) break;
      starts[c++] = d + 1;
      at = d + 1;
    }
    starts[c] = to + 1;
    this.text = text;
    this.count = c;
    this.fields = null;
    this.delimCode = delim.charCodeAt(0);
  }

  /** @internal */
  setFields(fields: string[]): void {
    this.fields = fields;
    this.count = fields.length;
  }

  /** Field `i` exactly as written (no trimming). */
  field(i: number): string {
    const f = this.fields;
    if (f !== null) return f[i]!;
    return this.text.slice(this.starts[i]!, this.starts[i + 1]! - 1);
  }

  /** Field `i` without the white space around it (`field(i).trim()`, without the call when there is none). */
  trimmed(i: number): string {
    const f = this.fields;
    if (f !== null) return f[i]!.trim();
    const from = this.starts[i]!;
    const to = this.starts[i + 1]! - 1;
    if (from >= to) return '';
    const a = this.text.charCodeAt(from);
    const z = this.text.charCodeAt(to - 1);
    const s = this.text.slice(from, to);
    return a > 32 && a < 127 && z > 32 && z < 127 ? s : s.trim();
  }

  /** Whether every field is empty or white space (a blank row, `;;;` included). */
  isBlank(): boolean {
    if (this.fields === null) {
      // Quick answer for the common case: the record starts with a visible ASCII character.
      const from = this.starts[0]!;
      if (from < this.starts[this.count]! - 1) {
        const c = this.text.charCodeAt(from);
        if (c > 32 && c < 127 && c !== this.delimCode) return false;
      }
    }
    for (let i = 0; i < this.count; i++) {
      const f = this.field(i);
      if (f.length && f.trim().length) return false;
    }
    return true;
  }

  /** The fields as an array of their own (for the header, and tests). */
  toArray(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.field(i));
    return out;
  }
}

export type RecordSink = (record: CsvRecord, line: number) => void;

/** A quoted field longer than this is taken as an unclosed quote (keeps memory bounded). */
const MAX_QUOTED = 1 << 20;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvSplitter {
  private buf = '';
  private line = 1;
  /** Record separator: LF (CRLF too), or CR for files that have no LF at all; '' until known. */
  private eol: '' | '\n' | '\r' = '';
  private readonly delim: string;
  private readonly delimCode: number;
  private readonly record = new CsvRecord();
  /** The text held ends inside a record, which can only end at a record separator (or the file's end). */
  private open = false;

  constructor(
    delimiter: string,
    private readonly onRecord: RecordSink,
    private readonly onError: (e: SplitError) => void,
  ) {
    this.delim = delimiter;
    this.delimCode = delimiter.charCodeAt(0);
  }

  /** The line the next record will start on. */
  get currentLine(): number {
    return this.line;
  }

  push(text: string): void {
    this.buf = this.buf.length ? this.buf + text : text;
    if (!this.eol) {
      if (this.buf.indexOf('\n') !== -1) this.eol = '\n';
      else {
        // CR alone, unless it is the last character (its LF may be in the next chunk).
        const r = this.buf.indexOf('\r');
        if (r !== -1 && r < this.buf.length - 1) this.eol = '\r';
        else return;
      }
    }
    // Without a separator in the new text the open record cannot end yet: parsing it again would
    // read it from its first character once per chunk (seconds for a 10 MB line).
    if (this.open && text.indexOf(this.eol) === -1) return;
    this.run(false);
  }

  end(): void {
    if (!this.eol) this.eol = '\n';
    this.run(true);
    this.buf = '';
  }

  private run(final: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    const eol = this.eol;
    const delim = this.delim;
    let pos = 0;
    let quoteAt = buf.indexOf('"');
    if (quoteAt === -1) quoteAt = len + 1;
    while (pos < len) {
      let nl = buf.indexOf(eol, pos);
      if (quoteAt < pos) {
        quoteAt = buf.indexOf('"', pos);
        if (quoteAt === -1) quoteAt = len + 1;
      }
      if (nl === -1) {
        if (!final) break;
        nl = len;
      }
      if (quoteAt > nl) {
        // The common case: a record on one line with no quotes.
        let end = nl;
        if (eol === '\n' && end > pos && buf.charCodeAt(end - 1) === CR) end--;
        this.record.setLine(buf, pos, end, delim);
        this.onRecord(this.record, this.line);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quoted(buf, pos, final);
      if (next === -1) break; // needs more text
      pos = next;
    }
    this.buf = pos >= len ? '' : buf.slice(pos);
    this.open = pos < len;
  }

  /**
   * Parses one record that has a quote somewhere, character by character, from `start`.
   * Returns the position after the record, or -1 when the text ends before the record does.
   */
  private quoted(buf: string, start: number, final: boolean): number {
    const len = buf.length;
    const eolCode = this.eol === '\n' ? LF : CR;
    const delimCode = this.delimCode;
    const fields: string[] = [];
    let lines = 0;
    let i = start;
    for (;;) {
      // At the start of a field.
      if (i < len && buf.charCodeAt(i) === QUOTE) {
        const fieldStart = i;
        let value = '';
        let from = i + 1;
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q === -1 || q - fieldStart > MAX_QUOTED) {
            if (!final && (q === -1 ? len : q) - fieldStart <= MAX_QUOTED) return -1;
            return this.unclosed(buf, start);
          }
          // Count the line breaks inside the quoted text.
          for (let k = buf.indexOf(this.eol, i); k !== -1 && k < q; k = buf.indexOf(this.eol, k + 1)) lines++;
          if (q + 1 < len && buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(from, q + 1);
            i = q + 2;
            from = i;
            continue;
          }
          if (q + 1 >= len && !final) return -1; // is it `""`? the next chunk says
          value += buf.slice(from, q);
          i = q + 1;
          break;
        }
        fields.push(value);
        // After the closing quote: a delimiter, the end of the record, or nothing else.
        if (i >= len) {
          if (!final) return -1;
          this.emit(fields, lines);
          return len;
        }
        const c = buf.charCodeAt(i);
        if (c === delimCode) {
          i++;
          if (i >= len && !final) return -1;
          if (i >= len) {
            fields.push('');
            this.emit(fields, lines);
            return len;
          }
          continue;
        }
        if (c === eolCode) {
          this.emit(fields, lines);
          return i + 1;
        }
        if (c === CR && eolCode === LF) {
          if (i + 1 >= len && !final) return -1;
          if (i + 1 >= len || buf.charCodeAt(i + 1) === LF) {
            this.emit(fields, lines);
            return Math.min(i + 2, len);
          }
        }
        return this.badClosingQuote(buf, start, i, lines);
      }
      // An unquoted field: up to the next delimiter or the end of the record.
      let j = i;
      while (j < len) {
        const c = buf.charCodeAt(j);
        if (c === delimCode || c === eolCode) break;
        j++;
      }
      if (j >= len && !final) return -1;
      let end = j;
      const atEol = j >= len || buf.charCodeAt(j) === eolCode;
      if (atEol && eolCode === LF && end > i && buf.charCodeAt(end - 1) === CR) end--;
      fields.push(buf.slice(i, end));
      if (atEol) {
        this.emit(fields, lines);
        return Math.min(j + 1, len);
      }
      i = j + 1;
      if (i >= len) {
        if (!final) return -1;
        fields.push('');
        this.emit(fields, lines);
        return len;
      }
    }
  }

  private emit(fields: string[], extraLines: number): void {
    this.record.setFields(fields);
    this.onRecord(this.record, this.line);
    this.line += 1 + extraLines;
  }

  /** The rest of the file never closes the quote: report it and go on from the next line. */
  private unclosed(buf: string, start: number): number {
    this.onError({ line: this.line, messageId: 'virgoletteAperte', data: {} });
    return this.skipLine(buf, start);
  }

  private badClosingQuote(buf: string, start: number, at: number, linesBefore: number): number {
    const line = this.line + linesBefore;
    this.onError({ line: this.line, messageId: 'dopoChiusura', data: { carattere: buf[at]!, riga: line !== this.line ? line : null } });
    // Skip to the end of the physical line where the error is.
    this.line = line;
    return this.skipLine(buf, at);
  }

  private skipLine(buf: string, from: number): number {
    const nl = buf.indexOf(this.eol, from);
    this.line++;
    return nl === -1 ? buf.length : nl + 1;
  }
}

/**
 * Picks the delimiter from the header line: the most frequent of `;`, `,` and tab outside
 * quotes (spreadsheets in Italian locales write `;`, others `,`). Ties go to `;`.
 */
export function detectDelimiter(headerLine: string): string {
  let inQuotes = false;
  let semi = 0;
  let comma = 0;
  let tab = 0;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === ';') semi++;
    else if (c === ',') comma++;
    else if (c === '\t') tab++;
  }
  if (tab > semi && tab > comma) return '\t';
  return comma > semi ? ',' : ';';
}
