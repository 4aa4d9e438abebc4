import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';

export function initCommand(): Command {
  const cmd = new Command('init')
    .description('crea il database (WAL, chiavi esterne, file leggibile solo dal proprietario); ripeterlo non fa danni')
    .action(async () => {
      const ctx = context();
      const { isServerUrl, displayLocation } = await import('../db/location.js');
      if (isServerUrl(ctx.dbPath)) {
        // A PostgreSQL server: the schema in the database's current schema, in one transaction.
        const { initPostgres } = await import('../db/postgres/connection.js');
        const r = await initPostgres(ctx.dbPath);
        const where = displayLocation(ctx.dbPath);
        if (ctx.json) {
          printJson({ db: where, ...r, permessiRistretti: false, permessiPrima: null });
          return;
        }
        if (r.created) out(`Database creato sul server: ${where} (schema versione ${r.version})`);
        else if (r.migrated) out(`Database aggiornato sul server: ${where} (schema versione ${r.version}, ${r.migrated === 1 ? '1 migrazione applicata' : `${r.migrated} migrazioni applicate`})`);
        else out(`Database già pronto sul server: ${where} (schema versione ${r.version})`);
        return;
      }
      const { initDatabase } = await import('../db/connection.js');
      const { modeText } = await import('../db/database-file.js');
      const r = initDatabase(ctx.dbPath);
      const { restrictedFrom, ...rest } = r;
      if (ctx.json) {
        printJson({ db: ctx.dbPath, ...rest, permessiRistretti: restrictedFrom !== undefined, permessiPrima: restrictedFrom === undefined ? null : modeText(restrictedFrom) });
        return;
      }
      if (r.created) out(`Database creato: ${ctx.dbPath} (schema versione ${r.version})`);
      else if (r.migrated) out(`Database aggiornato: ${ctx.dbPath} (schema versione ${r.version}, ${r.migrated === 1 ? "1 migrazione applicata" : `${r.migrated} migrazioni applicate`})`);
      else out(`Database già pronto: ${ctx.dbPath} (schema versione ${r.version})`);
      if (restrictedFrom !== undefined) out(`Permessi ristretti: ora ${ctx.dbPath} è leggibile solo dal proprietario (prima ${modeText(restrictedFrom)})`);
    });
  return example(cmd, 'dote init', 'dote init --db /srv/ufficio/dote.db', 'dote init --db postgres://segreteria@db.ufficio.it/dote');
}
