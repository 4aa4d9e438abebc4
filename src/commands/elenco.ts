import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `elenco [--bando B] [--stato S]`: a state in any case, `_` for spaces, AMMESSA / AMMESSO for AMMESSO AL SERVIZIO. */
export const elencoOptions = defineOptions(async ({ z, oneOf, optional, text, LIMITI }) => {
  const { STATO } = await import('../domain/dote-stati.js');
  const stati = [STATO.ATTIVA, STATO.PROPOSTA, STATO.AMMESSA, STATO.RIFIUTATA, STATO.CANCELLATA, STATO.CONCLUSA];
  const normalise = (s: string) => s.trim().toUpperCase().replace(/_/g, ' ');
  return z.object({
    bando: text(LIMITI.codice),
    stato: optional(oneOf('--stato', stati, { normalise, aliases: { AMMESSA: STATO.AMMESSA, AMMESSO: STATO.AMMESSA } })),
  });
});

export function elencoCommand(): Command {
  const cmd = new Command('elenco')
    .description('le doti e le richieste Job Coach, con lo stato di oggi')
    .option('--bando <bando>', 'solo le doti di un bando, es. cremona-2021')
    .option('--stato <stato>', 'solo uno stato: ATTIVA, PROPOSTA, AMMESSO AL SERVIZIO, RIFIUTATA, CANCELLATA, CONCLUSA')
    .action(async (raw: unknown) => {
      const opts = await elencoOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { elencoDoti } = await import('../use-cases/dote-view.js');
      const { formatElenco } = await import('../output/dote.js');
      const list = await withStore(ctx.dbPath, (store) => elencoDoti(store, ctx, opts), { readonly: true });
      if (ctx.json) printJson(list);
      else out(formatElenco(list));
    });
  return example(cmd, 'dote elenco', 'dote elenco --bando veneto-jc-2022 --stato PROPOSTA', 'dote elenco --stato attiva --json');
}
