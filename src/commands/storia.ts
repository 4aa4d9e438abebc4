import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { UsageError } from '../errors.js';
import { defineOptions } from '../cli-options/define.js';

/** `storia ID` or `storia --anagrafica`. */
export const storiaOptions = defineOptions(({ z, flag }) => z.object({ anagrafica: flag() }));

export function storiaCommand(): Command {
  const cmd = new Command('storia')
    .description('lo storico di una dote: la dote, il PIP, le attività e le erogazioni; chi, quando, cosa è cambiato')
    .argument('[id]', 'id della dote')
    .option('--anagrafica', "invece di una dote, le modifiche dell'ente, delle sedi, dei professionisti e dei destinatari")
    .action(async (id: string | undefined, raw: unknown) => {
      const opts = await storiaOptions.parse(raw);
      const ctx = context();
      if (Boolean(id) === Boolean(opts.anagrafica)) throw new UsageError(id ? 'indica la dote oppure --anagrafica, non tutte e due' : 'manca la dote: indica il suo id, oppure --anagrafica', 'dote storia JC-1-1103/022');
      const { withStore } = await import('../db/store.js');
      const { nomiStoria, storiaAnagrafica, storiaDote } = await import('../use-cases/storia.js');
      const { formatStoria } = await import('../output/storia.js');
      // --json keeps the recorded values; the text shows names, Italian dates, hours and money.
      const { view, nomi } = await withStore(ctx.dbPath, async (store) => {
        const view = id ? await storiaDote(store, id) : await storiaAnagrafica(store);
        return { view, nomi: ctx.json ? undefined : await nomiStoria(store, view.dote) };
      }, { readonly: true });
      if (ctx.json) printJson(view);
      else out(formatStoria(view, nomi));
    });
  return example(cmd, 'dote storia JC-1-1103/022', 'dote storia JC-1-1103/022 --json', 'dote storia --anagrafica');
}
