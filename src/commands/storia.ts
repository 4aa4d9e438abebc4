// PLACEHOLDER: replaced by the issue that implements `dote storia`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function storiaCommand(): Command {
  return new Command('storia')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: storia', { exitCode: 2 });
    });
}
