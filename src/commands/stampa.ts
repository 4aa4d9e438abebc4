import { Command } from 'commander';
import { context, err, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';
import { formatInt } from '../domain/money.js';
import type { Store } from '../db/store.js';
import type { Context } from '../context.js';
import type { StampaOptions, Stampato } from '../documents/stampa.js';

const missing = (option: string) => `opzione obbligatoria mancante: ${option}`;

/** What every document takes: `-o FILE` and `--modelli DIR`. */
export const baseOptions = defineOptions(({ z, required, text, LIMITI }) =>
  z.object({
    output: required(missing('-o, --output'), LIMITI.percorso),
    modelli: text(LIMITI.percorso),
  }),
);

/** `stampa registro ID -o FILE [--non-firma MOTIVO] [--modelli DIR]`. */
export const registroOptions = defineOptions(({ z, required, text, LIMITI }) =>
  z.object({
    output: required(missing('-o, --output'), LIMITI.percorso),
    nonFirma: z.optional(required('--non-firma: indica il motivo per cui il destinatario non può firmare')),
    modelli: text(LIMITI.percorso),
  }),
);

/** `stampa timesheet --professionista P --mese AAAA-MM -o FILE [--modelli DIR]`. */
export const timesheetOptions = defineOptions(({ z, required, text, mese, LIMITI }) =>
  z.object({
    output: required(missing('-o, --output'), LIMITI.percorso),
    professionista: required(missing('--professionista'), LIMITI.nome),
    mese: z.pipe(required(missing('--mese')), mese('--mese')),
    modelli: text(LIMITI.percorso),
  }),
);

/** `stampa variazione ID [--versione N] -o FILE`. */
export const variazioneOptions = defineOptions(({ z, required, text, integer, optional, LIMITI }) =>
  z.object({
    output: required(missing('-o, --output'), LIMITI.percorso),
    versione: optional(integer('--versione', { min: 1, max: 999, expected: 'un numero di versione del PIP (1, 2, …)', genere: 'f' })),
    modelli: text(LIMITI.percorso),
  }),
);

/** `stampa avvio-formazione ID [--accesso-ospite TESTO] -o FILE`. */
export const avvioOptions = defineOptions(({ z, required, text, LIMITI }) =>
  z.object({
    output: required(missing('-o, --output'), LIMITI.percorso),
    accessoOspite: z.optional(required('--accesso-ospite: valore vuoto')),
    modelli: text(LIMITI.percorso),
  }),
);

/**
 * The PDF's CreationDate: now, unless --oggi / DOTE_OGGI moved today (a what-if or a test run),
 * then noon UTC of that day, so that the same data print the same document.
 */
function creationDate(oggi: string): Date {
  const now = new Date();
  return now.toISOString().slice(0, 10) === oggi ? now : new Date(`${oggi}T12:00:00Z`);
}

function report(s: Stampato, json: boolean): void {
  for (const x of s.sostituzioni) err(`avviso: il carattere ${x.carattere} non è nel font ed è stampato come "?" (in "${x.testo}")`);
  if (json) printJson({ file: s.file, pagine: s.pagine, bytes: s.bytes, sha256: s.sha256, modello: s.modello, sostituzioni: s.sostituzioni });
  else out(`${s.file}: ${s.pagine} ${s.pagine === 1 ? 'pagina' : 'pagine'}, ${formatInt(s.bytes)} byte, SHA-256 ${s.sha256}`);
}

type Documents = typeof import('../documents/stampa.js');

/** Opens the store read-only, prints, reports: the adapter every document shares. */
export async function run(o: { output: string; modelli?: string }, work: (d: Documents, store: Store, ctx: Context, base: StampaOptions) => Promise<Stampato>): Promise<void> {
  const ctx = context();
  const { withStore } = await import('../db/store.js');
  const docs = await import('../documents/stampa.js');
  const { userTemplateDir } = await import('../pdf/templates.js');
  const base: StampaOptions = { output: o.output, modelli: userTemplateDir(o.modelli), creationDate: creationDate(ctx.oggi) };
  report(await withStore(ctx.dbPath, (store) => work(docs, store, ctx, base), { readonly: true }), ctx.json);
}

/** A `stampa` subcommand for one dote: `<id>`, `-o`, `--modelli`. */
function perDote(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .argument('<id>', 'id della dote o codice OPAL')
    .option('-o, --output <file.pdf>', 'il PDF da scrivere')
    .option('--modelli <cartella>', 'i modelli personalizzati (anche DOTE_MODELLI)');
}

export function stampaCommand(): Command {
  const cmd = new Command('stampa').description(
    'i documenti in PDF/A: registro attività, PIP, timesheet, variazione del PIP, registro formativo, avvio della formazione, attestazione Job Coach',
  );

  const registro = perDote('registro', 'il registro attività di una dote (solo le erogazioni EROGATA), da firmare riga per riga')
    .option('--non-firma <motivo>', 'il destinatario non può firmare: il motivo, riportato nel registro')
    .action(async (id: string, raw: unknown) => {
      const o = await registroOptions.parse(raw);
      await run(o, (d, store, ctx, base) => d.stampaRegistro(store, ctx, id, { ...base, nonFirma: o.nonFirma }));
    });
  example(registro, 'dote stampa registro JC-1-1103/022 -o registro.pdf', 'dote stampa registro CR-2022-0001 -o registro.pdf --non-firma "impossibilitato alla firma per disabilità motoria" --json');

  const pip = perDote('pip', 'il PIP di una dote Cremona: destinatario, servizi previsti con tariffe e valorizzazione, versioni e variazioni, firme').action(
    async (id: string, raw: unknown) => {
      const o = await baseOptions.parse(raw);
      await run(o, (d, store, ctx, base) => d.stampaPip(store, ctx, id, base));
    },
  );
  example(pip, 'dote stampa pip CR-2022-0001 -o pip.pdf');

  const timesheet = new Command('timesheet')
    .description('il timesheet mensile di un professionista (dalle righe importate, altrimenti dalle erogazioni), con la riconciliazione col calendario')
    .option('--professionista <codice o nome>', 'il professionista')
    .option('--mese <AAAA-MM>', 'il mese, anche MM/AAAA')
    .option('-o, --output <file.pdf>', 'il PDF da scrivere')
    .option('--modelli <cartella>', 'i modelli personalizzati (anche DOTE_MODELLI)')
    .action(async (raw: unknown) => {
      const o = await timesheetOptions.parse(raw);
      await run(o, (d, store, ctx, base) => d.stampaTimesheet(store, ctx, { professionista: o.professionista, mese: o.mese }, base));
    });
  example(timesheet, 'dote stampa timesheet --professionista P01 --mese 2022-03 -o timesheet-rossi-2022-03.pdf');

  const variazione = perDote('variazione', 'la richiesta di variazione del PIP alla Provincia: cosa cambia servizio per servizio, i motivi, il valore')
    .option('--versione <n>', "la versione del PIP (predefinita: l'ultima)")
    .action(async (id: string, raw: unknown) => {
      const o = await variazioneOptions.parse(raw);
      await run(o, (d, store, ctx, base) => d.stampaVariazione(store, ctx, id, { ...base, versione: o.versione }));
    });
  example(variazione, 'dote stampa variazione CR-2022-0001 -o variazione.pdf', 'dote stampa variazione CR-2022-0001 --versione 2 -o variazione-v2.pdf');

  const formativo = perDote('registro-formativo', 'il registro formativo e delle presenze (QF0, QF0-COV): le sessioni svolte, il docente, la modalità, i partecipanti con la firma').action(
    async (id: string, raw: unknown) => {
      const o = await baseOptions.parse(raw);
      await run(o, (d, store, ctx, base) => d.stampaRegistroFormativo(store, ctx, id, base));
    },
  );
  example(formativo, 'dote stampa registro-formativo CR-2022-0001 -o registro-formativo.pdf');

  const avvio = perDote('avvio-formazione', "la comunicazione al Collocamento Disabili dell'avvio della formazione: data, modalità, calendario, accesso ospite per la FAD")
    .option('--accesso-ospite <testo>', "l'accesso ospite per i controlli della Provincia (obbligatorio per la formazione a distanza)")
    .action(async (id: string, raw: unknown) => {
      const o = await avvioOptions.parse(raw);
      await run(o, (d, store, ctx, base) => d.stampaAvvioFormazione(store, ctx, id, { ...base, accessoOspite: o.accessoOspite }));
    });
  example(avvio, 'dote stampa avvio-formazione CR-2022-0001 -o avvio-formazione.pdf --accesso-ospite "https://aula.example.it, utente: provincia"');

  const attestazione = perDote('attestazione', 'Job Coach: l\'attestazione del servizio erogato, ore erogate per attività rispetto a quelle previste').action(
    async (id: string, raw: unknown) => {
      const o = await baseOptions.parse(raw);
      await run(o, (d, store, ctx, base) => d.stampaAttestazione(store, ctx, id, base));
    },
  );
  example(attestazione, 'dote stampa attestazione JC-1-1103/022 -o attestazione.pdf');

  for (const c of [pip, registro, variazione, formativo, avvio, attestazione, timesheet]) cmd.addCommand(c);
  return example(cmd, 'dote stampa registro JC-1-1103/022 -o registro.pdf', 'dote stampa pip CR-2022-0001 -o pip.pdf --json');
}
