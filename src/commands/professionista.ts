// PLACEHOLDER: replaced by the issue that implements `dote professionista`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function professionistaCommand(): Command {
  return new Command('professionista')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: professionista', { exitCode: 2 });
    });
}
