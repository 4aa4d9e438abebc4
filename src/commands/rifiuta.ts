import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

export const rifiutaOptions = defineOptions(({ z, date, optional, required }) =>
  z.object({
    motivo: required('--motivo obbligatorio: il rifiuto va motivato (es. disallineamento tra la specializzazione dell’ente e i bisogni della persona)'),
    data: optional(date('--data')),
  }),
);

export function rifiutaCommand(): Command {
  const cmd = new Command('rifiuta')
    .description('Job Coach: rifiuta la richiesta, con la motivazione (entro 7 giorni dalla notifica del CPI)')
    .argument('<id>', 'codice OPAL, es. JC-1-1103/022')
    .requiredOption('--motivo <testo>', 'la motivazione del rifiuto (obbligatoria)')
    .option('--data <data>', 'data del rifiuto (predefinita: oggi)')
    .action(async (id: string, raw: unknown) => {
      const opts = await rifiutaOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { rifiutaDote } = await import('../use-cases/doti.js');
      const { mostraDote } = await import('../use-cases/dote-view.js');
      const { formatDateIt } = await import('../domain/dates.js');
      const { r, v } = await withStore(ctx.dbPath, async (store) => {
        const r = await rifiutaDote(store, ctx, id, opts);
        return { r, v: await mostraDote(store, ctx, r.dote.id) };
      });
      if (ctx.json) return printJson({ dote: v });
      out(`Richiesta ${v.id} RIFIUTATA il ${formatDateIt(r.dote.data_rifiuto!)}: ${r.dote.motivo_rifiuto}`);
    });
  return example(cmd, 'dote rifiuta JC-1-1103/022 --motivo "bisogni della persona non coerenti con la specializzazione dell\'ente"');
}
