/**
 * Mutations of valid input, the hostile files a back office really receives: bytes flipped, fields
 * cut, quotes left open, NUL bytes, CR-only line ends, UTF-16, a 10 MB line, 100.000 columns; and
 * for the JSON files (catalogues, templates) values of the wrong type, size or sign, keys removed or
 * added. Each mutation says what it did, so that a failure can be written as a test.
 */
import type { Rng } from './prng.js';

export interface Mutated {
  bytes: Buffer;
  ops: string[];
}

/** The two mutations that make huge inputs: run on a few iterations only (they cost time). */
export type HugeKind = 'riga-10MB' | '100000-colonne';

const SEPARATORS = [';', ',', '\t', '|'];
const NASTY_VALUES = ['', '"', '""', '\0', '99999999999999999999', '-1', '31/02/2022', '29/02/2023', '00/00/0000', '25:00', '23:60', '9.99', '1e308', 'Infinity', '٣', '🙂', '\u202e', '\ufeff', 'x'.repeat(5000), '=1+1', '\\', '\r', '\n'];

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

type TextOp = (rng: Rng, text: string) => string;

const TEXT_OPS: Record<string, TextOp> = {
  'campo-tagliato': (rng, text) => {
    const ls = lines(text);
    const i = rng.int(ls.length);
    const fields = ls[i]!.split(';');
    fields.splice(rng.int(fields.length), 1);
    ls[i] = fields.join(';');
    return ls.join('\n');
  },
  'campo-in-piu': (rng, text) => {
    const ls = lines(text);
    const i = rng.int(ls.length);
    ls[i] = `${ls[i]};${rng.pick(NASTY_VALUES)}`;
    return ls.join('\n');
  },
  'valore-ostile': (rng, text) => {
    const ls = lines(text);
    const i = rng.int(ls.length);
    const fields = ls[i]!.split(';');
    fields[rng.int(fields.length)] = rng.pick(NASTY_VALUES);
    ls[i] = fields.join(';');
    return ls.join('\n');
  },
  'virgolette-aperte': (rng, text) => {
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + '"' + text.slice(at);
  },
  'virgolette-chiuse-a-meta': (rng, text) => {
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + '"a"b"' + text.slice(at);
  },
  'solo-cr': (_rng, text) => text.replace(/\r?\n/g, '\r'),
  'crlf-misti': (rng, text) => text.replace(/\n/g, () => (rng.chance(0.5) ? '\r\n' : '\n')),
  'riga-doppia': (rng, text) => {
    const ls = lines(text);
    const i = rng.int(ls.length);
    ls.splice(i, 0, ls[i]!);
    return ls.join('\n');
  },
  'riga-tolta': (rng, text) => {
    const ls = lines(text);
    ls.splice(rng.int(ls.length), 1);
    return ls.join('\n');
  },
  'righe-scambiate': (rng, text) => {
    const ls = lines(text);
    const a = rng.int(ls.length);
    const b = rng.int(ls.length);
    [ls[a], ls[b]] = [ls[b]!, ls[a]!];
    return ls.join('\n');
  },
  'separatore-cambiato': (rng, text) => {
    const to = rng.pick(SEPARATORS);
    return rng.chance(0.5) ? text.replaceAll(';', to) : text.replace(';', to);
  },
  'cifra-cambiata': (rng, text) => {
    const digits = [...text.matchAll(/\d/g)];
    if (!digits.length) return text;
    const at = rng.pick(digits).index!;
    return text.slice(0, at) + String(rng.int(10)) + text.slice(at + 1);
  },
  'intestazione-storpiata': (rng, text) => {
    const ls = lines(text);
    const fields = ls[0]!.split(';');
    const i = rng.int(fields.length);
    fields[i] = rng.chance(0.5) ? fields[i]!.toUpperCase() + ' ' : rng.pick(['', 'id_dote', 'servizio', 'data', '???']);
    ls[0] = fields.join(';');
    return ls.join('\n');
  },
  'senza-intestazione': (_rng, text) => lines(text).slice(1).join('\n'),
  'solo-intestazione': (_rng, text) => lines(text)[0]!,
  vuoto: () => '',
  'righe-vuote': (rng, text) => {
    const ls = lines(text);
    ls.splice(rng.int(ls.length + 1), 0, '', ';;;;', '   ');
    return ls.join('\n');
  },
};

type ByteOp = (rng: Rng, bytes: Buffer) => Buffer;

const BYTE_OPS: Record<string, ByteOp> = {
  'bit-invertito': (rng, b) => {
    if (!b.length) return b;
    const c = Buffer.from(b);
    for (let k = 1 + rng.int(4); k > 0; k--) c[rng.int(c.length)]! ^= 1 << rng.int(8);
    return c;
  },
  'byte-a-caso': (rng, b) => {
    if (!b.length) return b;
    const c = Buffer.from(b);
    for (let k = 1 + rng.int(8); k > 0; k--) c[rng.int(c.length)] = rng.int(256);
    return c;
  },
  nul: (rng, b) => {
    const at = rng.int(b.length + 1);
    return Buffer.concat([b.subarray(0, at), Buffer.alloc(1 + rng.int(3)), b.subarray(at)]);
  },
  troncato: (rng, b) => b.subarray(0, rng.int(b.length + 1)),
  'utf-16le': (rng, b) => Buffer.concat([rng.chance(0.7) ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(b.toString('utf8'), 'utf16le')]),
  'utf-16be': (rng, b) => {
    const le = Buffer.from(b.toString('utf8'), 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i + 1 < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    return Buffer.concat([rng.chance(0.7) ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), be]);
  },
  'latin-1': (_rng, b) => Buffer.from(b.toString('utf8'), 'latin1'),
  'bom-doppio': (_rng, b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), b]),
  'utf8-spezzato': (rng, b) => {
    const at = rng.int(b.length + 1);
    return Buffer.concat([b.subarray(0, at), Buffer.from([rng.pick([0xc3, 0xe2, 0xf0, 0x80, 0xbf])]), b.subarray(at)]);
  },
};

