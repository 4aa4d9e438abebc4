// PLACEHOLDER: replaced by the issue that implements `dote mostra`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function mostraCommand(): Command {
  return new Command('mostra')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: mostra', { exitCode: 2 });
    });
}
