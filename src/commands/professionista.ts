import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `professionista aggiungi CODICE --nome "…" [--ruolo …] [--ente …] [--qualifica …] [--anni-esperienza N]`. */
export const aggiungiOptions = defineOptions(({ z, integer, blankAsAbsent, text, testo, LIMITI }) =>
  z.object({
    codice: testo(LIMITI.codice, 'codice'),
    nome: testo(LIMITI.nome),
    ruolo: text(LIMITI.nome),
    ente: text(LIMITI.nome),
    qualifica: text(LIMITI.nome),
    anniEsperienza: blankAsAbsent(integer('--anni-esperienza', { min: 0, max: 99, expected: 'un numero intero di anni, da 0 a 99' })),
  }),
);

export function professionistaCommand(): Command {
  const cmd = new Command('professionista').description('i professionisti che erogano i servizi (si indicano per codice o per nome e cognome)');

  const aggiungi = new Command('aggiungi')
    .description('aggiunge un professionista; codice e nome devono essere univoci')
    .argument('<codice>', 'codice breve, senza spazi (es. PR01)')
    .requiredOption('--nome <nome>', 'nome e cognome (es. "Anna Neri")')
    .option('--ruolo <ruolo>', 'ruolo, testo libero (es. "job coach", "tutor")')
    .option('--ente <organizzazione>', "organizzazione partner a cui appartiene, se non è personale dell'operatore")
    .option('--qualifica <qualifica>', 'qualifica (stampata nel PIP)')
    .option('--anni-esperienza <n>', 'anni di esperienza (stampati nel PIP)')
    .action(async (codiceText: string, raw: unknown) => {
      const { codice, ...opts } = await aggiungiOptions.parse({ ...(raw as object), codice: codiceText });
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { aggiungiProfessionista } = await import('../use-cases/professionista.js');
      const v = await withStore(ctx.dbPath, (store) => aggiungiProfessionista(store, codice, opts, ctx.operatore));
      if (ctx.json) printJson(v);
      else out(`Professionista ${v.codice} aggiunto: ${v.nome}${v.ruolo ? `, ${v.ruolo}` : ''}${v.ente ? ` (${v.ente})` : ''}.`);
    });
  example(
    aggiungi,
    'dote professionista aggiungi PR01 --nome "Anna Neri" --ruolo "job coach" --qualifica "psicologa del lavoro" --anni-esperienza 8',
    'dote professionista aggiungi COOP02 --nome "Paolo Gialli" --ruolo tutor --ente "Cooperativa Il Ponte"',
  );

  const elenco = new Command('elenco')
    .description('elenca i professionisti')
    .action(async () => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { elencoProfessionisti } = await import('../use-cases/professionista.js');
      const { formatProfessionisti } = await import('../output/professionista.js');
      const list = await withStore(ctx.dbPath, (store) => elencoProfessionisti(store), { readonly: true });
      if (ctx.json) printJson(list);
      else out(formatProfessionisti(list));
    });
  example(elenco, 'dote professionista elenco', 'dote professionista elenco --json');

  const mostra = new Command('mostra')
    .description('mostra un professionista, cercato per codice o per nome e cognome')
    .argument('<codice-o-nome>', 'codice (PR01) o nome completo ("Anna Neri" o "Neri Anna")')
    .action(async (key: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { mostraProfessionista } = await import('../use-cases/professionista.js');
      const { formatProfessionista } = await import('../output/professionista.js');
      const v = await withStore(ctx.dbPath, (store) => mostraProfessionista(store, key), { readonly: true });
      if (ctx.json) printJson(v);
      else out(formatProfessionista(v));
    });
  example(mostra, 'dote professionista mostra PR01', 'dote professionista mostra "Anna Neri"');

  cmd.addCommand(aggiungi);
  cmd.addCommand(elenco);
  cmd.addCommand(mostra);
  return example(cmd, 'dote professionista aggiungi PR01 --nome "Anna Neri" --ruolo "job coach"', 'dote professionista mostra "Anna Neri"');
}
