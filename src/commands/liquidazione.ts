import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function liquidazioneCommand(): Command {
  const cmd = new Command('liquidazione').description('la domanda di liquidazione: cosa la blocca, quanto si chiede');

  const verifica = new Command('verifica')
    .description("cosa blocca ancora la richiesta (errori) e cosa sapere (avvisi), con l'importo riga per riga; stato di uscita 1 finché qualcosa blocca")
    .argument('<id>', 'id della dote')
    .action(async (id: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { verificaLiquidazione } = await import('../use-cases/liquidazione.js');
      const view = await import('../output/liquidazione.js');
      const { painter } = await import('../output/verifica.js');
      const { FindingsReported } = await import('../errors.js');
      const v = await withStore(ctx.dbPath, (store) => verificaLiquidazione(store, ctx, id));
      if (ctx.json) printJson(v);
      else out(view.formatVerificaLiquidazione(v, await painter()));
      if (v.errori) throw new FindingsReported();
    });
  example(verifica, 'dote liquidazione verifica CR-2021-0001', 'dote liquidazione verifica JC-1-1103/022 --json');

  cmd.addCommand(verifica);
  return cmd;
}
