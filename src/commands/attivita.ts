import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `attivita concludi ID SERVIZIO [--data D]`. */
export const concludiAttivitaOptions = defineOptions(({ z, date, optional }) => z.object({ data: optional(date('--data')) }));

export function attivitaCommand(): Command {
  const cmd = new Command('attivita').description('le attività di un voucher Job Coach: PROPOSTA → INIZIATA → TERMINATA');

  const concludi = new Command('concludi')
    .description("porta l'attività a TERMINATA: serve almeno un'erogazione EROGATA e nessuna ancora aperta; poi nulla dell'attività può cambiare")
    .argument('<id>', 'id della dote')
    .argument('<servizio>', "codice dell'attività, es. JC-AN")
    .option('--data <data>', 'data di conclusione (predefinita: oggi)')
    .action(async (id: string, servizio: string, raw: unknown) => {
      const o = await concludiAttivitaOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { concludiAttivitaDote } = await import('../use-cases/attivita.js');
      const { formatDurata } = await import('../domain/money.js');
      const a = await withStore(ctx.dbPath, (store) => concludiAttivitaDote(store, ctx, id, servizio, o.data));
      if (ctx.json) printJson(a);
      else out(`Attività ${a.servizio} della dote ${a.dote}: TERMINATA (erogate ${formatDurata(a.erogateMinuti)} su ${formatDurata(a.oreMinuti)}).`);
    });
  example(concludi, 'dote attivita concludi JC-1-1103/022 JC-AN');

  const elenco = new Command('elenco')
    .description('le attività di una dote Job Coach con stato e ore')
    .argument('<id>', 'id della dote')
    .action(async (id: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { elencoAttivita } = await import('../use-cases/attivita.js');
      const { formatAttivita } = await import('../output/attivita.js');
      const { table } = await import('../output/table.js');
      const list = await withStore(ctx.dbPath, (store) => elencoAttivita(store, ctx, id), { readonly: true });
      if (ctx.json) printJson(list);
      else out(formatAttivita(list, table));
    });
  example(elenco, 'dote attivita elenco JC-1-1103/022');

  cmd.addCommand(concludi);
  cmd.addCommand(elenco);
  return cmd;
}
