/**
 * Typed errors. Deep code throws; only `main.ts` turns them into an exit status and a one-line
 * Italian message (docs/comandi.md: 1 = refused by a rule, 2 = usage problem). Nothing below it ends the
 * process or sets its status.
 */
export type ExitStatus = 1 | 2;

export class DoteError extends Error {
  /** The exit status main.ts gives the process. */
  readonly status: ExitStatus;
  readonly hint?: string;
  constructor(message: string, opts: { status?: ExitStatus; hint?: string } = {}) {
    super(message);
    this.name = 'DoteError';
    this.status = opts.status ?? 1;
    this.hint = opts.hint;
  }
}

/** A usage problem: unknown option, a bad option value, a file that cannot be opened, no database (exit 2). An unknown id (CF, dote, sede) is a refused operation (RefusedError, exit 1). */
export class UsageError extends DoteError {
  constructor(message: string, hint?: string) {
    super(message, { status: 2, hint });
    this.name = 'UsageError';
  }
}

/**
 * A mistake in the command line itself: an unknown command or option, a missing argument, a bad
 * option value (exit 2). Without a hint of its own, main.ts points at the help of the command
 * that was run, `dote <comando> --help`, rather than printing that help whole.
 */
export class CommandLineError extends UsageError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'CommandLineError';
  }
}

/** An operation refused by a rule: nothing was changed (exit 1). */
export class RefusedError extends DoteError {
  /** Rule findings that caused the refusal, when a rule module refused it. */
  readonly findings: readonly { rule: string; severity: string; message: string }[];
  constructor(message: string, findings: RefusedError['findings'] = [], hint?: string) {
    super(message, { status: 1, hint });
    this.name = 'RefusedError';
    // What --json shows of them (rule, severity, message), whatever else a finding carries.
    this.findings = findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message }));
  }
}

/** The erogazione / request / activity state machines refuse an action in the current state. */
export class TransitionNotAllowed extends RefusedError {
  constructor(what: string, state: string, action: string, allowed: readonly string[]) {
    super(
      `${what} è nello stato ${state}: l'azione "${action}" non è consentita` +
        (allowed.length ? ` (azioni consentite: ${allowed.join(', ')})` : ' (nessuna azione consentita: stato finale)'),
    );
    this.name = 'TransitionNotAllowed';
  }
}

/**
 * The command ran to the end and its report, already printed (text or `--json`), lists
 * validation errors (or warnings under `--strict`): exit 1, and nothing more to say (docs/comandi.md:
 * "done, but validation errors were found"). `verifica` and `importa` end this way.
 */
export class FindingsReported extends DoteError {
  constructor() {
    super('trovati errori di validazione (sono nel rapporto)', { status: 1 });
    this.name = 'FindingsReported';
  }
}

/**
 * Another process held the database's write lock for longer than the busy timeout (exit 2:
 * nothing was changed, and trying again later is all there is to do). SQLite's own words for it
 * are recognised in one place, db/errors.ts; main.ts turns them into this error.
 */
export class DatabaseBusyError extends DoteError {
  static readonly MESSAGE = "il database è in uso da un altro processo (un'altra importazione o modifica in corso): riprova fra poco, quando è terminato";
  /** `what` says what did not happen, before the reason (e.g. "importazione non riuscita, nessuna riga importata"). */
  constructor(what?: string) {
    super(what ? `${what}: ${DatabaseBusyError.MESSAGE}` : DatabaseBusyError.MESSAGE, { status: 2 });
    this.name = 'DatabaseBusyError';
  }
}

/**
 * A programming error: something no input, option or file of the user can cause (an unknown rule
 * id asked for by the code, the import writer thread failing). main.ts reports it as an internal
 * error (exit 2) and asks for a report; it is never dressed up as the user's mistake.
 */
export class InternalError extends Error {
  constructor(message: string, opts?: { cause?: unknown }) {
    super(message, opts);
    this.name = 'InternalError';
  }
}
