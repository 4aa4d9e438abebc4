/**
 * The hand-written splitter against csv-parse, the reference: same fields on the
 * same messy inputs, whatever the chunking, and start lines that are right where csv-parse's
 * `info.lines` is not (it gives the END line, and counts a CRLF inside quotes twice).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvSplitter, detectDelimiter, type SplitError } from '../../src/csv/split.js';

interface Rec {
  fields: string[];
  line: number;
}

function split(text: string, delimiter: string, chunks: number[] = [text.length]): { records: Rec[]; errors: SplitError[] } {
  const records: Rec[] = [];
  const errors: SplitError[] = [];
  const s = new CsvSplitter(delimiter, (rec, line) => records.push({ fields: rec.toArray(), line }), (e) => errors.push(e));
  let pos = 0;
  let i = 0;
  while (pos < text.length) {
    const n = Math.max(1, chunks[i++ % chunks.length]!);
    s.push(text.slice(pos, pos + n));
    pos += n;
  }
  s.end();
  return { records, errors };
}

/**
 * csv-parse's records, with start lines computed from its end lines on the text with line ends
 * normalised to LF (where its count is right): start = end - line breaks inside the record.
 */
function reference(text: string, delimiter: string): Rec[] {
  const opts = { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, bom: true } as const;
  const fields = (parse(text, opts) as string[][]).map((r) => r);
  const lf = parse(text.replace(/\r\n?/g, '\n'), { ...opts, info: true, raw: true }) as { info: { lines: number }; raw: string }[];
  expect(lf.length).toBe(fields.length);
  return fields.map((f, i) => {
    const raw = lf[i]!.raw;
    const inner = (raw.match(/\n/g) ?? []).length - (raw.endsWith('\n') ? 1 : 0);
    return { fields: f, line: lf[i]!.info.lines - inner };
  });
}

const MESSY: Record<string, { text: string; delimiter: string }> = {
  'semicolon, CRLF, quoted CRLF newlines, blank and trailing blank lines': {
    delimiter: ';',
    text:
      'id_dote;servizio;data;descrizione\r\n' +
      'CR-1;QD1;21/03/2022;"prima riga\r\nseconda riga"\r\n' +
      'CR-1;QD2;22/03/2022;"tre\r\n\r\nrighe; con ; separatori"\r\n' +
      '\r\n' +
      'CR-2;QT6;23/03/2022;"virgolette ""doppie"" dentro"\r\n' +
      'CR-2;QT6;24/03/2022;""\r\n' +
      'CR-3;QD1;25/03/2022;fine\r\n' +
      '\r\n\r\n',
  },
  'comma, LF, quoted delimiters, empty fields, no final newline': {
    delimiter: ',',
    text: 'a,b,c\n"1,5",,x\n"",""," spazi "\nlast,"q\nq",end',
  },
  'quote inside an unquoted field is a character (relax_quotes)': {
    delimiter: ';',
    text: 'a;b\nsei 5" di schermo;x\n"ok";y\n',
  },
  'CR-only line ends': {
    delimiter: ';',
    text: 'a;b\r1;"due\rrighe"\r3;4\r',
  },
  'quoted field at the end of a CRLF line and one spanning many lines': {
    delimiter: ';',
    text: 'a;b\r\nx;"y"\r\n"p\r\nq\r\nr";"s"\r\nz;w\r\n',
  },
};

describe('CsvSplitter matches csv-parse', () => {
  for (const [name, { text, delimiter }] of Object.entries(MESSY)) {
    it(name, () => {
      const ref = reference(text, delimiter);
      const whole = split(text, delimiter);
      expect(whole.errors).toEqual([]);
      expect(whole.records).toEqual(ref);
      // Any chunking gives the same records and lines.
      for (const chunks of [[1], [2], [3], [5], [7, 1, 4], [13]]) {
        expect(split(text, delimiter, chunks).records).toEqual(ref);
      }
    });
  }
});

