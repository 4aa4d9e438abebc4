/**
 * The temporary files and folders of a command in progress, removed if the command is
 * interrupted: Ctrl-C (SIGINT), `kill` (SIGTERM), the terminal closed (SIGHUP), or an exit before
 * the command's own cleanup ran. Without this a Ctrl-C in the middle of `liquidazione prepara`
 * left a hidden folder of PDFs with personal data beside the packet's, `backup` a partial copy
 * beside the file named, and `ripristina` a half-copied `…-prima-del-ripristino-…` file that
 * looks like a good copy.
 *
 * Signals are handled only while something is registered; otherwise they keep their default
 * action, which ends the process at once. A handler in JavaScript runs only when the event loop
 * turns, so the work it guards must yield now and then (`prepara` between its documents; SQLite's
 * backup between its steps); the batch check, synchronous on purpose, has no temporaries to
 * guard (its findings' files are unlinked as soon as opened, check/findings.ts). On a signal the
 * paths are removed, one line says so, and the signal is raised again with its default action,
 * so that the shell and scripts see the command killed by it as before (status 130 for Ctrl-C).
 * The database needs nothing: a transaction not committed is not there, on the file (SQLite's
 * journal) as on a server (the connection closes, the server rolls it back).
 */
import { rmSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const pending = new Set<string>();
let exitListener = false;

function removeAll(): number {
  const n = pending.size;
  for (const p of pending) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      // removing what can be removed; the process is ending
    }
  }
  pending.clear();
  return n;
}

function onSignal(signal: (typeof SIGNALS)[number]): void {
  if (removeAll()) {
    try {
      process.stderr.write('\ndote: interrotto prima della fine; i file provvisori sono stati tolti\n');
    } catch {
      // a terminal already closed (SIGHUP): the files are gone all the same
    }
  }
  listen(false);
  process.kill(process.pid, signal);
}

function listen(on: boolean): void {
  for (const s of SIGNALS) {
    if (on) process.on(s, onSignal);
    else process.removeListener(s, onSignal);
  }
}

/**
 * Registers `file` (a file or a folder) to be removed if the process is interrupted or exits
 * first; the function returned forgets it (once it has become a result, or been removed).
 */
export function removedIfInterrupted(file: string): () => void {
  if (!exitListener) {
    exitListener = true;
    process.once('exit', removeAll);
  }
  if (!pending.size) listen(true);
  pending.add(file);
  return () => {
    if (pending.delete(file) && !pending.size) listen(false);
  };
}

/** One turn of the event loop, so that a signal that came meanwhile is handled (see above). */
export function letSignalsIn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
