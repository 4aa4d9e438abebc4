import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function bandiCommand(): Command {
  const cmd = new Command('bandi').description('elenca i bandi caricati (inclusi quelli di --catalogo)').action(async () => {
    const ctx = context();
    const { bandiList } = await import('../use-cases/catalogo.js');
    const { formatBandi } = await import('../output/catalogo.js');
    const list = bandiList(ctx.catalogFiles);
    if (ctx.json) printJson(list);
    else out(formatBandi(list));
  });
  return example(cmd, 'dote bandi', 'dote bandi --catalogo cremona-2023.json');
}
