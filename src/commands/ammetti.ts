// PLACEHOLDER: replaced by the issue that implements `dote ammetti`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function ammettiCommand(): Command {
  return new Command('ammetti')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: ammetti', { exitCode: 2 });
    });
}
