// PLACEHOLDER: replaced by the issue that implements `dote pip`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function pipCommand(): Command {
  return new Command('pip')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: pip', { exitCode: 2 });
    });
}
