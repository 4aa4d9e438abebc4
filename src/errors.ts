/**
 * Typed errors. Deep code throws; only `main.ts` turns them into an exit status and a one-line
 * Italian message (cli.md: 1 = refused by a rule, 2 = usage problem). Never `process.exit` below.
 */
export type ExitCode = 1 | 2;

export class DoteError extends Error {
  readonly exitCode: ExitCode;
  readonly hint?: string;
  constructor(message: string, opts: { exitCode?: ExitCode; hint?: string } = {}) {
    super(message);
    this.name = 'DoteError';
    this.exitCode = opts.exitCode ?? 1;
    this.hint = opts.hint;
  }
}

/** A usage problem: unknown option, a bad option value, a file that cannot be opened, no database (exit 2). An unknown id (CF, dote, sede) is a refused operation (RefusedError, exit 1). */
export class UsageError extends DoteError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, hint });
    this.name = 'UsageError';
  }
}

/** An operation refused by a rule: nothing was changed (exit 1). */
export class RefusedError extends DoteError {
  /** Rule findings that caused the refusal, when a rule module refused it. */
  readonly findings: readonly { rule: string; severity: string; message: string }[];
  constructor(message: string, findings: RefusedError['findings'] = [], hint?: string) {
    super(message, { exitCode: 1, hint });
    this.name = 'RefusedError';
    this.findings = findings;
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
