import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

export const regoleOptions = defineOptions(({ z, text, flag, LIMITI }) => z.object({ bando: text(LIMITI.codice), markdown: flag() }));

export function regoleCommand(): Command {
  const cmd = new Command('regole')
    .description('ogni regola di controllo: id, gravità per bando, titolo')
    .option('--bando <bando>', 'solo le impostazioni di un bando')
    .option('--markdown', 'tabella Markdown (quella del README)')
    .action(async (raw: unknown) => {
      const opts = await regoleOptions.parse(raw);
      const ctx = context();
      const { regoleView } = await import('../use-cases/catalogo.js');
      const { formatRegole, markdownRegole } = await import('../output/catalogo.js');
      const view = regoleView(ctx.catalogFiles, opts.bando);
      if (ctx.json) printJson(view);
      else if (opts.markdown) out(markdownRegole(view));
      else out(formatRegole(view));
    });
  return example(cmd, 'dote regole', 'dote regole --bando veneto-jc-2022 --json');
}
