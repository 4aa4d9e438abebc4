/**
 * The findings of a batch check, sorted by file then line (docs/comandi.md), in bounded memory: a file
 * whose every row breaks a rule gives as many findings as rows, and holding them all (then their
 * JSON) took 400 MB for 200.000 rows. Up to SPILL_AT findings are kept; past that, each full batch
 * is sorted and written to a temporary file (a "run"), and reading them back merges the runs, so
 * memory stays at one batch plus one finding per run whatever their number (an external merge
 * sort). Equal (file, line) keep the order they were found in, as the in-memory sort did.
 *
 * A run's file is removed from the file system as soon as it is opened, and read back through the
 * descriptor: the findings (which name people's deliveries) never outlive the process, whether it
 * ends, is stopped with Ctrl-C or killed; the system frees the space when the descriptor closes.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Severity } from '../rules/types.js';

export interface Diagnostic {
  file: string;
  line: number;
  rule: string;
  severity: Severity;
  message: string;
  column: string | null;
}

/** The sorted findings of a call: read them with for…of, as many times as needed. */
export interface Findings extends Iterable<Diagnostic> {
  readonly length: number;
  /** How many findings of `rule` in column `column` (null: none), with `severity`, the file `file` has. */
  countOf(file: string, rule: string, column: string | null, severity: Severity): number;
}

interface Rec {
  fi: number;
  line: number;
  seq: number;
  d: Diagnostic;
}

const SPILL_AT = 50_000;
const READ_SIZE = 64 * 1024;

/**
 * A run's line: the fields separated by tabs, a backslash, tab or newline inside one escaped
 * (JSON per line took twice as long to write and read back). A null column is an empty field.
 */
const SPECIAL = /[\\\t\n]/;
const escape = (s: string) => (SPECIAL.test(s) ? s.replace(/[\\\t\n]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : '\\n')) : s);
const unescape = (s: string) => (s.includes('\\') ? s.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c)) : s);

const byPlace = (a: Rec, b: Rec) => a.fi - b.fi || a.line - b.line || a.seq - b.seq;

function groupKey(file: string, rule: string, column: string | null, severity: Severity): string {
  return `${file}\u0000${rule}\u0000${column ?? ''}\u0000${severity}`;
}

/** A run's records, one a line, read 64 KiB at a time from its descriptor (`fd`, kept open). */
class RunReader {
  private pending = '';
  private pos = 0;
  private done = false;
  private lines: string[] = [];
  private next = 0;
  private readonly buf = Buffer.allocUnsafe(READ_SIZE);
  constructor(private readonly fd: number) {}
  read(): Rec | null {
    while (this.next >= this.lines.length) {
      if (this.done) return null;
      const n = readSync(this.fd, this.buf, 0, READ_SIZE, this.pos);
      this.pos += n;
      if (n <= 0) {
        this.done = true;
        this.lines = this.pending ? [this.pending] : [];
        this.pending = '';
      } else {
        const text = this.pending + this.buf.toString('utf8', 0, n);
        const cut = text.lastIndexOf('\n');
        this.lines = cut === -1 ? [] : text.slice(0, cut).split('\n');
        this.pending = cut === -1 ? text : text.slice(cut + 1);
      }
      this.next = 0;
    }
    const [fi, line, seq, file, rule, severity, message, column] = this.lines[this.next++]!.split('\t') as [string, string, string, string, string, Severity, string, string];
    const n = +line;
    return { fi: +fi, line: n, seq: +seq, d: { file: unescape(file), line: n, rule, severity, message: unescape(message), column: column ? unescape(column) : null } };
  }
}

export class FindingStore implements Findings {
  private buf: Rec[] = [];
  private seq = 0;
  /** The runs' descriptors, their files already unlinked. */
  private runs: number[] = [];
  private groups = new Map<string, number>();
  private sorted = false;
  length = 0;

  /** `spillAt`: findings kept in memory before a batch goes to disk (tests use a small one). */
  constructor(private readonly spillAt = SPILL_AT) {}

  add(fi: number, d: Diagnostic): void {
    this.buf.push({ fi, line: d.line, seq: this.seq++, d });
    this.length++;
    const k = groupKey(d.file, d.rule, d.column, d.severity);
    this.groups.set(k, (this.groups.get(k) ?? 0) + 1);
    this.sorted = false;
    if (this.buf.length >= this.spillAt) this.spill();
  }

  countOf(file: string, rule: string, column: string | null, severity: Severity): number {
    return this.groups.get(groupKey(file, rule, column, severity)) ?? 0;
  }

  /** How many runs are on disk. */
  get spilled(): number {
    return this.runs.length;
  }

  /** Closes the runs' descriptors, which frees their space (also done when the process ends). */
  dispose(): void {
    for (const fd of this.runs) closeSync(fd);
    this.runs = [];
  }

  private spill(): void {
    this.buf.sort(byPlace);
    // A folder of its own, so that the name is new and no one else's file is opened.
    const dir = mkdtempSync(path.join(tmpdir(), 'dote-segnalazioni-'));
    const file = path.join(dir, 'run.tsv');
    let fd: number;
    try {
      fd = openSync(file, 'wx+', 0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true }); // the file with it: only the descriptor stays
    }
    try {
      for (let i = 0; i < this.buf.length; i += 1000) {
        const part = this.buf.slice(i, i + 1000).map(({ fi, line, seq, d }) => `${fi}\t${line}\t${seq}\t${escape(d.file)}\t${d.rule}\t${d.severity}\t${escape(d.message)}\t${d.column ? escape(d.column) : ''}`);
        writeSync(fd, `${part.join('\n')}\n`);
      }
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    this.runs.push(fd);
    this.buf = [];
  }

  *[Symbol.iterator](): Iterator<Diagnostic> {
    if (!this.sorted) {
      this.buf.sort(byPlace);
      this.sorted = true;
    }
    if (!this.runs.length) {
      for (const r of this.buf) yield r.d;
      return;
    }
    // The batch still in memory is one more run; each step takes the smallest head.
    const readers = this.runs.map((f) => new RunReader(f));
    let mem = 0;
    const heads: (Rec | null)[] = readers.map((r) => r.read());
    for (;;) {
      let best = -1;
      let bestRec: Rec | null = mem < this.buf.length ? this.buf[mem]! : null;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i]!;
        if (h && (!bestRec || byPlace(h, bestRec) < 0)) {
          best = i;
          bestRec = h;
        }
      }
      if (!bestRec) return;
      if (best === -1) mem++;
      else heads[best] = readers[best]!.read();
      yield bestRec.d;
    }
  }
}