describe('start lines', () => {
  it('are exact after CRLF quoted newlines, where csv-parse info.lines drifts', () => {
    const text = 'h1;h2\r\n1;"a\r\nb"\r\n2;x\r\n3;"c\r\nd\r\ne"\r\n4;y\r\n';
    const lines = split(text, ';').records.map((r) => r.line);
    expect(lines).toEqual([1, 2, 4, 5, 8]);
    // The pitfall this guards against: csv-parse's own numbers on the CRLF text.
    const raw = parse(text, { delimiter: ';', info: true }) as { info: { lines: number } }[];
    expect(raw.map((r) => r.info.lines)).not.toEqual([1, 2, 4, 5, 8]);
  });

  it('count blank lines', () => {
    expect(split('h\n\n\na\n\nb\n', ';').records.map((r) => [r.fields.join('|'), r.line])).toEqual([
      ['h', 1],
      ['', 2],
      ['', 3],
      ['a', 4],
      ['', 5],
      ['b', 6],
    ]);
  });
});

describe('broken quoting', () => {
  it('an unclosed quote is reported at its record and the lines after it are read again', () => {
    const { records, errors } = split('h1;h2\n1;"aperta\n2;b\n3;c\n', ';');
    expect(errors.map((e) => e.line)).toEqual([2]);
    expect(records.map((r) => [r.fields, r.line])).toEqual([
      [['h1', 'h2'], 1],
      [['2', 'b'], 3],
      [['3', 'c'], 4],
    ]);
  });

  it('text after a closing quote is reported and the line skipped', () => {
    const { records, errors } = split('h1;h2\n1;"a"b\n2;c\n', ';');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(2);
    expect(records.map((r) => r.line)).toEqual([1, 3]);
  });

  it('a quote that never closes in a chunked stream is found at the end', () => {
    const text = `h\n"${'x'.repeat(5000)}\n`;
    const { errors } = split(text, ';', [1000]);
    expect(errors.map((e) => e.line)).toEqual([2]);
  });
});

describe('detectDelimiter', () => {
  it('picks ; , or tab from the header, ignoring quoted text', () => {
    expect(detectDelimiter('id_dote;servizio;data')).toBe(';');
    expect(detectDelimiter('id_dote,servizio,data')).toBe(',');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('solo')).toBe(';');
  });
});

describe('CsvRecord', () => {
  function blanks(text: string): boolean[] {
    const out: boolean[] = [];
    const s = new CsvSplitter(';', (rec) => out.push(rec.isBlank()), () => {});
    s.push(text);
    s.end();
    return out;
  }

  it('is blank when every field is empty or white space, quoted or not, whatever the first character', () => {
    expect(blanks(';;;\n \t; ;\n\u00a0;\n"";" "\n\r\n')).toEqual([true, true, true, true, true]);
  });

  it('is not blank when any field has something, first or later', () => {
    expect(blanks('a;;\n;;b\n ;x;\n\u00a0x;\n"";"y"\n;\u00e8\n')).toEqual([false, false, false, false, false, false]);
  });

  it('trims fields like String.trim, ASCII and Unicode white space alike', () => {
    const got: string[][] = [];
    const s = new CsvSplitter(';', (rec) => got.push(Array.from({ length: rec.count }, (_, i) => rec.trimmed(i))), () => {});
    s.push('a; b ;\tc\t;;  ;\u00a0d\u00a0;è;x y\r\n"q ";" r"\n');
    s.end();
    expect(got).toEqual([
      ['a', 'b', 'c', '', '', 'd', 'è', 'x y'],
      ['q', 'r'],
    ]);
  });

  it('reads fields in place, CR of CRLF excluded, and gives the same fields as an array', () => {
    const got: { f: string[]; second: string | null; count: number }[] = [];
    const s = new CsvSplitter(';', (rec) => got.push({ f: rec.toArray(), second: rec.count > 1 ? rec.field(1) : null, count: rec.count }), () => {});
    s.push('a; b ;c\r\n;;\r\nx\r\n');
    s.end();
    expect(got).toEqual([
      { f: ['a', ' b ', 'c'], second: ' b ', count: 3 },
      { f: ['', '', ''], second: '', count: 3 },
      { f: ['x'], second: null, count: 1 },
    ]);
  });
});
