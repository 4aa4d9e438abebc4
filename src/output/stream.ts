/**
 * Output that may be large (the findings of `verifica` and `importa`), written as it is made
 * rather than built as one string: 200.000 findings are 58 MB of JSON.
 */
import { writeSync } from 'node:fs';

const FLUSH_AT = 64 * 1024;

export interface TextSink {
  write(s: string): void;
  end(): void;
}

/**
 * A sink on stdout, written synchronously 64 KiB at a time: Node queues in memory what a pipe
 * does not take at once, and a slow reader of 60 MB of JSON grew the process by as much. A full
 * pipe is waited on; any other write error (`dote … | head` closing it) goes to stdout's error
 * handler (main.ts), and nothing more is written.
 */
export function stdoutSink(fd = 1): TextSink {
  let parts: string[] = [];
  let size = 0;
  let failed = false;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const flush = () => {
    if (!size || failed) return;
    let data = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    size = 0;
    while (data.length) {
      try {
        data = data.subarray(writeSync(fd, data));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(pause, 0, 0, 5);
          continue;
        }
        failed = true;
        process.stdout.emit('error', e);
        return;
      }
    }
  };
  return {
    write(s) {
      if (failed) return;
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
export function writeJsonDocument(doc: Record<string, unknown>, sink: TextSink = stdoutSink()): void {
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
