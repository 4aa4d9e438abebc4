// PLACEHOLDER: replaced by the issue that implements `dote concludi`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function concludiCommand(): Command {
  return new Command('concludi')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: concludi', { exitCode: 2 });
    });
}
