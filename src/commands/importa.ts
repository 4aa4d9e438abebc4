// PLACEHOLDER: replaced by the issue that implements `dote importa`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function importaCommand(): Command {
  return new Command('importa')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: importa', { exitCode: 2 });
    });
}
