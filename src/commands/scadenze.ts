// PLACEHOLDER: replaced by the issue that implements `dote scadenze`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function scadenzeCommand(): Command {
  return new Command('scadenze')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: scadenze', { exitCode: 2 });
    });
}
