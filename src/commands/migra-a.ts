import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function migraACommand(): Command {
  const cmd = new Command('migra-a')
    .description('copia tutto il database (il file di --db) in un database PostgreSQL vuoto, controlla i conteggi, lascia il file com’è')
    .argument('<url>', 'il database sul server, postgres://utente@host:porta/nome (la password da PGPASSWORD o ~/.pgpass)')
    .action(async (url: string) => {
      const ctx = context();
      const { migrateToServer } = await import('../db/migrate-to-server.js');
      const v = await migrateToServer(ctx.dbPath, url);
      if (ctx.json) {
        printJson(v);
        return;
      }
      const { formatInt } = await import('../domain/money.js');
      const lines = v.tabelle.filter((t) => t.righe > 0).map((t) => `  ${t.tabella}: ${formatInt(t.righe)}`);
      out(
        [
          `Copiato ${v.da} in ${v.a}: ${formatInt(v.righe)} ${v.righe === 1 ? 'riga' : 'righe'}, gli stessi conteggi nel file e sul server.`,
          ...lines,
          `Il file non è stato toccato. D'ora in poi: --db ${v.a} (o DOTE_DB).`,
        ].join('\n'),
      );
    });
  return example(cmd, 'dote migra-a postgres://segreteria@server.ufficio/dote --db dote.db');
}