const TEXT_NAMES = Object.keys(TEXT_OPS);
const BYTE_NAMES = Object.keys(BYTE_OPS);

/** One to three mutations of a CSV file, text-level or byte-level. */
export function mutateCsv(rng: Rng, input: Buffer): Mutated {
  let bytes = input;
  const ops: string[] = [];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    if (rng.chance(0.55)) {
      const name = rng.pick(TEXT_NAMES);
      bytes = Buffer.from(TEXT_OPS[name]!(rng, bytes.toString('utf8')), 'utf8');
      ops.push(name);
    } else {
      const name = rng.pick(BYTE_NAMES);
      bytes = BYTE_OPS[name]!(rng, bytes);
      ops.push(name);
    }
  }
  return { bytes, ops };
}

/** A huge CSV from a valid one: a 10 MB line in the middle, or a line of 100.000 columns. */
export function hugeCsv(rng: Rng, input: Buffer, kind: HugeKind): Mutated {
  const ls = lines(input.toString('utf8'));
  const at = 1 + rng.int(Math.max(1, ls.length - 1));
  const line = kind === 'riga-10MB' ? `${ls[at] ?? ''};${'x'.repeat(10 * 1024 * 1024)}` : Array.from({ length: 100_000 }, (_, i) => (i % 7 === 0 ? '' : String(i))).join(';');
  ls.splice(at, 0, line);
  return { bytes: Buffer.from(ls.join('\n'), 'utf8'), ops: [kind] };
}

const NASTY_JSON: unknown[] = [null, -1, 0, 1.5, 1e308, -1e308, 2 ** 53 + 1, '', ' ', 'x'.repeat(100_000), '{', '{sconosciuto}', '\u0000', '31/02/2022', '99:99', [], {}, [[[]]], true, false, { a: 1 }, ['x']];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container (object or array) in `v`, with the path to it. */
function containers(v: Json, path: string, out: { node: Json[] | Record<string, Json>; path: string }[]): void {
  if (Array.isArray(v)) {
    out.push({ node: v, path });
    v.forEach((x, i) => containers(x, `${path}[${i}]`, out));
  } else if (v !== null && typeof v === 'object') {
    out.push({ node: v, path });
    for (const [k, x] of Object.entries(v)) containers(x, `${path}.${k}`, out);
  }
}

/** One to three mutations of a JSON file: mostly of its values (so that it still parses), sometimes of its bytes. */
export function mutateJson(rng: Rng, input: Buffer): Mutated {
  if (rng.chance(0.2)) {
    const name = rng.pick(['bit-invertito', 'byte-a-caso', 'nul', 'troncato', 'utf-16le', 'utf8-spezzato', 'bom-doppio']);
    return { bytes: BYTE_OPS[name]!(rng, input), ops: [name] };
  }
  const doc = JSON.parse(input.toString('utf8')) as Json;
  const ops: string[] = [];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const all: { node: Json[] | Record<string, Json>; path: string }[] = [];
    containers(doc, '', all);
    const { node, path } = rng.pick(all);
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    const what = rng.int(4);
    if (what === 3 || !keys.length) {
      const key = Array.isArray(node) ? node.length : rng.pick(['extra', 'codice', 'id', 'minuti', '__proto__', 'constructor']);
      (node as Record<string | number, Json>)[key] = structuredClone(rng.pick(NASTY_JSON)) as Json;
      ops.push(`aggiunto ${path}.${key}`);
      continue;
    }
    const key = rng.pick(keys as (string | number)[]);
    if (what === 0) {
      if (Array.isArray(node)) node.splice(key as number, 1);
      else delete node[key as string];
      ops.push(`tolto ${path}.${key}`);
    } else if (what === 1) {
      const value = structuredClone(rng.pick(NASTY_JSON)) as Json;
      (node as Record<string | number, Json>)[key] = value;
      ops.push(`${path}.${key} = ${JSON.stringify(value)?.slice(0, 40)}`);
    } else {
      const old = (node as Record<string | number, Json>)[key];
      const value = typeof old === 'number' ? rng.pick([-old, old * 1000, old + 0.5, 0]) : typeof old === 'string' ? rng.pick([old.repeat(50), old.slice(1), `${old}{x}`, old.toUpperCase()]) : old;
      (node as Record<string | number, Json>)[key] = value as Json;
      ops.push(`${path}.${key} alterato`);
    }
  }
  return { bytes: Buffer.from(JSON.stringify(doc, null, 2), 'utf8'), ops };
}
