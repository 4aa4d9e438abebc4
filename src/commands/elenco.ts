// PLACEHOLDER: replaced by the issue that implements `dote elenco`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function elencoCommand(): Command {
  return new Command('elenco')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: elenco', { exitCode: 2 });
    });
}
