import { Command } from 'commander';
import { collect, context, err, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

const SERVIZIO_HELP = 'CODICE=ORE, ore collettive con :coll (ripetibile), es. QT6=4 QT6=6:coll QD2=1,5';
const SERVIZIO_MISSING = 'indica almeno un --servizio CODICE=ORE[:coll] (es. --servizio QD2=2 --servizio QF0=40:coll)';

/** `pip imposta ID --servizio CODICE=ORE[:coll]… [--data D]`. */
export const impostaOptions = defineOptions(({ z, date, optional, servizi }) =>
  z.object({
    servizio: servizi('--servizio', SERVIZIO_MISSING),
    data: optional(date('--data')),
  }),
);

/** `pip varia ID --motivo "…" --servizio CODICE=ORE[:coll]… [--data D]`. */
export const variaOptions = defineOptions(({ z, date, optional, required, servizi }) =>
  z.object({
    motivo: required('--motivo obbligatorio: ogni variazione del PIP va motivata'),
    servizio: servizi('--servizio', SERVIZIO_MISSING),
    data: optional(date('--data')),
  }),
);

/** `pip invia|valida ID [--data D]`. */
export const passoOptions = defineOptions(({ z, date, optional }) => z.object({ data: optional(date('--data')) }));

type PipRun =
  | { run: 'imposta'; o: Awaited<ReturnType<typeof impostaOptions.parse>> }
  | { run: 'varia'; o: Awaited<ReturnType<typeof variaOptions.parse>> }
  | { run: 'invia' | 'valida'; o: Awaited<ReturnType<typeof passoOptions.parse>> };

async function pipAction(id: string, p: PipRun): Promise<void> {
  const ctx = context();
  const { withStore } = await import('../db/store.js');
  const pip = await import('../use-cases/pip.js');
  const { formatPip } = await import('../output/pip.js');
  const { mostraDote } = await import('../use-cases/dote-view.js');
  const { nextDeadlineText } = await import('../output/dote.js');
  const { formatDateIt } = await import('../domain/dates.js');
  const { formatCents } = await import('../domain/money.js');
  const run = p.run;
  await withStore(ctx.dbPath, async (store) => {
    if (p.run === 'imposta' || p.run === 'varia') {
      const r =
        p.run === 'imposta'
          ? await pip.impostaPip(store, ctx, id, { servizi: p.o.servizio, data: p.o.data })
          : await pip.variaPip(store, ctx, id, { servizi: p.o.servizio, motivo: p.o.motivo, data: p.o.data });
      const v = await mostraDote(store, ctx, r.doteId);
      if (ctx.json) return printJson({ pip: r, dote: v });
      for (const w of r.avvisi) err(`avviso ${w.rule}: ${w.message}`);
      out(formatPip(r));
      if (run === 'varia') out(`Limite delle variazioni: ${formatCents(r.valoreDoteCent)}, il valore del PIP versione 1.`);
      const next = nextDeadlineText(v.scadenze);
      if (next) out(next);
      return;
    }
    const r = p.run === 'invia' ? await pip.inviaPip(store, ctx, id, p.o) : await pip.validaPip(store, ctx, id, p.o);
    const v = await mostraDote(store, ctx, r.doteId);
    if (ctx.json) return printJson({ dote: v, avvisi: r.avvisi });
    // A step recorded after its deadline: recorded anyway, dote/deadline reported (use-cases/pip.ts).
    for (const w of r.avvisi) err(`avviso ${w.rule}: ${w.message}`);
    if (run === 'invia') out(`PIP della dote ${v.id} inviato alla Provincia il ${formatDateIt(r.dopo.data_invio_pip!)}.`);
    else out(`PIP della dote ${v.id} validato il ${formatDateIt(r.dopo.data_validazione_pip!)}: la dote termina il ${formatDateIt(r.dopo.data_fine!)}.`);
    const next = nextDeadlineText(v.scadenze);
    if (next) out(next);
  });
}

export function pipCommand(): Command {
  const cmd = new Command('pip').description('il PIP di una dote Cremona: servizi e ore entro i massimali della fascia, variazioni, invio e validazione');

  const imposta = new Command('imposta')
    .description('prima versione del PIP: servizi e ore (valore = tariffa × ore, individuali e collettive)')
    .argument('<id>', 'id della dote')
    .option('--servizio <CODICE=ORE[:coll]>', SERVIZIO_HELP, collect)
    .option('--data <data>', 'data del PIP (predefinita: oggi)')
    .action(async (id: string, raw: unknown) => pipAction(id, { run: 'imposta', o: await impostaOptions.parse(raw) }));
  example(imposta, 'dote pip imposta CR-2021-0001 --servizio QD2=2 --servizio QD3=3 --servizio Q0C=5 --servizio QT8=30 --servizio QF0=40:coll');

  const varia = new Command('varia')
    .description('variazione del PIP: nuova versione con motivo e data; i servizi non indicati restano, CODICE=0 toglie; mai oltre il valore della versione 1')
    .argument('<id>', 'id della dote')
    .requiredOption('--motivo <testo>', 'motivazione della variazione (obbligatoria)')
    .option('--servizio <CODICE=ORE[:coll]>', SERVIZIO_HELP, collect)
    .option('--data <data>', 'data della variazione (predefinita: oggi)')
    .action(async (id: string, raw: unknown) => pipAction(id, { run: 'varia', o: await variaOptions.parse(raw) }));
  example(varia, 'dote pip varia CR-2021-0001 --motivo "tirocinio ridotto, più formazione" --servizio QT8=20 --servizio QF0=10');

  const invia = new Command('invia')
    .description('il PIP è stato inviato alla PEC della Provincia (entro 10 giorni lavorativi dall\'attivazione)')
    .argument('<id>', 'id della dote')
    .option('--data <data>', "data dell'invio (predefinita: oggi)")
    .action(async (id: string, raw: unknown) => pipAction(id, { run: 'invia', o: await passoOptions.parse(raw) }));
  example(invia, 'dote pip invia CR-2021-0001 --data 2021-04-12');

  const valida = new Command('valida')
    .description('la Provincia ha validato il PIP: la fine della dote si ricalcola dalla validazione (6 o 12 mesi)')
    .argument('<id>', 'id della dote')
    .option('--data <data>', 'data della validazione (predefinita: oggi)')
    .action(async (id: string, raw: unknown) => pipAction(id, { run: 'valida', o: await passoOptions.parse(raw) }));
  example(valida, 'dote pip valida CR-2021-0001 --data 2021-05-03');

  for (const c of [imposta, varia, invia, valida]) cmd.addCommand(c);
  return example(cmd, 'dote pip imposta CR-2021-0001 --servizio QD2=2 --servizio QF0=40:coll', 'dote pip invia CR-2021-0001');
}
