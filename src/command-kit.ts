/**
 * Small helpers shared by the command files: the global options (accepted anywhere on the
 * command line), the context, and output. Only light modules here: `dote --help` must stay fast.
 */
import { Command, Help } from 'commander';
import { buildContext, type Context, type GlobalOptions } from './context.js';

let globals: GlobalOptions = {};

export function setGlobalOptions(g: GlobalOptions): void {
  globals = g;
}

/** The context of this run (global options + environment). */
export function context(): Context {
  return buildContext(globals);
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
  cmd.exitOverride();
  // Errors are printed once, in Italian, by main.ts.
  cmd.configureOutput({ outputError: () => {} });
  cmd.helpOption('-h, --help', 'mostra questo aiuto');
  cmd.configureHelp({ formatHelp: italianHelp, sortSubcommands: false });
  cmd.helpCommand(false);
  for (const sub of cmd.commands) finishCommand(sub);
  return cmd;
}

/** Adds "Esempio:" text to a command's help. */
export function example(cmd: Command, ...lines: string[]): Command {
  return cmd.addHelpText('after', `\nEsempio:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return previous.concat([value]);
}
