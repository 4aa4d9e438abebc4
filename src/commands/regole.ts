import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function regoleCommand(): Command {
  const cmd = new Command('regole')
    .description('ogni regola di controllo: id, gravità per bando, titolo')
    .option('--bando <bando>', 'solo le impostazioni di un bando')
    .action(async (opts: { bando?: string }) => {
      const ctx = context();
      const { regoleView, formatRegole } = await import('../app/catalogo.js');
      const view = regoleView(ctx.catalogFiles, opts.bando);
      if (ctx.json) printJson(view);
      else out(formatRegole(view));
    });
  return example(cmd, 'dote regole', 'dote regole --bando veneto-jc-2022 --json');
}
