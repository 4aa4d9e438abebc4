import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

export const scadenzeOptions = defineOptions(({ z, integer, optional }) =>
  z.object({ entro: optional(integer('--entro', { min: 0, max: Number.MAX_SAFE_INTEGER, expected: 'un numero di giorni, es. --entro 15' })) }),
);

export function scadenzeCommand(): Command {
  const cmd = new Command('scadenze')
    .description('le scadenze ancora da rispettare (invio e validazione del PIP, fine dote, liquidazione, ammissione Job Coach, rendicontazione), prima le più vicine; sempre quelle scadute')
    .option('--entro <giorni>', 'solo quelle entro N giorni (più tutte le scadute)')
    .action(async (raw: unknown) => {
      const opts = await scadenzeOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { scadenzeView } = await import('../use-cases/scadenze.js');
      const { formatScadenze } = await import('../output/scadenze.js');
      const r = await withStore(ctx.dbPath, (store) => scadenzeView(store, ctx, opts), { readonly: true });
      if (ctx.json) printJson(r);
      else out(formatScadenze(r));
    });
  return example(cmd, 'dote scadenze', 'dote scadenze --entro 15', 'dote scadenze --oggi 2022-05-02 --json');
}
