import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function storiaCommand(): Command {
  const cmd = new Command('storia')
    .description('lo storico di una dote: la dote, il PIP, le attività e le erogazioni; chi, quando, cosa è cambiato')
    .argument('<id>', 'id della dote')
    .action(async (id: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { nomiStoria, storiaDote } = await import('../use-cases/storia.js');
      const { formatStoria } = await import('../output/storia.js');
      // --json keeps the recorded values; the text shows names, Italian dates, hours and money.
      const { view, nomi } = await withStore(ctx.dbPath, async (store) => {
        const view = await storiaDote(store, id);
        return { view, nomi: ctx.json ? undefined : await nomiStoria(store, view.dote) };
      });
      if (ctx.json) printJson(view);
      else out(formatStoria(view, nomi));
    });
  return example(cmd, 'dote storia JC-1-1103/022', 'dote storia JC-1-1103/022 --json');
}
