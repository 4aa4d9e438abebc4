// PLACEHOLDER: replaced by the issue that implements `dote verifica`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function verificaCommand(): Command {
  return new Command('verifica')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: verifica', { exitCode: 2 });
    });
}
