// PLACEHOLDER: replaced by the issue that implements `dote sede`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function sedeCommand(): Command {
  return new Command('sede')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: sede', { exitCode: 2 });
    });
}
