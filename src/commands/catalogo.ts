import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

export const catalogoOptions = defineOptions(({ z, fascia, optional, text, LIMITI }) => z.object({ tipo: text(LIMITI.codice), fascia: optional(fascia('--fascia')) }));

export function catalogoCommand(): Command {
  const cmd = new Command('catalogo')
    .description('servizi, tariffe e massimali di un bando')
    .argument('<bando>', 'id del bando, es. cremona-2021')
    .option('--tipo <tipo>', 'solo i servizi di un tipo di dote, es. D1-INS')
    .option('--fascia <n>', 'solo i massimali di una fascia (1-4)')
    .action(async (bando: string, raw: unknown) => {
      const opts = await catalogoOptions.parse(raw);
      const ctx = context();
      const { catalogoView } = await import('../use-cases/catalogo.js');
      const { formatCatalogo } = await import('../output/catalogo.js');
      const view = catalogoView(ctx.catalogFiles, bando, opts);
      if (ctx.json) printJson(view);
      else out(formatCatalogo(view));
    });
  return example(cmd, 'dote catalogo cremona-2021 --tipo D1-INS --fascia 3', 'dote catalogo veneto-jc-2022');
}
