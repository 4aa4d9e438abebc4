import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function ripristinaCommand(): Command {
  const cmd = new Command('ripristina')
    .description('rimette in uso una copia di sicurezza (aggiornata allo schema attuale); il database attuale resta da parte con la data di --oggi nel nome')
    .argument('<file>', 'la copia fatta con "dote backup"')
    .action(async (file: string) => {
      const ctx = context();
      const { restoreDatabase } = await import('../db/backup.js');
      const v = await restoreDatabase(ctx.dbPath, file, ctx.oggi);
      if (ctx.json) printJson(v);
      else {
        const schema = v.versioneFile < v.versione ? ` (aggiornata dallo schema ${v.versioneFile} al ${v.versione})` : '';
        const prima = v.copiaPrecedente ? `\nIl database di prima è conservato in ${v.copiaPrecedente}.` : '';
        out(`Database ${v.database} ripristinato dalla copia ${v.file}${schema}.${prima}`);
      }
    });
  return example(cmd, 'dote ripristina copie/dote-fine-mese.db', 'dote ripristina copie/dote-fine-mese.db --db /dati/dote.db --oggi 2022-06-28');
}
