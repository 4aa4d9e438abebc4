import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `impresa imposta ID --denominazione "…" --partita-iva N --iscrizione D [--rea CCIAA-N]`. */
export const impostaImpresaOptions = defineOptions(({ z, date, optional, required, text }) =>
  z.object({
    denominazione: required("--denominazione: indica la ragione sociale dell'impresa avviata"),
    partitaIva: required("--partita-iva: indica la partita IVA dell'impresa (11 cifre)"),
    iscrizione: date('--iscrizione'),
    rea: optional(text()),
  }),
);

export function impresaCommand(): Command {
  const cmd = new Command('impresa').description("l'impresa avviata con la dote imprenditorialità (D1-IMP): vale il risultato e va nella domanda di liquidazione");

  const imposta = new Command('imposta')
    .description("registra (o corregge) l'impresa: iscrizione al Registro Imprese o apertura della partita IVA")
    .argument('<id>', 'id della dote')
    .option('--denominazione <nome>', "ragione sociale dell'impresa")
    .option('--partita-iva <numero>', '11 cifre, con la cifra di controllo')
    .option('--iscrizione <data>', 'data di iscrizione al Registro Imprese (o di apertura della partita IVA); non dopo oggi')
    .option('--rea <numero>', 'Camera di commercio e numero REA, es. CR-123456')
    .action(async (id: string, raw: unknown) => {
      const o = await impostaImpresaOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { impostaImpresa } = await import('../use-cases/liquidazione.js');
      const { formatImpresa } = await import('../output/liquidazione.js');
      const v = await withStore(ctx.dbPath, (store) => impostaImpresa(store, ctx, id, o));
      if (ctx.json) printJson(v);
      else out(formatImpresa(v));
    });
  example(imposta, 'dote impresa imposta CR-2021-0002 --denominazione "Verdi Servizi di Luca Verdi" --partita-iva 01234567897 --iscrizione 2021-05-03 --rea CR-123456');

  const mostra = new Command('mostra')
    .description("l'impresa registrata e se vale il risultato (iscritta non prima dell'avvio della dote)")
    .argument('<id>', 'id della dote')
    .action(async (id: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { mostraImpresa } = await import('../use-cases/liquidazione.js');
      const { formatImpresa } = await import('../output/liquidazione.js');
      const v = await withStore(ctx.dbPath, (store) => mostraImpresa(store, ctx, id), { readonly: true });
      if (ctx.json) printJson(v);
      else out(formatImpresa(v));
    });
  example(mostra, 'dote impresa mostra CR-2021-0002');

  cmd.addCommand(imposta);
  cmd.addCommand(mostra);
  return cmd;
}
