import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `sede aggiungi NOME --comune C [--patrono GG/MM] [--indirizzo …] [--responsabile …]`; `--patrono ""`: none. */
export const aggiungiOptions = defineOptions(({ z, dayOfYear, clearable, text, testo, LIMITI }) =>
  z.object({
    nome: testo(LIMITI.nome, 'nome della sede'),
    comune: testo(LIMITI.nome),
    patrono: clearable(dayOfYear('--patrono')),
    indirizzo: text(LIMITI.nome),
    responsabile: text(LIMITI.nome),
  }),
);

export function sedeCommand(): Command {
  const cmd = new Command('sede').description('le sedi e gli sportelli, con il comune e il giorno del patrono');

  const aggiungi = new Command('aggiungi')
    .description('aggiunge una sede; il giorno del patrono del comune vale come festivo per le erogazioni in quella sede')
    .argument('<nome>', 'nome della sede, unico (es. "Cremona centro")')
    .requiredOption('--comune <comune>', 'comune della sede')
    .option('--patrono <GG/MM>', 'giorno del santo patrono del comune (es. 13/11 a Cremona)')
    .option('--indirizzo <indirizzo>', 'indirizzo della sede')
    .option('--responsabile <nome>', "responsabile dell'unità organizzativa")
    .action(async (nomeText: string, raw: object) => {
      const { nome, ...opts } = await aggiungiOptions.parse({ ...raw, nome: nomeText });
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { aggiungiSede } = await import('../use-cases/sede.js');
      const { formatPatrono } = await import('../output/sede.js');
      const v = await withStore(ctx.dbPath, (store) => aggiungiSede(store, nome, opts, ctx.operatore));
      if (ctx.json) printJson(v);
      else out(`Sede "${v.nome}" aggiunta: ${v.comune}${v.patrono ? `, patrono ${formatPatrono(v.patrono)}` : ', nessun giorno del patrono indicato'}.`);
    });
  example(
    aggiungi,
    'dote sede aggiungi "Cremona centro" --comune Cremona --patrono 13/11 --indirizzo "Via Dante 1" --responsabile "Luca Verdi"',
    'dote sede aggiungi Padova --comune Padova --patrono 13/06',
  );

  const elenco = new Command('elenco')
    .description('elenca le sedi')
    .action(async () => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { elencoSedi } = await import('../use-cases/sede.js');
      const { formatSedi } = await import('../output/sede.js');
      const list = await withStore(ctx.dbPath, (store) => elencoSedi(store), { readonly: true });
      if (ctx.json) printJson(list);
      else out(formatSedi(list));
    });
  example(elenco, 'dote sede elenco', 'dote sede elenco --json');

  const mostra = new Command('mostra')
    .description('mostra una sede')
    .argument('<nome>', 'nome della sede (maiuscole e minuscole indifferenti)')
    .action(async (nome: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { mostraSede } = await import('../use-cases/sede.js');
      const { formatSede } = await import('../output/sede.js');
      const v = await withStore(ctx.dbPath, (store) => mostraSede(store, nome), { readonly: true });
      if (ctx.json) printJson(v);
      else out(formatSede(v));
    });
  example(mostra, 'dote sede mostra "Cremona centro"');

  cmd.addCommand(aggiungi);
  cmd.addCommand(elenco);
  cmd.addCommand(mostra);
  return example(cmd, 'dote sede aggiungi "Cremona centro" --comune Cremona --patrono 13/11', 'dote sede elenco');
}
