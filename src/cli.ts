/**
 * Builds the program: one `addCommand` per command file, nothing else. Command files import only
 * commander and light helpers; the work (zod, SQLite, pdfkit, csv-parse) is imported lazily
 * inside each action, so `dote --help` starts fast (toolchain.md, start-up time).
 */
import { Command } from 'commander';
import { finishCommand } from './command-kit.js';
import type { GlobalOptions } from './context.js';
import { initCommand } from './commands/init.js';
import { bandiCommand } from './commands/bandi.js';
import { catalogoCommand } from './commands/catalogo.js';
import { regoleCommand } from './commands/regole.js';
import { enteCommand } from './commands/ente.js';
import { sedeCommand } from './commands/sede.js';
import { professionistaCommand } from './commands/professionista.js';
import { destinatarioCommand } from './commands/destinatario.js';
import { nuovaCommand } from './commands/nuova.js';
import { elencoCommand } from './commands/elenco.js';
import { mostraCommand } from './commands/mostra.js';
import { ammettiCommand } from './commands/ammetti.js';
import { rifiutaCommand } from './commands/rifiuta.js';
import { pipCommand } from './commands/pip.js';
import { concludiCommand } from './commands/concludi.js';
import { scadenzeCommand } from './commands/scadenze.js';
import { erogazioneCommand } from './commands/erogazione.js';
import { attivitaCommand } from './commands/attivita.js';
import { storiaCommand } from './commands/storia.js';
import { verificaCommand } from './commands/verifica.js';
import { importaCommand } from './commands/importa.js';

export function buildProgram(): Command {
  const program = new Command('dote')
    .description('Doti, erogazioni, calendari e timesheet per gli operatori accreditati ai servizi al lavoro')
    .version('0.1.0', '-V, --version', 'mostra la versione')
    .option('--db <percorso>', 'file del database (anche DOTE_DB)', 'dote.db')
    .option('--oggi <AAAA-MM-GG>', 'data di oggi per scadenze e ritardi (anche DOTE_OGGI)')
    .option('--json', 'output JSON su stdout')
    .option('--catalogo <file>', 'carica un altro catalogo di bando (ripetibile)')
    .option('--operatore <nome>', "chi esegue le modifiche, per lo storico (predefinito: l'utente del sistema)")
    .addHelpText('after', '\nLe opzioni globali valgono prima o dopo il comando.\nEsempio:\n  dote init && dote bandi\n  dote verifica calendario.csv timesheet-rossi.csv --db dote.db');
  const commands = [
    initCommand, bandiCommand, catalogoCommand, regoleCommand,
    enteCommand, sedeCommand, professionistaCommand, destinatarioCommand,
    nuovaCommand, elencoCommand, mostraCommand, ammettiCommand, rifiutaCommand,
    pipCommand, concludiCommand, scadenzeCommand,
    erogazioneCommand, attivitaCommand, storiaCommand,
    verificaCommand, importaCommand,
  ];
  for (const make of commands) program.addCommand(make());
  return finishCommand(program);
}

const VALUE_OPTIONS: Record<string, keyof GlobalOptions> = {
  '--db': 'db',
  '--oggi': 'oggi',
  '--catalogo': 'catalogo',
  '--operatore': 'operatore',
};

/**
 * Global options are accepted before or after the command words (cli.md): take them out of the
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
