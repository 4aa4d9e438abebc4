// PLACEHOLDER: replaced by the issue that implements `dote rifiuta`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function rifiutaCommand(): Command {
  return new Command('rifiuta')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: rifiuta', { exitCode: 2 });
    });
}
