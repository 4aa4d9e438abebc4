/**
 * Mistakes in the command line (issue 13, item 6): every kind commander reports, and the option
 * schemas' own, end with one Italian line on stderr and the hint `dote <comando> --help`, exit 2;
 * under --json the same line is the `messaggio` and the hint the `suggerimento`. Never the whole
 * help. `dote help [COMANDO…]` is `--help`; an unknown name suggests the nearest command or option.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dote, withDb, type RunResult } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function db() {
  const t = withDb();
  cleanups.push(t.cleanup);
  return t;
}

/** Exit 2, exactly two lines on stderr (the message, then the hint), nothing on stdout. */
function usageError(r: RunResult, message: RegExp, hint: string): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n');
  expect(lines, r.stderr).toHaveLength(3);
  expect(lines[0]).toMatch(/^dote: /);
  expect(lines[0]).toMatch(message);
  expect(lines[1]).toBe(`suggerimento: ${hint}`);
  expect(lines[2]).toBe('');
  expect(r.stderr).not.toMatch(/Uso:|Opzioni:|error:|Did you mean|\n\s+at /);
}

const CASES: { what: string; args: string[]; message: RegExp; hint: string }[] = [
  { what: 'unknown command, with the nearest', args: ['verifca'], message: /^dote: comando sconosciuto: verifca \(forse intendevi `verifica`\?\)$/, hint: 'dote --help' },
  { what: 'unknown subcommand, with the nearest', args: ['erogazione', 'agiungi', '1'], message: /^dote: comando sconosciuto: agiungi \(forse intendevi `aggiungi`\?\)$/, hint: 'dote erogazione --help' },
  { what: 'unknown command, nothing near', args: ['zzzzzz'], message: /^dote: comando sconosciuto: zzzzzz$/, hint: 'dote --help' },
  { what: 'unknown option, with the nearest', args: ['nuova', '--bandoo', 'x'], message: /^dote: opzione sconosciuta: --bandoo \(forse intendevi `--bando`\?\)$/, hint: 'dote nuova --help' },
  { what: 'unknown option near a global one', args: ['elenco', '--jsn'], message: /^dote: opzione sconosciuta: --jsn \(forse intendevi `--json`\?\)$/, hint: 'dote elenco --help' },
  { what: 'unknown option of a subcommand', args: ['erogazione', 'elenco', 'CR-1', '--stat', 'EROGATA'], message: /^dote: opzione sconosciuta: --stat \(forse intendevi `--stato`\?\)$/, hint: 'dote erogazione elenco --help' },
  { what: 'missing argument', args: ['mostra'], message: /^dote: manca l'argomento <id> \(uso: dote mostra .*<id>\)$/, hint: 'dote mostra --help' },
  { what: 'missing option value', args: ['nuova', '--bando'], message: /^dote: l'opzione --bando <bando> richiede un valore$/, hint: 'dote nuova --help' },
  { what: 'missing mandatory option', args: ['erogazione', 'aggiungi', 'CR-1'], message: /^dote: opzione obbligatoria mancante: --servizio <codice>$/, hint: 'dote erogazione aggiungi --help' },
  { what: 'excess arguments', args: ['mostra', 'CR-1', 'CR-2'], message: /^dote: troppi argomenti: dote mostra vuole 1 argomento, ne ha ricevuti 2 \(uso: dote mostra .*<id>\)$/, hint: 'dote mostra --help' },
  { what: 'excess arguments to a command that takes none', args: ['bandi', 'cremona-2021'], message: /^dote: troppi argomenti: dote bandi non vuole argomenti, ne ha ricevuti 1/, hint: 'dote bandi --help' },
  { what: 'a group without its subcommand', args: ['erogazione'], message: /^dote: manca il comando di dote erogazione: aggiungi, modifica, programma, avvia, concludi, annulla, chiudi-negativamente, elenco$/, hint: 'dote erogazione --help' },
  { what: 'no command at all', args: [], message: /^dote: manca il comando$/, hint: 'dote --help' },
  { what: 'a value outside the choices (option schema)', args: ['elenco', '--stato', 'FOO'], message: /^dote: --stato: "FOO" non valido \(ATTIVA, /, hint: 'dote elenco --help' },
  { what: 'a bad date (option schema)', args: ['scadenze', '--entro', 'dieci'], message: /^dote: --entro: /, hint: 'dote scadenze --help' },
  { what: 'a bad value of a subcommand option (option schema)', args: ['erogazione', 'aggiungi', 'CR-1', '--servizio', 'QD2', '--data', '31/02/2022', '--inizio', '09:00', '--fine', '10:00', '--professionista', 'P01'], message: /^dote: --data: data non valida "31\/02\/2022"/, hint: 'dote erogazione aggiungi --help' },
  { what: 'nuova without a terminal and without its options', args: ['nuova'], message: /^dote: opzioni obbligatorie mancanti: --tipo, --destinatario \(senza un terminale non posso chiederle\)$/, hint: 'dote nuova --help' },
];

describe('a mistake in the command line: one line and the hint, exit 2', () => {
  for (const c of CASES) {
    it(c.what, () => {
      const t = db();
      usageError(t.run(c.args), c.message, c.hint);
    });
  }

  it('under --json: the one line is the messaggio, the hint the suggerimento; the message stays on stderr', () => {
    const t = db();
    for (const c of CASES) {
      const r = t.run([...c.args, '--json']);
      expect(r.status, c.what).toBe(2);
      const { errore } = r.json<{ errore: { messaggio: string; uscita: number; suggerimento: string; regole: unknown[] } }>();
      expect(`dote: ${errore.messaggio}`, c.what).toMatch(c.message);
      expect(errore.messaggio, c.what).not.toMatch(/\n/);
      expect(errore).toMatchObject({ uscita: 2, suggerimento: c.hint, regole: [] });
      expect(r.stderr.split('\n')[0], c.what).toBe(`dote: ${errore.messaggio}`);
    }
  });

  it('a global option is suggested wherever it is mistyped', () => {
    const t = db();
    usageError(t.run(['--dbb', 'x.db', 'bandi']), /^dote: opzione sconosciuta: --dbb \(forse intendevi `--db`\?\)$/, 'dote --help');
  });
});

describe('dote help [COMANDO…]', () => {
  it('works like --help, for the program, a command and a subcommand', () => {
    for (const words of [[], ['nuova'], ['erogazione'], ['erogazione', 'aggiungi'], ['liquidazione', 'prepara']]) {
      const viaHelp = dote(['help', ...words]);
      const viaOption = dote([...words, '--help']);
      expect(viaHelp.status, viaHelp.stderr).toBe(0);
      expect(viaHelp.stderr).toBe('');
      expect(viaHelp.stdout).toBe(viaOption.stdout);
      expect(viaHelp.stdout).toMatch(new RegExp(`^Uso: ${['dote', ...words].join(' ')} `));
    }
  });

  it('global options may stand around it', () => {
    const r = dote(['--json', 'help', 'mostra', '--db', 'x.db']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(dote(['mostra', '--help']).stdout);
  });

  it('a name that is no command is an unknown command, with the nearest', () => {
    usageError(dote(['help', 'verifca']), /^dote: comando sconosciuto: verifca \(forse intendevi `verifica`\?\)$/, 'dote --help');
    usageError(dote(['help', 'erogazione', 'agiungi']), /^dote: comando sconosciuto: agiungi \(forse intendevi `aggiungi`\?\)$/, 'dote erogazione --help');
  });

  it('is listed by dote --help', () => {
    expect(dote(['--help']).stdout).toMatch(/\n {2}help \[comando\.\.\.\] +l'aiuto di un comando, come --help/);
  });
});
