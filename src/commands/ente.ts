import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `ente imposta [--nome …] [--codice …] [--indirizzo …] [--pec …] [--iban …] [--logo FILE] [--rappresentante …]`: `--pec` an address; the IBAN and the logo are checked by the use case. */
export const impostaOptions = defineOptions(({ z, text, email, clearable, integer, LIMITI }) =>
  z.object({
    nome: text(LIMITI.nome),
    codice: text(LIMITI.codice),
    indirizzo: text(LIMITI.nome),
    pec: clearable(email('--pec')),
    iban: text(LIMITI.codice),
    logo: text(LIMITI.percorso),
    rappresentante: text(LIMITI.nome),
    conservazioneAnni: clearable(integer('--conservazione-anni', { min: 1, max: 100, expected: 'un numero intero di anni, da 1 a 100' })),
  }),
);

export function enteCommand(): Command {
  const cmd = new Command('ente').description("i dati dell'ente accreditato: carta intestata e dati di pagamento");

  const imposta = new Command('imposta')
    .description("imposta o aggiorna i dati dell'ente (solo le opzioni indicate; un valore vuoto \"\" cancella il campo)")
    .option('--nome <nome>', 'ragione sociale (obbligatoria la prima volta)')
    .option('--codice <codice>', "codice dell'operatore accreditato (id in Albo regionale)")
    .option('--indirizzo <indirizzo>', 'sede legale')
    .option('--pec <pec>', 'indirizzo PEC')
    .option('--iban <iban>', 'IBAN per la liquidazione, controllato (spazi ammessi)')
    .option('--logo <file>', 'logo PNG o JPEG per le stampe')
    .option('--rappresentante <nome>', 'rappresentante legale (firma PIP e richieste di liquidazione)')
    .option('--conservazione-anni <anni>', "per quanti anni dalla fine dell'ultima dote si conservano i dati di una persona; poi \"destinatario anonimizza\" li toglie")
    .action(async (raw: unknown) => {
      const opts = await impostaOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { impostaEnte } = await import('../use-cases/ente.js');
      const { formatEnte } = await import('../output/ente.js');
      const v = await withStore(ctx.dbPath, (store) => impostaEnte(store, opts, { oggi: ctx.oggi, cwd: process.cwd(), operatore: ctx.operatore }));
      if (ctx.json) printJson(v);
      else out(`Dati dell'ente salvati.\n${formatEnte(v)}`);
    });
  example(
    imposta,
    'dote ente imposta --nome "Cooperativa Sociale Esempio" --codice 1234 --pec esempio@pec.it \\',
    '  --iban "IT60 X054 2811 1010 0000 0123 456" --logo logo.png --rappresentante "Maria Bianchi"',
  );

  const mostra = new Command('mostra')
    .description("mostra i dati dell'ente")
    .action(async () => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { mostraEnte } = await import('../use-cases/ente.js');
      const { formatEnte } = await import('../output/ente.js');
      const v = await withStore(ctx.dbPath, (store) => mostraEnte(store), { readonly: true });
      if (ctx.json) printJson(v);
      else out(formatEnte(v));
    });
  example(mostra, 'dote ente mostra', 'dote ente mostra --json');

  cmd.addCommand(imposta);
  cmd.addCommand(mostra);
  return example(cmd, 'dote ente imposta --nome "Cooperativa Sociale Esempio" --iban IT60X0542811101000000123456', 'dote ente mostra');
}
