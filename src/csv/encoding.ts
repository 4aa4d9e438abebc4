/**
 * Which text encoding a CSV file is in (docs/csv.md: a UTF-8 BOM or Windows-1252). One quick
 * pass over the bytes before parsing, so that the parse that follows never has to start again:
 * UTF-8 when every byte sequence is valid UTF-8 (checked with node's native `isUtf8`), else
 * Windows-1252 when no byte is one of the five that code page leaves undefined; NUL bytes mean a
 * binary or UTF-16 file. A spreadsheet saved as a workbook instead of CSV is named by its first
 * bytes, whatever its extension: a ZIP (`PK\x03\x04`) holding `xl/` is Excel's .xlsx, one whose
 * `mimetype` is OpenDocument's spreadsheet is Calc's .ods; an OLE compound file (`D0 CF 11 E0`) is
 * Excel 97-2003's .xls. Every failure is a csv/encoding finding, never an exit.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** A file a spreadsheet saved in its own format instead of CSV (or another ZIP archive). */
export type Workbook = 'xlsx' | 'xls' | 'ods' | 'zip';

export interface EncodingInfo {
  encoding: TextEncoding;
  /** The file starts with a UTF-8 byte order mark (dropped by the decoder). */
  bom: boolean;
  bytes: number;
  /**
   * Why the file cannot be read as text: the 1-based line of the finding and what is wrong, as
   * one of csv/encoding's message ids (src/rules/csv-encoding.ts writes the text).
   */
  problem?: { line: number } & (
    | { messageId: 'byteNullo'; data: { riga: number } }
    | { messageId: 'byteIllegibile'; data: { byte: string } }
    | { messageId: 'cartellaDiLavoro'; data: { formato: Workbook } }
  );
}

export const CHUNK_SIZE = 1 << 20;

/** Bytes Windows-1252 does not define (iconv-lite would turn them into U+FFFD). */
const UNDEFINED_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** How many bytes at the end of `buf` (0-3) start a UTF-8 sequence that the next chunk completes. */
function incompleteTail(buf: Buffer, end: number): number {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const b = buf[end - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0x80) return 0;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** 1-based line of byte `offset`: newlines before it, plus one. */
function lineOfOffset(path: string, offset: number): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK_SIZE);
    let line = 1;
    let pos = 0;
    while (pos < offset) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK_SIZE, offset - pos), pos);
      if (n <= 0) break;
      let i = buf.indexOf(10, 0);
      while (i !== -1 && i < n) {
        line++;
        i = buf.indexOf(10, i + 1);
      }
      pos += n;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Which workbook the first bytes of a file are, or null for anything else. */
export function workbookOf(head: Buffer): Workbook | null {
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return 'xls';
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) return null;
  // The names of the first entries are in clear in their local headers; an .ods starts with its
  // uncompressed `mimetype` entry (OpenDocument 1.2, part 3, 3.3).
  const names = head.toString('latin1');
  if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (names.includes('xl/') || names.includes('[Content_Types].xml')) return 'xlsx';
  return 'zip';
}

/** Reads the whole file once (in chunks, constant memory) and decides how to decode it. */
export function detectEncoding(path: string): EncodingInfo {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(CHUNK_SIZE + 4);
  let pos = 0;
  let carry = 0;
  let utf8 = true;
  let bom = false;
  let nulAt = -1;
  const undefinedAt = new Map<number, number>();
  try {
    for (;;) {
      const n = readSync(fd, buf, carry, CHUNK_SIZE, pos);
      if (n <= 0) break;
      const end = carry + n;
      if (pos === 0) {
        const formato = workbookOf(buf.subarray(0, end));
        // Not text: the finding is about the whole file (line 1), named for what it is.
        if (formato) return { encoding: 'utf-8', bom: false, bytes: end, problem: { line: 1, messageId: 'cartellaDiLavoro', data: { formato } } };
      }
      if (pos === 0 && end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) bom = true;
      const chunkStart = pos - carry;
      if (nulAt < 0) {
        const z = buf.indexOf(0, carry);
        if (z !== -1 && z < end) nulAt = chunkStart + z;
      }
      for (const b of UNDEFINED_1252) {
        if (undefinedAt.has(b)) continue;
        const i = buf.indexOf(b, carry);
        if (i !== -1 && i < end) undefinedAt.set(b, chunkStart + i);
      }
      pos += n;
      if (utf8) {
        const tail = incompleteTail(buf, end);
        if (!isUtf8(buf.subarray(0, end - tail))) utf8 = false;
        else {
          buf.copyWithin(0, end - tail, end);
          carry = tail;
        }
      }
      if (!utf8) carry = 0;
      if (nulAt >= 0) break;
    }
    if (utf8 && carry > 0) utf8 = false; // the file ends inside a multi-byte sequence
  } finally {
    closeSync(fd);
  }
  if (nulAt >= 0) {
    return {
      encoding: 'utf-8',
      bom,
      bytes: pos,
      // A file with NUL bytes is not text at all: the finding is about the whole file (line 1).
      problem: { line: 1, messageId: 'byteNullo', data: { riga: lineOfOffset(path, nulAt) } },
    };
  }
  if (utf8) return { encoding: 'utf-8', bom, bytes: pos };
  if (undefinedAt.size) {
    const [b, at] = [...undefinedAt.entries()].sort((x, y) => x[1] - y[1])[0]!;
    return {
      encoding: 'windows-1252',
      bom,
      bytes: pos,
      problem: { line: lineOfOffset(path, at), messageId: 'byteIllegibile', data: { byte: hex(b) } },
    };
  }
  return { encoding: 'windows-1252', bom: false, bytes: pos };
}
