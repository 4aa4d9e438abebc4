/**
 * Output that may be large (the findings of `verifica` and `importa`), written as it is made
 * rather than built as one string: 200.000 findings are 58 MB of JSON. Writes go straight to the
 * file descriptor, synchronously, 64 KiB at a time, so nothing queues up in memory.
 */
import { writeSync } from 'node:fs';

const FLUSH_AT = 64 * 1024;

export interface TextSink {
  write(s: string): void;
  end(): void;
}

/** A sink on a file descriptor (stdout by default); a full non-blocking pipe is waited on. */
export function fdSink(fd = 1): TextSink {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (!size) return;
    let data = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    size = 0;
    while (data.length) {
      try {
        const n = writeSync(fd, data);
        data = data.subarray(n);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
  };
  return {
    write(s) {
      parts.push(s);
      size += s.length;
      if (size >= FLUSH_AT) flush();
    },
    end: flush,
  };
}

/** A sink that keeps everything (tests, and callers that want the text as a string). */
export function stringSink(): TextSink & { text(): string } {
  const parts: string[] = [];
  return { write: (s) => void parts.push(s), end() {}, text: () => parts.join('') };
}

function indented(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

/**
 * `JSON.stringify(doc, null, 2)` and a newline, to `sink`, with the same bytes, except that a
 * top-level value that is iterable but not an array (the findings) is written element by element.
 */
export function writeJsonDocument(doc: Record<string, unknown>, sink: TextSink = fdSink()): void {
  const entries = Object.entries(doc).filter(([, v]) => v !== undefined);
  sink.write('{');
  entries.forEach(([k, v], i) => {
    sink.write(`${i ? ',' : ''}\n  ${JSON.stringify(k)}: `);
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Symbol.iterator in v) {
      let n = 0;
      for (const item of v as Iterable<unknown>) sink.write(`${n++ ? ',' : '['}\n    ${indented(item, '    ')}`);
      sink.write(n ? '\n  ]' : '[]');
    } else sink.write(indented(v, '  '));
  });
  sink.write(entries.length ? '\n}\n' : '}\n');
  sink.end();
}
