// PLACEHOLDER: replaced by the issue that implements `dote nuova`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function nuovaCommand(): Command {
  return new Command('nuova')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: nuova', { exitCode: 2 });
    });
}
