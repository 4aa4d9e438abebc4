import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

export const concludiOptions = defineOptions(({ z, date, optional }) => z.object({ data: optional(date('--data')) }));

export function concludiCommand(): Command {
  const cmd = new Command('concludi')
    .description('conclude la dote (CONCLUSA); rifiutato finché ci sono erogazioni INSERITE, PROGRAMMATE o AVVIATE. Job Coach: termina le attività con almeno un\'erogazione EROGATA')
    .argument('<id>', 'id della dote o codice OPAL')
    .option('--data <data>', 'data di conclusione (predefinita: oggi)')
    .action(async (id: string, raw: unknown) => {
      const opts = await concludiOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { concludiDote } = await import('../use-cases/doti.js');
      const { nextDeadlineText } = await import('../output/dote.js');
      const { mostraDote } = await import('../use-cases/dote-view.js');
      const { formatDateIt } = await import('../domain/dates.js');
      const { r, v } = await withStore(ctx.dbPath, async (store) => {
        const r = await concludiDote(store, ctx, id, opts);
        return { r, v: await mostraDote(store, ctx, r.dote.id) };
      });
      if (ctx.json) return printJson({ dote: v, attivitaTerminate: r.attivitaTerminate, attivitaSenzaOre: r.attivitaSenzaOre });
      out(`Dote ${v.id} CONCLUSA il ${formatDateIt(r.dote.data_conclusione!)}.`);
      if (r.attivitaTerminate.length) out(`Attività TERMINATE: ${r.attivitaTerminate.join(', ')}.`);
      if (r.attivitaSenzaOre.length) out(`Attività senza ore erogate (non terminate, non pagate): ${r.attivitaSenzaOre.join(', ')}.`);
      const next = nextDeadlineText(v.scadenze);
      if (next) out(next);
    });
  return example(cmd, 'dote concludi CR-2021-0001 --data 2022-03-31', 'dote concludi JC-1-1103/022');
}
