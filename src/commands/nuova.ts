import { Command } from 'commander';
import { context, err, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';
import type { NuovaOptions as NuovaOpts } from '../use-cases/doti.js';

/**
 * `nuova [--bando B] [--tipo T] [--destinatario CF] [--id ID] [--fascia N] [--linea a|b] [--azienda …] [--data D]`.
 * All optional here: on a terminal the missing ones are asked; which are required depends on the type.
 */
export const nuovaOptions = defineOptions(({ z, date, fascia, optional, text, LIMITI }) =>
  z.object({
    bando: text(LIMITI.codice),
    tipo: text(LIMITI.codice),
    destinatario: text(LIMITI.codice),
    id: text(LIMITI.codice),
    fascia: optional(fascia('--fascia')),
    linea: text(LIMITI.codice),
    azienda: text(LIMITI.nome),
    data: optional(date('--data')),
  }),
);

const EXAMPLES = [
  'dote nuova --tipo D1-INS --destinatario RSSMRA80A01D150J --fascia 3 --data 2021-04-01',
  'dote nuova --tipo D2-MAN --destinatario RSSMRA80A01D150J --fascia 2 --azienda "Rossi S.r.l."',
  'dote nuova --tipo JC-BASE --id JC-1-1103/022 --destinatario RSSMRA80A01D150J --data 2022-06-28',
  'dote nuova            (su un terminale: chiede bando, tipo, destinatario, fascia…)',
];

export function nuovaCommand(): Command {
  const cmd = new Command('nuova')
    .description('nuova dote: Cremona (ATTIVA dalla data di attivazione) o richiesta Job Coach (PROPOSTA dalla notifica del CPI); su un terminale, senza opzioni, chiede i dati')
    .option('--bando <bando>', 'id del bando (si può omettere: il tipo lo indica)')
    .option('--tipo <tipo>', 'D1-INS, D1-IMP, D2-MAN, D2-COV (cremona-2021); JC-BASE, JC-RINF (veneto-jc-2022)')
    .option('--destinatario <cf>', 'codice fiscale del destinatario (già registrato)')
    .option('--id <id>', 'id della dote; Job Coach: il codice OPAL (obbligatorio). Senza: CR-AAAA-NNNN')
    .option('--fascia <n>', 'Cremona: fascia di intensità di aiuto assegnata dalla Provincia (1-4, obbligatoria)')
    .option('--linea <a|b>', 'D1: linea a (categorie prioritarie) o b (segnalati dalla rete); senza: a se la persona è in una categoria prioritaria')
    .option('--azienda <nome>', 'datore di lavoro (obbligatorio per D2: mantenimento)')
    .option('--data <data>', 'Cremona: data di richiesta e attivazione; Job Coach: data della notifica del CPI (predefinita: oggi)')
    .action(async (raw: unknown) => {
      const opts: NuovaOpts = await nuovaOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { nuovaDote, missingNuovaOptions } = await import('../use-cases/doti.js');
      const { formatNuova } = await import('../output/dote.js');
      const r = await withStore(ctx.dbPath, async (store) => {
        let o: NuovaOpts = opts;
        const missing = missingNuovaOptions(ctx.catalogFiles, o);
        if (missing.length) {
          if (process.stdin.isTTY && process.stdout.isTTY) {
            const { askNuova } = await import('../use-cases/nuova-prompt.js');
            o = await askNuova(store, ctx, o);
          } else {
            const { CommandLineError } = await import('../errors.js');
            throw new CommandLineError(`opzioni obbligatorie mancanti: ${missing.join(', ')} (senza un terminale non posso chiederle)`);
          }
        }
        const r = await nuovaDote(store, ctx, o);
        const { mostraDote } = await import('../use-cases/dote-view.js');
        return { ...r, detail: await mostraDote(store, ctx, r.dote.id) };
      });
      if (ctx.json) return printJson({ dote: r.detail, categoriePrioritarie: r.categoriePrioritarie, avvisi: r.avvisi });
      for (const w of r.avvisi) err(`avviso ${w.rule}: ${w.message}`);
      out(formatNuova(r));
    });
  return example(cmd, ...EXAMPLES);
}
