// PLACEHOLDER: replaced by the issue that implements `dote attivita`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function attivitaCommand(): Command {
  return new Command('attivita')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: attivita', { exitCode: 2 });
    });
}
