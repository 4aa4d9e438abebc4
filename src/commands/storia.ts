import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function storiaCommand(): Command {
  const cmd = new Command('storia')
    .description('lo storico di una dote: la dote, il PIP, le attività e le erogazioni; chi, quando, cosa è cambiato')
    .argument('<id>', 'id della dote')
    .action(async (id: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { storiaDote } = await import('../use-cases/storia.js');
      const { formatStoria } = await import('../output/storia.js');
      const view = await withStore(ctx.dbPath, (store) => storiaDote(store, id), { readonly: true });
      if (ctx.json) printJson(view);
      else out(formatStoria(view));
    });
  return example(cmd, 'dote storia JC-1-1103/022', 'dote storia JC-1-1103/022 --json');
}
