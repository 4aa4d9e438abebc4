/**
 * The crashes and bad messages the fuzz campaign found (test/fuzz/campaign.ts), each as the
 * smallest input that shows it, kept as regular tests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplate, builtinTemplateFile } from '../../src/pdf/templates.js';
import { UsageError } from '../../src/errors.js';
import { CsvSplitter } from '../../src/csv/split.js';
import { tempDir } from '../helpers.js';

const t = tempDir('dote-fuzz-repro-');
afterAll(() => t.cleanup());

/** A --modelli folder holding `pip.json` with these bytes. */
function modelli(name: string, bytes: Buffer): string {
  const dir = path.join(t.dir, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'pip.json'), bytes);
  return dir;
}

function loadError(dir: string): UsageError {
  try {
    loadTemplate('pip', dir);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('the template loaded');
}

describe('a user template that is not readable JSON', () => {
  const pip = readFileSync(builtinTemplateFile('pip'));

  it('saved as UTF-16: one line, in Italian, without the bytes of the file', () => {
    const e = loadError(modelli('utf16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pip.toString('utf8'), 'utf16le')])));
    expect(e.message).not.toMatch(/[\n\r\0]/);
    expect(e.message).not.toMatch(/is not valid JSON|Unexpected/);
    expect(e.message).toMatch(/^modello "pip" \(.*pip\.json\): non è un file JSON leggibile \(.+\)$/);
  });

  it('cut short or broken in the middle: one line saying where', () => {
    const cut = loadError(modelli('troncato', pip.subarray(0, 200)));
    expect(cut.message).not.toMatch(/[\n\r]/);
    expect(cut.message).toMatch(/non è un file JSON leggibile \(riga 7, colonna 1: sintassi JSON non valida vicino a ""\)$/);
    const open = loadError(modelli('aperto', Buffer.from('{"documento":')));
    expect(open.message).toMatch(/non è un file JSON leggibile \(il file finisce prima della chiusura di tutte le parentesi\)$/);
    const text = pip.toString('utf8');
    const broken = loadError(modelli('rotto', Buffer.from(text.replace('"stili"', '"stili" x'))));
    expect(broken.message).not.toMatch(/[\n\r]/);
    expect(broken.message).toMatch(/non è un file JSON leggibile \(carattere inatteso "x": non è JSON\)$/);
  });
});

describe('a 10 MB record read in chunks', () => {
  /** Milliseconds to split `text` given in chunks of `size` characters, and the records' field counts. */
  function timeSplit(text: string, size: number): { ms: number; fields: number[] } {
    const fields: number[] = [];
    const s = new CsvSplitter(';', (rec) => fields.push(rec.toArray().length), () => undefined);
    const started = performance.now();
    for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
    s.end();
    return { ms: performance.now() - started, fields };
  }

  // A quote in the middle of a field sends the record down the careful path, which used to start
  // again from the record's first character at every chunk read: 10 MB took seconds, not milliseconds.
  it('costs about what it costs in one piece (not a rescan of the record per chunk)', () => {
    const text = `a;b;c\nscheda delle competenze";21/03/2022;${'x'.repeat(10 * 1024 * 1024)}\nd;e;f\n`;
    const whole = timeSplit(text, text.length);
    const chunked = timeSplit(text, 16 * 1024);
    expect(chunked.fields).toEqual(whole.fields);
    expect(chunked.ms).toBeLessThan(whole.ms * 10 + 300);
  });
});
