/**
 * The entry point: builds the program, runs it, and is the one place that turns errors into an
 * exit status and a one-line Italian message (docs/comandi.md, Stato di uscita). DOTE_DEBUG=1 shows stacks.
 */
import { CommanderError } from 'commander';
import { visible } from './output/visible.js';
import { buildProgram, extractGlobalOptions } from './cli.js';
import { CommandLineError, DoteError, FindingsReported } from './errors.js';
import { fromDatabaseError } from './db/errors.js';
import { preparedContext, setGlobalOptions, usageHint } from './command-kit.js';

/** Each line of a message with its control characters made visible (the line breaks stay). */
function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}

function debug(err: unknown): void {
  if (process.env.DOTE_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
}

/** Sets the exit status, never lowering it: an output that could not be written stays a 2. */
function setStatus(status: 0 | 1 | 2): void {
  if (status > Number(process.exitCode ?? 0)) process.exitCode = status;
}

/** An error's message on one line (docs/comandi.md: a one-line Italian message on stderr). */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

export async function main(argv: string[]): Promise<void> {
  // `dote … | head` closes stdout early: that is not an error. Any other write error (a full
  // disk, a closed terminal) is said once, in one line, with exit 2. Nothing is thrown from here:
  // an exception in a listener is uncaught, a stack trace and exit 1.
  let outputFailed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    if (outputFailed) return;
    outputFailed = true;
    process.stderr.write(`dote: impossibile scrivere l'output (${oneLine(e.message)})\n`);
    debug(e);
    setStatus(2);
  });
  let args = argv.slice(2);
  // With --json a failure is also one JSON document on stdout (docs/comandi.md: machine output on stdout:
  // one JSON document), so that a script reads the same place whatever happened. The message
  // stays on stderr for people.
  const json = args.includes('--json');
  const failure = (messaggio: string, uscita: number, extra: { suggerimento?: string; regole?: readonly unknown[] } = {}) => {
    if (!json) return;
    process.stdout.write(`${JSON.stringify({ errore: { messaggio, uscita, suggerimento: extra.suggerimento ?? null, regole: extra.regole ?? [] } }, null, 2)}\n`);
  };
  try {
    const { globals, rest } = extractGlobalOptions(args);
    setGlobalOptions(globals);
    args = rest;
    const program = buildProgram();
    await program.parseAsync(args, { from: 'user' });
  } catch (caught) {
    // SQLite's and the system's errors the user can act on (a busy or read-only database, a full
    // disk, a missing folder) become typed errors here, whichever command met them.
    const err = fromDatabaseError(caught, preparedContext()?.dbPath);
    if (err instanceof FindingsReported) {
      // The command printed its report; the status says there were errors in it.
      setStatus(err.status);
      return;
    }
    if (err instanceof CommanderError) {
      // Help and version: the rest of commander's errors arrive as CommandLineError (command-kit.ts).
      process.exitCode = 0;
      return;
    }
    if (err instanceof DoteError) {
      // A mistake in the command line: one line, and where its command's help is.
      const hint = err.hint ?? (err instanceof CommandLineError ? usageHint() : undefined);
      // What the user typed may be echoed in the message: never a raw control character on the terminal.
      process.stderr.write(`dote: ${visibleLines(err.message)}\n`);
      if (hint) process.stderr.write(`suggerimento: ${visibleLines(hint)}\n`);
      failure(err.message, err.status, { suggerimento: hint, regole: (err as { findings?: readonly unknown[] }).findings });
      setStatus(err.status);
      debug(caught);
      return;
    }
    if ((err as { name?: string })?.name === 'ExitPromptError') {
      process.stderr.write('dote: interrotto\n');
      setStatus(2);
      return;
    }
    // Anything else (an InternalError, or an error nobody typed) is the program's fault.
    const message = oneLine((err as Error)?.message ?? String(err));
    process.stderr.write(`dote: errore interno: ${visibleLines(message)}\n`);
    process.stderr.write('suggerimento: riprova con DOTE_DEBUG=1 per i dettagli e segnala il problema\n');
    failure(`errore interno: ${message}`, 2);
    debug(caught);
    setStatus(2);
  }
}
