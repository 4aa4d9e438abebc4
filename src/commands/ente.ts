// PLACEHOLDER: replaced by the issue that implements `dote ente`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function enteCommand(): Command {
  return new Command('ente')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: ente', { exitCode: 2 });
    });
}
