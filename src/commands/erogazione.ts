// PLACEHOLDER: replaced by the issue that implements `dote erogazione`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function erogazioneCommand(): Command {
  return new Command('erogazione')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: erogazione', { exitCode: 2 });
    });
}
