import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function initCommand(): Command {
  const cmd = new Command('init')
    .description('crea il database (WAL, chiavi esterne, file leggibile solo dal proprietario); ripeterlo non fa danni')
    .action(async () => {
      const ctx = context();
      const { initDatabase } = await import('../db/connection.js');
      const r = initDatabase(ctx.dbPath);
      if (ctx.json) printJson({ db: ctx.dbPath, ...r });
      else if (r.created) out(`Database creato: ${ctx.dbPath} (schema versione ${r.version})`);
      else if (r.migrated) out(`Database aggiornato: ${ctx.dbPath} (schema versione ${r.version}, ${r.migrated === 1 ? "1 migrazione applicata" : `${r.migrated} migrazioni applicate`})`);
      else out(`Database già pronto: ${ctx.dbPath} (schema versione ${r.version})`);
    });
  return example(cmd, 'dote init', 'dote init --db /srv/ufficio/dote.db');
}
