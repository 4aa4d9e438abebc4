import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `output aggiungi ID SERVIZIO [--file F] [--data D]`. */
export const aggiungiOutputOptions = defineOptions(({ z, date, optional, text, LIMITI }) => z.object({ file: text(LIMITI.percorso), data: optional(date('--data')) }));

export function outputCommand(): Command {
  const cmd = new Command('output').description("gli output obbligatori dei servizi (scheda anagrafica, CV, relazioni…): la liquidazione segnala quelli mancanti");

  const aggiungi = new Command('aggiungi')
    .description("registra che l'output di un servizio esiste; con --file ne conserva l'impronta SHA-256")
    .argument('<id>', 'id della dote')
    .argument('<servizio>', 'codice del servizio, es. QD2')
    .option('--file <file>', "il documento dell'output")
    .option('--data <data>', "data dell'output (predefinita: oggi)")
    .action(async (id: string, servizio: string, raw: unknown) => {
      const o = await aggiungiOutputOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { aggiungiOutput } = await import('../use-cases/liquidazione.js');
      const { formatDateIt } = await import('../domain/dates.js');
      const row = await withStore(ctx.dbPath, (store) => aggiungiOutput(store, ctx, id, servizio, o));
      if (ctx.json) printJson(row);
      else out(`Output di ${row.servizio} per la dote ${row.dote_id} registrato, del ${formatDateIt(row.data)}${row.sha256 ? ` (SHA-256 ${row.sha256})` : ''}.`);
    });
  example(aggiungi, 'dote output aggiungi CR-2021-0001 QD2 --file cv-rossi.pdf', 'dote output aggiungi CR-2021-0001 QD1 --data 2021-04-02');

  const elenco = new Command('elenco')
    .description('gli output registrati e quelli che mancano ai servizi erogati')
    .argument('<id>', 'id della dote')
    .action(async (id: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { elencoOutput } = await import('../use-cases/liquidazione.js');
      const { formatOutputs } = await import('../output/liquidazione.js');
      const v = await withStore(ctx.dbPath, (store) => elencoOutput(store, ctx, id), { readonly: true });
      if (ctx.json) printJson(v);
      else out(formatOutputs(v.doteId, v.output, v.mancanti));
    });
  example(elenco, 'dote output elenco CR-2021-0001');

  cmd.addCommand(aggiungi);
  cmd.addCommand(elenco);
  return cmd;
}
