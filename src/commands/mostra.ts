import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function mostraCommand(): Command {
  const cmd = new Command('mostra')
    .description('una dote: stato, date, PIP e sue versioni, ore pianificate / programmate / erogate / residue, valore, scadenze')
    .argument('<id>', 'id della dote o codice OPAL')
    .action(async (id: string) => {
      const ctx = context();
      // Imported together, not one after the other: each await of an import is a round of the
      // module loader, and `dote mostra` is the start-up the bench measures (README "Prestazioni").
      const [{ withStore }, { mostraDote }, { formatMostra }] = await Promise.all([
        import('../db/store.js'),
        import('../use-cases/dote-view.js'),
        import('../output/dote.js'),
      ]);
      const v = await withStore(ctx.dbPath, (store) => mostraDote(store, ctx, id), { readonly: true });
      if (ctx.json) printJson(v);
      else out(formatMostra(v));
    });
  return example(cmd, 'dote mostra CR-2021-0001', 'dote mostra JC-1-1103/022 --json');
}
