import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

export const ammettiOptions = defineOptions(({ z, date, optional }) => z.object({ data: optional(date('--data')) }));

export function ammettiCommand(): Command {
  const cmd = new Command('ammetti')
    .description('Job Coach: ammette la richiesta al servizio (entro 7 giorni dalla notifica del CPI, poi è CANCELLATA)')
    .argument('<id>', 'codice OPAL, es. JC-1-1103/022')
    .option('--data <data>', "data dell'ammissione (predefinita: oggi)")
    .action(async (id: string, raw: unknown) => {
      const opts = await ammettiOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { ammettiDote } = await import('../use-cases/doti.js');
      const { nextDeadlineText } = await import('../output/dote.js');
      const { mostraDote } = await import('../use-cases/dote-view.js');
      const { formatDateIt } = await import('../domain/dates.js');
      const { r, v } = await withStore(ctx.dbPath, async (store) => {
        const r = await ammettiDote(store, ctx, id, opts);
        return { r, v: await mostraDote(store, ctx, r.dote.id) };
      });
      if (ctx.json) return printJson({ dote: v });
      out(`Voucher ${v.id} ${r.dote.stato} il ${formatDateIt(r.dote.data_ammissione!)}: vale fino al ${formatDateIt(r.dote.data_fine!)}.`);
      const next = nextDeadlineText(v.scadenze);
      if (next) out(next);
    });
  return example(cmd, 'dote ammetti JC-1-1103/022', 'dote ammetti JC-1-1103/022 --data 2022-06-30');
}
