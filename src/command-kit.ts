/**
 * Small helpers shared by the command files: the global options (accepted anywhere on the
 * command line), the context, and output. Only light modules here: `dote --help` must stay fast,
 * so even the context's module (it reads --oggi) is imported only before an action runs.
 */
import { Command, Help } from 'commander';
import type { Context, GlobalOptions } from './context.js';
import { InternalError } from './errors.js';
import { fromCommanderError, helpHint } from './cli-options/command-line.js';

let globals: GlobalOptions = {};
let current: Context | undefined;
let running: Command | undefined;

export function setGlobalOptions(g: GlobalOptions): void {
  globals = g;
  current = undefined;
}

/** Reads the global options and the environment into the context (a bad --oggi: exit 2). Run before any action (cli.ts). */
export async function prepareContext(): Promise<Context> {
  const { buildContext } = await import('./context.js');
  current = buildContext(globals);
  return current;
}

/** The command whose action runs (cli.ts, before each action), for the hint of a usage error. */
export function setRunningCommand(cmd: Command): void {
  running = cmd;
}

/** The hint of a mistake in the command line: the running command's help, `dote nuova --help`. */
export function usageHint(): string {
  return helpHint(running);
}

/** The context of this run (global options + environment), as prepareContext read it. */
export function context(): Context {
  if (!current) throw new InternalError('contesto non preparato: prepareContext va chiamato prima delle azioni');
  return current;
}

/** The context if prepareContext has run (main.ts names the database in SQLite's errors), else undefined. */
export function preparedContext(): Context | undefined {
  return current;
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Commander's help, with Italian headings. */
function italianHelp(cmd: Command, helper: Help): string {
  return Help.prototype.formatHelp
    .call(helper, cmd, helper)
    .replace(/^Usage:/m, 'Uso:')
    .replace(/^Options:/m, 'Opzioni:')
    .replace(/^Commands:/m, 'Comandi:')
    .replace(/^Arguments:/m, 'Argomenti:')
    .replace(/display help for command/g, 'mostra questo aiuto')
    .replace(/\(default:/g, '(predefinito:')
    .replace(/\[options\]/g, '[opzioni]')
    .replace(/\[command\]/g, '[comando]');
}

/** Applies the shared settings to a command and all its subcommands. */
export function finishCommand(cmd: Command): Command {
  // Commander's complaints become one Italian line with the command's help as the hint, printed
  // once by main.ts; nothing of commander's own goes to stderr (it would print a whole help there
  // for a group run without its subcommand).
  cmd.exitOverride((e) => {
    throw fromCommanderError(e, cmd);
  });
  cmd.configureOutput({ outputError: () => {}, writeErr: () => {} });
  cmd.helpOption('-h, --help', 'mostra questo aiuto');
  cmd.configureHelp({ formatHelp: italianHelp, sortSubcommands: false });
  cmd.helpCommand(false);
  for (const sub of cmd.commands) finishCommand(sub);
  return cmd;
}

/** `Esempio:` above one example, `Esempi:` above several, each indented on its own line. */
export function examplesText(lines: readonly string[]): string {
  return `${lines.length === 1 ? 'Esempio' : 'Esempi'}:\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

/** Adds the examples to a command's help. */
export function example(cmd: Command, ...lines: string[]): Command {
  return cmd.addHelpText('after', `\n${examplesText(lines)}\n`);
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return previous.concat([value]);
}
