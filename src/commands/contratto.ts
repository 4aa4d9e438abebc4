import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `contratto aggiungi ID --tipo … --dal D [--al D] --ore-settimanali N --ore-ccnl N --azienda "…"`. */
export const aggiungiContrattoOptions = defineOptions(({ z, date, ore, oneOf, optional, required, LIMITI }) =>
  z.object({
    tipo: oneOf('--tipo', ['subordinato', 'somministrazione', 'tirocinio'] as const),
    dal: date('--dal'),
    al: optional(date('--al')),
    oreSettimanali: ore('--ore-settimanali'),
    oreCcnl: ore('--ore-ccnl'),
    azienda: required("--azienda: indica l'azienda (datore di lavoro o utilizzatrice)", LIMITI.nome),
  }),
);

/** `contratto rimuovi ID N`: the number as an argument, read by the same kind as ids. */
export const rimuoviContrattoOptions = defineOptions(({ z, id }) => z.object({ n: id('numero del contratto') }));

export function contrattoCommand(): Command {
  const cmd = new Command('contratto').description("i contratti di lavoro che valgono il risultato occupazionale (180 giorni, orario non sotto il CCNL, mai il tirocinio)");

  const aggiungi = new Command('aggiungi')
    .description('registra un contratto della persona; le date possono essere dopo oggi (un contratto a termine firmato durante la dote)')
    .argument('<id>', 'id della dote')
    .option('--tipo <tipo>', 'subordinato, somministrazione o tirocinio')
    .option('--dal <data>', 'inizio del contratto')
    .option('--al <data>', 'fine del contratto (senza: a tempo indeterminato)')
    .option('--ore-settimanali <ore>', 'ore settimanali del contratto (es. 30 o 37,5)')
    .option('--ore-ccnl <ore>', 'ore settimanali piene del CCNL applicato (es. 40)')
    .option('--azienda <nome>', 'datore di lavoro (per la somministrazione: l\'utilizzatore)')
    .action(async (id: string, raw: unknown) => {
      const o = await aggiungiContrattoOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { aggiungiContratto } = await import('../use-cases/liquidazione.js');
      const { formatContratto } = await import('../output/liquidazione.js');
      const c = await withStore(ctx.dbPath, (store) =>
        aggiungiContratto(store, ctx, id, { tipo: o.tipo, dal: o.dal, al: o.al, minutiSettimanali: o.oreSettimanali, minutiCcnl: o.oreCcnl, azienda: o.azienda }),
      );
      if (ctx.json) printJson(c);
      else out(formatContratto(c, 'aggiunto'));
    });
  example(aggiungi, 'dote contratto aggiungi CR-2021-0001 --tipo subordinato --dal 2021-09-01 --al 2022-08-31 --ore-settimanali 30 --ore-ccnl 40 --azienda "Rossi & C. srl"');

  const elenco = new Command('elenco')
    .description('i contratti della dote e i giorni che contano per il risultato')
    .argument('<id>', 'id della dote')
    .action(async (id: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { elencoContratti } = await import('../use-cases/liquidazione.js');
      const { formatContratti } = await import('../output/liquidazione.js');
      const v = await withStore(ctx.dbPath, (store) => elencoContratti(store, ctx, id), { readonly: true });
      if (ctx.json) printJson(v);
      else out(formatContratti(v.doteId, v.contratti, v.occupazione));
    });
  example(elenco, 'dote contratto elenco CR-2021-0001');

  const rimuovi = new Command('rimuovi')
    .description('toglie un contratto registrato per errore (resta nella storia della dote)')
    .argument('<id>', 'id della dote')
    .argument('<numero>', 'numero del contratto, come in "dote contratto elenco"')
    .action(async (id: string, numero: string) => {
      const { n } = await rimuoviContrattoOptions.parse({ n: numero });
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { rimuoviContratto } = await import('../use-cases/liquidazione.js');
      const { formatContratto } = await import('../output/liquidazione.js');
      const c = await withStore(ctx.dbPath, (store) => rimuoviContratto(store, ctx, id, n));
      if (ctx.json) printJson(c);
      else out(formatContratto(c, 'rimosso'));
    });
  example(rimuovi, 'dote contratto rimuovi CR-2021-0001 2');

  cmd.addCommand(aggiungi);
  cmd.addCommand(elenco);
  cmd.addCommand(rimuovi);
  return cmd;
}
