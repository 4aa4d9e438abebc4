// PLACEHOLDER: replaced by the issue that implements `dote destinatario`.
import { Command } from 'commander';
import { DoteError } from '../errors.js';

export function destinatarioCommand(): Command {
  return new Command('destinatario')
    .description('(non ancora disponibile)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new DoteError('comando non ancora disponibile: destinatario', { exitCode: 2 });
    });
}
