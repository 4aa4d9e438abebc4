/**
 * Builds the program: the global options and one command per entry of commands/index.ts. Only
 * the command being run is imported (its module, then, lazily, what its action needs: zod, SQLite,
 * pdfkit, csv-parse); the others stand in the listing of `dote --help` by their name, term and
 * description, so start-up stays fast (README "Prestazioni").
 */
import { Command, Help, type ParseOptions } from 'commander';
import { examplesText, finishCommand, prepareContext, setRunningCommand } from './command-kit.js';
import type { GlobalOptions } from './context.js';
import { COMMANDS } from './commands/index.js';

/** `dote --help` shows a command not loaded by the term its entry gives. */
const STAND_IN_TERMS = new WeakMap<Command, string>();

/** The program; at parse time it adds the command named by the arguments, and stand-ins for the rest. */
class DoteProgram extends Command {
  override async parseAsync(argv?: readonly string[], parseOptions?: ParseOptions): Promise<this> {
    let args = [...(argv ?? process.argv.slice(2))];
    // Global options are already out (extractGlobalOptions): the first word is the command.
    const asksHelp = args.find((a) => !a.startsWith('-')) === 'help';
    if (asksHelp) args.splice(args.indexOf('help'), 1);
    const word = args.find((a) => !a.startsWith('-'));
    for (const entry of COMMANDS) {
      if (entry.name === word) {
        this.addCommand(finishCommand((await entry.load())()));
      } else {
        const standIn = finishCommand(new Command(entry.name).description(entry.description));
        STAND_IN_TERMS.set(standIn, entry.term);
        this.addCommand(standIn);
      }
    }
    // `dote help erogazione aggiungi` is `dote erogazione aggiungi --help`; a name that is no
    // command is left to commander, which says so and suggests the nearest one.
    if (asksHelp && this.namesCommands(args)) args.push('--help');
    return super.parseAsync(args, parseOptions);
  }

  /** Whether each word of `args` names a (sub)command of the one before it. */
  private namesCommands(args: readonly string[]): boolean {
    let cmd: Command = this;
    for (const a of args.filter((w) => !w.startsWith('-'))) {
      const sub = cmd.commands.find((c) => c.name() === a);
      if (!sub) return cmd.commands.length === 0;
      cmd = sub;
    }
    return true;
  }
}

export function buildProgram(): Command {
  const program = new DoteProgram('dote')
    .description('Doti, erogazioni, calendari e timesheet per gli operatori accreditati ai servizi al lavoro')
    .version('0.1.0', '-V, --version', 'mostra la versione')
    .option('--db <percorso>', 'file del database (anche DOTE_DB)', 'dote.db')
    .option('--oggi <AAAA-MM-GG>', 'data di oggi per scadenze e ritardi, anche GG/MM/AAAA (anche DOTE_OGGI)')
    .option('--json', 'output JSON su stdout')
    .option('--catalogo <file>', 'carica un altro catalogo di bando (ripetibile)')
    .option('--operatore <nome>', "chi esegue le modifiche, per lo storico (predefinito: l'utente del sistema)")
    .addHelpText('after', '\nLe opzioni globali valgono prima o dopo il comando.\n' + examplesText(['dote init && dote bandi', 'dote verifica calendario.csv timesheet-rossi.csv --db dote.db']));
  // Before any action: the context (global options, --oggi), and zod's catalogue validation when
  // this run has a catalogue to validate (bandi/load.ts); most runs read only the shipped
  // catalogues, validated ahead of time.
  program.hook('preAction', async (_program, action) => {
    setRunningCommand(action);
    const ctx = await prepareContext();
    const { prepareCatalogues } = await import('./bandi/load.js');
    await prepareCatalogues(ctx.catalogFiles);
  });
  finishCommand(program);
  // Listed in `dote --help`; parseAsync turns it into --help before commander sees it.
  program.helpCommand('help [comando...]', "l'aiuto di un comando, come --help (es. dote help erogazione aggiungi)");
  program.configureHelp({
    ...program.configureHelp(),
    subcommandTerm(this: Help, cmd: Command) {
      return STAND_IN_TERMS.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
  return program;
}

const VALUE_OPTIONS: Record<string, keyof GlobalOptions> = {
  '--db': 'db',
  '--oggi': 'oggi',
  '--catalogo': 'catalogo',
  '--operatore': 'operatore',
};

/**
 * Global options are accepted before or after the command words (docs/comandi.md): take them out of the
 * arguments wherever they are (up to a `--`), so each command sees only its own options.
 */
export function extractGlobalOptions(args: readonly string[]): { globals: GlobalOptions; rest: string[] } {
  const globals: GlobalOptions = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a === '--json') {
      globals.json = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const key = VALUE_OPTIONS[name];
    if (key) {
      let value: string | undefined;
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < args.length) value = args[++i];
      if (value === undefined) {
        rest.push(a); // let commander report the missing value
        continue;
      }
      if (key === 'catalogo') (globals.catalogo ??= []).push(value);
      else (globals as Record<string, unknown>)[key] = value;
      continue;
    }
    rest.push(a);
  }
  return { globals, rest };
}
