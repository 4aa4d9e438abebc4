import { Command } from 'commander';
import { collect, context, example } from '../command-kit.js';
import { FindingsReported } from '../errors.js';
import { defineOptions } from '../cli-options/define.js';

/** `verifica FILE… [--calendario F]… [--timesheet F]… [--bando B] [--strict]`: files are opened by the check (exit 2 if one cannot be). */
export const verificaOptions = defineOptions(({ z, list, text, flag, LIMITI }) => z.object({ calendario: list(), timesheet: list(), bando: text(LIMITI.codice), strict: flag(), tutte: flag() }));

export function verificaCommand(): Command {
  const cmd = new Command('verifica')
    .description('controlla calendari e timesheet CSV (tutti insieme), senza importarli')
    .argument('[file...]', 'file CSV: un nome con "timesheet" o "foglio" è un timesheet, gli altri calendari')
    .option('--calendario <file>', 'un file da trattare come calendario (ripetibile)', collect)
    .option('--timesheet <file>', 'un file da trattare come timesheet (ripetibile)', collect)
    .option('--bando <bando>', 'applica le regole di questo bando a tutte le righe')
    .option('--strict', 'anche gli avvisi danno stato di uscita 1')
    .option('--tutte', 'elenca ogni segnalazione (senza: oltre le prime 3 di una regola in una colonna, le altre sono contate)')
    .addHelpText(
      'after',
      '\nColonne (maiuscole, accenti e spazi non contano; tra parentesi gli alias):\n' +
        '  id_dote (dote, codice_opal, id_voucher, pip)  servizio (codice_servizio, voce)  data (data_erogazione, giorno)\n' +
        '  ora_inizio (inizio, dalle)  ora_fine (fine, alle)  professionista (operatore, coach, docente)   [obbligatorie]\n' +
        '  ore (durata)  codice_fiscale (cf)  modalita  gruppo (individuale_collettiva)  sede (sportello)\n' +
        '  descrizione (attivita, note)  registrata_il (data_inserimento)  fascia  tipo_dote\n' +
        'Con un database (--db, o ./dote.db se c\'è) si usano le doti, i professionisti e le sedi registrati.\n' +
        'Stato di uscita: 0 nessun errore, 1 errori trovati (con --strict anche avvisi), 2 uso errato o file non apribile.',
    )
    .action(async (files: string[], raw: unknown) => {
      const opts = await verificaOptions.parse(raw);
      const ctx = context();
      const app = await import('../use-cases/verifica.js');
      const view = await import('../output/verifica.js');
      const result = app.verifica(ctx, { files, calendario: opts.calendario, timesheet: opts.timesheet, bando: opts.bando }, view.progressBar());
      const { writeJsonDocument } = await import('../output/stream.js');
      if (ctx.json) writeJsonDocument(view.verificaJson(result));
      else view.writeLines(view.verificaLines(result, await view.painter(), { tutte: opts.tutte }));
      // Findings are not an error of the program: the status says whether there were any, and
      // main.ts gives it (the report is printed: nothing more is said).
      if (app.failed(result, Boolean(opts.strict))) throw new FindingsReported();
    });
  return example(
    cmd,
    'dote verifica calendario-marzo.csv timesheet-rossi.csv timesheet-bianchi.csv',
    'dote verifica --calendario export.csv --timesheet ore.csv --bando veneto-jc-2022 --json',
  );
}
