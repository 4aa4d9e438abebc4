import { Command } from 'commander';
import { context, err, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';
import type { Stampato } from '../documents/stampa.js';

const missing = (option: string) => `opzione obbligatoria mancante: ${option}`;

/** `stampa pip ID -o FILE [--modelli DIR]` (and the options every document shares). */
export const baseOptions = defineOptions(({ z, required, text }) =>
  z.object({
    output: required(missing('-o, --output')),
    modelli: text(),
  }),
);

/** `stampa timesheet --professionista P --mese AAAA-MM -o FILE [--modelli DIR]`. */
export const timesheetOptions = defineOptions(({ z, required, text, mese }) =>
  z.object({
    output: required(missing('-o, --output')),
    professionista: required(missing('--professionista')),
    mese: z.pipe(required(missing('--mese')), mese('--mese')),
    modelli: text(),
  }),
);

/** `stampa registro ID -o FILE [--non-firma MOTIVO] [--modelli DIR]`. */
export const registroOptions = defineOptions(({ z, required, text }) =>
  z.object({
    output: required(missing('-o, --output')),
    nonFirma: z.optional(required('--non-firma: indica il motivo per cui il destinatario non può firmare')),
    modelli: text(),
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
  else out(`${s.file}: ${s.pagine} ${s.pagine === 1 ? 'pagina' : 'pagine'}, ${s.bytes} byte, sha256 ${s.sha256}`);
}

export function stampaCommand(): Command {
  const cmd = new Command('stampa').description('i documenti in PDF/A: registro attività, PIP, timesheet');

  const registro = new Command('registro')
    .description('il registro attività di una dote (solo le erogazioni EROGATA), da firmare riga per riga')
    .argument('<id>', 'id della dote o codice OPAL')
    .option('-o, --output <file.pdf>', 'il PDF da scrivere')
    .option('--non-firma <motivo>', 'il destinatario non può firmare: il motivo, riportato nel registro')
    .option('--modelli <cartella>', 'i modelli personalizzati (anche DOTE_MODELLI)')
    .action(async (id: string, raw: unknown) => {
      const o = await registroOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { stampaRegistro } = await import('../documents/stampa.js');
      const { userTemplateDir } = await import('../pdf/templates.js');
      const s = await withStore(
        ctx.dbPath,
        (store) => stampaRegistro(store, ctx, id, { output: o.output, nonFirma: o.nonFirma, modelli: userTemplateDir(o.modelli), creationDate: creationDate(ctx.oggi) }),
        { readonly: true },
      );
      report(s, ctx.json);
    });
  const pip = new Command('pip')
    .description('il PIP di una dote Cremona: destinatario, servizi previsti con tariffe e valorizzazione, versioni e variazioni, firme')
    .argument('<id>', 'id della dote')
    .option('-o, --output <file.pdf>', 'il PDF da scrivere')
    .option('--modelli <cartella>', 'i modelli personalizzati (anche DOTE_MODELLI)')
    .action(async (id: string, raw: unknown) => {
      const o = await baseOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { stampaPip } = await import('../documents/stampa.js');
      const { userTemplateDir } = await import('../pdf/templates.js');
      const s = await withStore(ctx.dbPath, (store) => stampaPip(store, ctx, id, { output: o.output, modelli: userTemplateDir(o.modelli), creationDate: creationDate(ctx.oggi) }), {
        readonly: true,
      });
      report(s, ctx.json);
    });
  example(pip, 'dote stampa pip CR-2022-0001 -o pip.pdf');

  const timesheet = new Command('timesheet')
    .description('il timesheet mensile di un professionista (dalle righe importate, altrimenti dalle erogazioni), con la riconciliazione col calendario')
    .option('--professionista <codice o nome>', 'il professionista')
    .option('--mese <AAAA-MM>', 'il mese, anche MM/AAAA')
    .option('-o, --output <file.pdf>', 'il PDF da scrivere')
    .option('--modelli <cartella>', 'i modelli personalizzati (anche DOTE_MODELLI)')
    .action(async (raw: unknown) => {
      const o = await timesheetOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { stampaTimesheet } = await import('../documents/stampa.js');
      const { userTemplateDir } = await import('../pdf/templates.js');
      const s = await withStore(
        ctx.dbPath,
        (store) =>
          stampaTimesheet(store, ctx, { professionista: o.professionista, mese: o.mese }, { output: o.output, modelli: userTemplateDir(o.modelli), creationDate: creationDate(ctx.oggi) }),
        { readonly: true },
      );
      report(s, ctx.json);
    });
  example(timesheet, 'dote stampa timesheet --professionista P01 --mese 2022-03 -o timesheet-rossi-2022-03.pdf');
  example(registro, 'dote stampa registro JC-1-1103/022 -o registro.pdf', 'dote stampa registro CR-2022-0001 -o registro.pdf --non-firma "impossibilitato alla firma per disabilità motoria" --json');
  cmd.addCommand(registro);
  cmd.addCommand(pip);
  cmd.addCommand(timesheet);
  return example(cmd, 'dote stampa registro JC-1-1103/022 -o registro.pdf');
}
