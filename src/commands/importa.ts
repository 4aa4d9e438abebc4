import { Command } from 'commander';
import { collect, context, example } from '../command-kit.js';
import { FindingsReported } from '../errors.js';
import { defineOptions } from '../cli-options/define.js';

/** `importa FILE… [--calendario F]… [--timesheet F]… [--prova] [--strict] [--tutte]`. */
export const importaOptions = defineOptions(({ z, list, flag }) => z.object({ calendario: list(), timesheet: list(), prova: flag(), strict: flag(), tutte: flag() }));

export function importaCommand(): Command {
  const cmd = new Command('importa')
    .description('controlla e importa calendari (erogazioni EROGATA) e timesheet: tutto o niente')
    .argument('[file...]', 'file CSV: un nome con "timesheet" o "foglio" è un timesheet, gli altri calendari')
    .option('--calendario <file>', 'un file da trattare come calendario (ripetibile)', collect)
    .option('--timesheet <file>', 'un file da trattare come timesheet (ripetibile)', collect)
    .option('--prova', 'mostra cosa verrebbe importato senza cambiare nulla')
    .option('--tutte', 'elenca ogni segnalazione (senza: oltre le prime 3 di una regola in una colonna, le altre sono contate)')
    .option('--strict', 'anche un avviso ferma l\'importazione (stato di uscita 1)')
    .addHelpText(
      'after',
      '\nGli stessi controlli di "dote verifica", con le doti, i professionisti e le sedi del database.\n' +
        'Con un errore in qualunque file non si importa nulla. Le righe già importate non si aggiungono di nuovo;\n' +
        "quelle di un'erogazione già in liquidazione non si possono cambiare. Senza registrata_il, la data di\n" +
        'registrazione è oggi (--oggi). Colonne: vedi "dote verifica --help".',
    )
    .action(async (files: string[], raw: unknown) => {
      const opts = await importaOptions.parse(raw);
      const ctx = context();
      const app = await import('../use-cases/importa.js');
      const view = await import('../output/importa.js');
      const { painter, progressBar, writeLines } = await import('../output/verifica.js');
      const result = app.importa(ctx, { files, calendario: opts.calendario, timesheet: opts.timesheet, prova: opts.prova, strict: opts.strict }, progressBar());
      const { writeJsonDocument } = await import('../output/stream.js');
      if (ctx.json) writeJsonDocument(view.importaJson(result));
      else writeLines(view.importaLines(result, await painter(), { tutte: opts.tutte }));
      // Findings are not an error of the program: the status says whether there were any, and
      // main.ts gives it (the report is printed: nothing more is said).
      if (result.import.rifiutata) throw new FindingsReported();
    });
  return example(cmd, 'dote importa calendario-marzo.csv timesheet-rossi.csv --prova', 'dote importa --calendario export.csv --timesheet ore-rossi.csv');
}
