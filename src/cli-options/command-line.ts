/**
 * The command line as words: splitting a line into them (fixtures' setup.txt), and commander's
 * complaints about them in Italian, one line each with the command's help as the hint.
 */
import type { Command, CommanderError } from 'commander';
import { CommandLineError } from '../errors.js';

/** Splits a command line into words: whitespace separates, "double quotes" group (fixtures' setup.txt). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inQuotes = false;
  let has = false;
  for (const ch of line) {
    if (ch === '"') {
      inQuotes = !inQuotes;
      has = true;
    } else if (!inQuotes && /\s/.test(ch)) {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) words.push(cur);
  return words;
}

/** What a command's help starts with, as `dote erogazione aggiungi`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Where to read more about a command: its own help, never the help printed whole in an error. */
export function helpHint(cmd: Command | undefined): string {
  return `${cmd ? commandPath(cmd) : 'dote'} --help`;
}

/** A command's usage line in Italian, `dote mostra <id>`, `dote catalogo [opzioni] <bando>`. */
function usageOf(cmd: Command): string {
  const usage = cmd.usage().replace(/\[options\]/g, '[opzioni]').replace(/\[command\]/g, '[comando]');
  return `${commandPath(cmd)} ${usage}`.trim();
}

/** Commander's "(Did you mean X?)" / "(Did you mean one of X, Y?)", in Italian; '' when it made no guess. */
function suggestion(message: string): string {
  const m = /\(Did you mean (one of )?(.+)\?\)/.exec(message);
  if (!m) return '';
  const names = m[2]!.split(', ').map((n) => `\`${n}\``);
  return ` (forse intendevi ${names.length > 1 ? `uno fra ${names.join(', ')}` : names[0]}?)`;
}

/** The first quoted word of commander's message: the option's flags, the command, the argument. */
const quoted = (message: string, n = 0): string => [...message.matchAll(/'([^']*)'/g)][n]?.[1] ?? '';

/**
 * A commander error, raised by `cmd` while it parsed the command line, as one Italian line whose
 * hint is `cmd`'s help (main.ts prints both, and puts both in the JSON document under --json).
 * Help and version are not errors: they go through unchanged.
 */
export function fromCommanderError(e: CommanderError, cmd: Command): CommanderError | CommandLineError {
  const hint = helpHint(cmd);
  const usage = usageOf(cmd);
  switch (e.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
      return e;
    case 'commander.help': {
      // A group of subcommands run without one (`dote erogazione`): commander would print the
      // whole help on stderr and exit 0.
      const names = cmd.commands.map((c) => c.name());
      return new CommandLineError(cmd.parent ? `manca il comando di ${commandPath(cmd)}: ${names.join(', ')}` : 'manca il comando', hint);
    }
    case 'commander.unknownCommand':
      return new CommandLineError(`comando sconosciuto: ${quoted(e.message)}${suggestion(e.message)}`, hint);
    case 'commander.unknownOption':
      return new CommandLineError(`opzione sconosciuta: ${quoted(e.message)}${suggestion(e.message)}`, hint);
    case 'commander.missingArgument':
      return new CommandLineError(`manca l'argomento <${quoted(e.message)}> (uso: ${usage})`, hint);
    case 'commander.optionMissingArgument':
      return new CommandLineError(`l'opzione ${quoted(e.message)} richiede un valore`, hint);
    case 'commander.missingMandatoryOptionValue':
      return new CommandLineError(`opzione obbligatoria mancante: ${quoted(e.message)}`, hint);
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(e.message);
      const [expected, got] = m ? [Number(m[1]), Number(m[2])] : [cmd.registeredArguments.length, cmd.args.length];
      const wants = expected === 0 ? 'non vuole argomenti' : expected === 1 ? 'vuole 1 argomento' : `vuole ${expected} argomenti`;
      return new CommandLineError(`troppi argomenti: ${commandPath(cmd)} ${wants}, ne ha ricevuti ${got} (uso: ${usage})`, hint);
    }
    case 'commander.invalidArgument': {
      // A value outside an option's or argument's choices.
      const choices = /Allowed choices are (.+)\.$/.exec(e.message)?.[1];
      const what = e.message.startsWith("error: option '") ? quoted(e.message).split(' ')[0]! : `<${quoted(e.message, 1)}>`;
      const value = e.message.startsWith("error: option '") ? quoted(e.message, 1) : quoted(e.message);
      return new CommandLineError(`${what}: valore non valido "${value}"${choices ? ` (ammessi: ${choices})` : ''}`, hint);
    }
    case 'commander.conflictingOption':
      return new CommandLineError(`${quoted(e.message).split(' ')[0]} e ${quoted(e.message, 1).split(' ')[0]} insieme: indica uno solo dei due`, hint);
    default:
      return new CommandLineError(e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '), hint);
  }
}
