import { Command } from 'commander';
import { example } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

const missing = (option: string) => `opzione obbligatoria mancante: ${option}`;

/** `relazione ID --testo FILE -o FILE.pdf [--modelli DIR]`. */
export const relazioneOptions = defineOptions(({ z, required, text, LIMITI }) =>
  z.object({
    testo: required(missing('--testo'), LIMITI.percorso),
    output: required(missing('-o, --output'), LIMITI.percorso),
    modelli: text(LIMITI.percorso),
  }),
);

export function relazioneCommand(): Command {
  const cmd = new Command('relazione')
    .description('Job Coach: la relazione finale per il CPI (attività e risultati; in caso di esito negativo problemi, motivi della cessazione, azioni), in PDF/A')
    .argument('<id>', 'id del voucher')
    .option('--testo <file>', 'il testo della relazione: una sezione per titolo "# …" (vedi il README)')
    .option('-o, --output <file.pdf>', 'il PDF da scrivere')
    .option('--modelli <cartella>', 'i modelli personalizzati (anche DOTE_MODELLI)')
    .action(async (id: string, raw: unknown) => {
      const o = await relazioneOptions.parse(raw);
      const { readNamedFile } = await import('../os-errors.js');
      const { UsageError } = await import('../errors.js');
      const { leggiRelazione } = await import('../domain/relazione.js');
      const text = readNamedFile(`--testo ${o.testo}`, o.testo, 'utf8');
      const r = leggiRelazione(text);
      if ('problemi' in r) throw new UsageError(`${o.testo}: ${r.problemi.join('; ')}`, 'una sezione per titolo: # Attività svolte e risultati, # Inserimento nell\'azienda, # Capacità lavorativa, # Possibilità di mantenere il posto di lavoro');
      const { run } = await import('./stampa.js');
      await run(o, (d, store, ctx, base) => d.stampaRelazione(store, ctx, id, r.sezioni, base));
    });
  return example(cmd, 'dote relazione JC-1-1103/022 --testo relazione-verdi.txt -o relazione-verdi.pdf');
}
