import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `backup FILE [--sovrascrivi]`: without --sovrascrivi an existing FILE is refused (exit 2). */
export const backupOptions = defineOptions(({ z, flag }) => z.object({ sovrascrivi: flag() }));

export function backupCommand(): Command {
  const cmd = new Command('backup')
    .description('copia di sicurezza del database in un file (coerente anche mentre altri comandi scrivono), leggibile solo dal proprietario')
    .argument('<file>', 'il file della copia')
    .option('--sovrascrivi', 'sostituisce FILE se esiste già')
    .action(async (file: string, raw: unknown) => {
      const opts = await backupOptions.parse(raw);
      const ctx = context();
      const { backupDatabase } = await import('../db/backup.js');
      const v = await backupDatabase(ctx.dbPath, file, opts);
      if (ctx.json) printJson(v);
      else out(`Copia di sicurezza di ${v.database} scritta in ${v.file}.`);
    });
  return example(cmd, 'dote backup copie/dote-fine-mese.db', 'dote backup copie/dote-fine-mese.db --sovrascrivi --db /dati/dote.db');
}
