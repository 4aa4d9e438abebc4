import { Command } from 'commander';
import { context, err, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';
import type { AzioneStato, Esito } from '../use-cases/erogazione.js';

const missing = (option: string) => `opzione obbligatoria mancante: ${option}`;

/** `erogazione aggiungi ID… --servizio S --data D --inizio HH:MM --fine HH:MM --professionista P […]`. */
export const aggiungiOptions = defineOptions(({ z, date, time, modalita, required, text, flag, optional, LIMITI }) =>
  z.object({
    servizio: z.pipe(required(missing('--servizio'), LIMITI.codice), z.transform((s: string) => s.toUpperCase())),
    data: z.pipe(required(missing('--data')), date('--data')),
    inizio: z.pipe(required(missing('--inizio')), time('--inizio')),
    fine: z.pipe(required(missing('--fine')), time('--fine')),
    professionista: required(missing('--professionista'), LIMITI.nome),
    // No sede: the empty text is the same as leaving the option out.
    sede: z.pipe(text(LIMITI.nome), z.transform((s: string | undefined) => (s?.trim() ? s : undefined))),
    modalita: optional(modalita('--modalita')),
    collettiva: flag(),
    descrizione: text(),
  }),
);

/** `erogazione modifica EID [any option of aggiungi]`: only what is given changes; `--sede ""` removes the sede. */
export const modificaOptions = defineOptions(({ z, date, time, id, modalita, required, text, testo, flag, optional, clearable, LIMITI }) =>
  z.object({
    eid: id("id di erogazione"),
    servizio: optional(z.pipe(required('--servizio: valore vuoto', LIMITI.codice), z.transform((s: string) => s.toUpperCase()))),
    data: optional(date('--data')),
    inizio: optional(time('--inizio')),
    fine: optional(time('--fine')),
    professionista: text(LIMITI.nome),
    sede: clearable(testo(LIMITI.nome)),
    modalita: optional(modalita('--modalita')),
    collettiva: flag(),
    descrizione: text(),
  }),
);

/** `erogazione programma|avvia|concludi|annulla|chiudi-negativamente EID`. */
export const transizioneOptions = defineOptions(({ z, id }) => z.object({ eid: id("id di erogazione") }));

/** `erogazione elenco ID [--stato S]`: a state in any case, with - or _ for spaces. */
export const elencoOptions = defineOptions(async ({ z, oneOf, optional }) => {
  const { EROGAZIONE_STATI } = await import('../domain/dote-stati.js');
  const normalise = (v: string) => v.trim().toUpperCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ');
  return z.object({ stato: optional(oneOf('--stato', EROGAZIONE_STATI, { normalise })) });
});

/** Warnings go to stderr, one per line, as `avviso <rule>: <message>` (they are also stored). */
function printWarnings(esiti: readonly Esito[]): void {
  for (const e of esiti) for (const w of e.avvisi) err(`avviso ${w.rule}: ${w.message}`);
}

const TRANSITIONS: { name: AzioneStato; description: string }[] = [
  { name: 'programma', description: "INSERITA → PROGRAMMATA (controlla le ore dell'attività o del PIP)" },
  { name: 'avvia', description: "PROGRAMMATA → AVVIATA (la prima erogazione avviata inizia l'attività Job Coach)" },
  { name: 'concludi', description: 'AVVIATA → EROGATA' },
  { name: 'annulla', description: 'INSERITA → ANNULLATA (libera lo spazio in calendario)' },
  { name: 'chiudi-negativamente', description: 'PROGRAMMATA o AVVIATA → CHIUSA NEGATIVAMENTE (libera lo spazio in calendario)' },
];

export function erogazioneCommand(): Command {
  const cmd = new Command('erogazione').description('erogazioni di una dote: inserimento, modifica, stati, elenco');

  const aggiungi = new Command('aggiungi')
    .description("una nuova erogazione, nello stato INSERITA; più doti con --collettiva: una sessione di gruppo, un'erogazione per dote")
    .argument('<id...>', 'id della dote (più id solo con --collettiva)')
    .requiredOption('--servizio <codice>', 'servizio o attività, es. JC-AN, QD2')
    .requiredOption('--data <data>', 'giorno, GG/MM/AAAA o AAAA-MM-GG')
    .requiredOption('--inizio <HH:MM>', 'ora di inizio')
    .requiredOption('--fine <HH:MM>', 'ora di fine')
    .requiredOption('--professionista <codice o nome>', 'chi eroga')
    .option('--sede <nome>', 'sede o sportello (per il santo patrono)')
    .option('--modalita <m>', 'presenza (predefinita), fad, telematica, telefonica')
    .option('--collettiva', 'erogazione di gruppo (stessi servizio, data, orario e professionista: una sessione)')
    .option('--descrizione <testo>', 'cosa si è fatto e dove (es. presso l’azienda)')
    .action(async (ids: string[], raw: unknown) => {
      const o = await aggiungiOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { aggiungiErogazione } = await import('../use-cases/erogazione.js');
      const esiti = await withStore(ctx.dbPath, (store) => aggiungiErogazione(store, ctx, ids, o));
      printWarnings(esiti);
      if (ctx.json) printJson(esiti.length === 1 ? esiti[0]!.erogazione : esiti.map((e) => e.erogazione));
      else {
        const { formatAggiunte } = await import('../output/erogazione.js');
        out(formatAggiunte(esiti.map((e) => e.erogazione)));
      }
    });
  example(
    aggiungi,
    'dote erogazione aggiungi JC-1-1103/022 --servizio JC-AN --data 28/06/2022 --inizio 10:00 --fine 12:00 --professionista P01 --sede Padova',
    'dote erogazione aggiungi D-1 D-2 D-3 --collettiva --servizio QF0 --data 2022-03-01 --inizio 09:00 --fine 13:00 --professionista "Anna Bianchi"',
  );

  const modifica = new Command('modifica')
    .description("cambia un'erogazione finché è INSERITA (qualsiasi campo)")
    .argument('<eid>', "id dell'erogazione")
    .option('--servizio <codice>', 'servizio o attività')
    .option('--data <data>', 'giorno')
    .option('--inizio <HH:MM>', 'ora di inizio')
    .option('--fine <HH:MM>', 'ora di fine')
    .option('--professionista <codice o nome>', 'chi eroga')
    .option('--sede <nome>', 'sede o sportello ("" per nessuna)')
    .option('--modalita <m>', 'presenza, fad, telematica, telefonica')
    .option('--collettiva', 'erogazione di gruppo')
    .option('--no-collettiva', 'erogazione individuale')
    .option('--descrizione <testo>', 'descrizione')
    .action(async (eidText: string, raw: object) => {
      const { eid, ...o } = await modificaOptions.parse({ ...raw, eid: eidText });
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { modificaErogazione } = await import('../use-cases/erogazione.js');
      const esito = await withStore(ctx.dbPath, (store) => modificaErogazione(store, ctx, eid, o));
      printWarnings([esito]);
      if (ctx.json) printJson(esito.erogazione);
      else out(`Erogazione ${esito.erogazione.id} modificata.`);
    });
  example(modifica, 'dote erogazione modifica 37 --data 29/06/2022 --inizio 09:00 --fine 11:00');

  cmd.addCommand(aggiungi);
  cmd.addCommand(modifica);

  for (const t of TRANSITIONS) {
    const sub = new Command(t.name)
      .description(t.description)
      .argument('<eid>', "id dell'erogazione")
      .action(async (eidText: string) => {
        const { eid } = await transizioneOptions.parse({ eid: eidText });
        const ctx = context();
        const { withStore } = await import('../db/store.js');
        const { transizioneErogazione } = await import('../use-cases/erogazione.js');
        const esito = await withStore(ctx.dbPath, (store) => transizioneErogazione(store, ctx, eid, t.name));
        printWarnings([esito]);
        if (ctx.json) printJson(esito.erogazione);
        else out(`Erogazione ${esito.erogazione.id}: ${esito.statoPrecedente} → ${esito.erogazione.stato}.`);
      });
    example(sub, `dote erogazione ${t.name} 37 --oggi 2022-06-28`);
    cmd.addCommand(sub);
  }

  const elenco = new Command('elenco')
    .description('le erogazioni di una dote, per data')
    .argument('<id>', 'id della dote')
    .option('--stato <stato>', 'solo in questo stato, es. INSERITA, EROGATA, chiusa-negativamente')
    .action(async (id: string, raw: unknown) => {
      const o = await elencoOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { elencoErogazioni } = await import('../use-cases/erogazione.js');
      const { formatElenco } = await import('../output/erogazione.js');
      const { table } = await import('../output/table.js');
      const list = await withStore(ctx.dbPath, (store) => elencoErogazioni(store, id, o.stato), { readonly: true });
      if (ctx.json) printJson(list);
      else out(formatElenco(list, table));
    });
  example(elenco, 'dote erogazione elenco JC-1-1103/022 --stato INSERITA');
  cmd.addCommand(elenco);

  return example(cmd, 'dote erogazione aggiungi JC-1-1103/022 --servizio JC-AN --data 28/06/2022 --inizio 10:00 --fine 12:00 --professionista P01', 'dote erogazione programma 37');
}
