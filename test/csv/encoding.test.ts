import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectEncoding, CHUNK_SIZE } from '../../src/csv/encoding.js';
import { FIXTURES, tempDir } from '../helpers.js';

const t = tempDir();
afterAll(t.cleanup);

function file(name: string, bytes: Buffer): string {
  const p = path.join(t.dir, name);
  writeFileSync(p, bytes);
  return p;
}

describe('detectEncoding', () => {
  it('UTF-8 with and without BOM', () => {
    expect(detectEncoding(file('a.csv', Buffer.from('a;b\nè;€\n')))).toEqual({ encoding: 'utf-8', bom: false, bytes: 11 });
    expect(detectEncoding(file('b.csv', Buffer.from('\uFEFFa;b\n')))).toMatchObject({ encoding: 'utf-8', bom: true });
  });

  it('Windows-1252 when not UTF-8 (€ is 0x80, à 0xE0)', () => {
    expect(detectEncoding(file('c.csv', Buffer.from([0x61, 0x3b, 0x80, 0x0a, 0xe0, 0x0a])))).toMatchObject({ encoding: 'windows-1252' });
  });

  it('a multi-byte character split across two chunks is still UTF-8', () => {
    const prefix = Buffer.alloc(CHUNK_SIZE - 1, 0x61);
    expect(detectEncoding(file('d.csv', Buffer.concat([prefix, Buffer.from('€\n')])))).toMatchObject({ encoding: 'utf-8' });
  });

  it('bytes undefined in Windows-1252 and NUL bytes are problems, with their line', () => {
    const bad = detectEncoding(file('e.csv', Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0xe0, 0x81, 0x0a])));
    expect(bad.problem).toEqual({ line: 3, messageId: 'byteIllegibile', data: { byte: '0x81' } });
    const bin = detectEncoding(file('f.csv', Buffer.from([0x61, 0x0a, 0x00, 0x01])));
    expect(bin.problem).toEqual({ line: 1, messageId: 'byteNullo', data: { riga: 2 } });
  });

  it('a workbook saved instead of a CSV is named by its content, whatever its name', () => {
    const workbook = (name: string) => readFileSync(path.join(FIXTURES, 'workbooks', name));
    for (const [name, formato] of [['calendario.xlsx', 'xlsx'], ['calendario.ods', 'ods'], ['calendario.xls', 'xls']] as const) {
      // Renamed to .csv, as happens when a user picks the wrong "Salva con nome" type.
      expect(detectEncoding(file(`${formato}.csv`, workbook(name))).problem, name).toEqual({ line: 1, messageId: 'cartellaDiLavoro', data: { formato } });
    }
    expect(detectEncoding(file('archivio.csv', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('dati/calendario.csv')]))).problem).toMatchObject({ data: { formato: 'zip' } });
    // A CSV whose text begins with PK is just text.
    expect(detectEncoding(file('pk.csv', Buffer.from('PK;servizio\n'))).problem).toBeUndefined();
  });
});
