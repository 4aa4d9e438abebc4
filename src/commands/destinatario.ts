import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';
import type { Kinds } from '../cli-options/kinds.js';

/** The person's fields, shared by `aggiungi` and `modifica`: `--disabilita ""`, `--email ""`, `--telefono ""` clear the field. */
async function personFields({ oneOf, clearable, email, telefono, text, flag, LIMITI }: Kinds) {
  const { DISABILITA } = await import('../use-cases/destinatario.js');
  return {
    nome: text(LIMITI.nome),
    cognome: text(LIMITI.nome),
    disabilita: clearable(oneOf('--disabilita', DISABILITA, { genere: 'f' })),
    email: clearable(email('--email')),
    telefono: clearable(telefono('--telefono')),
    residenza: text(LIMITI.nome),
    domicilio: text(LIMITI.nome),
    titoloStudio: text(LIMITI.nome),
    luogoNascita: text(LIMITI.nome),
    l68: flag(),
    did: flag(),
    occupato: flag(),
    ammortizzatoriCovid: flag(),
    nuovoIscritto: flag(),
  };
}

/** `destinatario aggiungi --cf CF --nome … --cognome … [dati della persona]`. */
export const aggiungiOptions = defineOptions(async (k) => k.z.object({ cf: k.testo(k.LIMITI.codice), ...(await personFields(k)) }));

/** `destinatario modifica CF [dati della persona]`: only what is given changes. */
export const modificaOptions = defineOptions(async (k) => k.z.object(await personFields(k)));

/** `destinatario misura CF --tipo T --dal D [--al D] […]`; `--al ""`: still running. */
export const misuraOptions = defineOptions(async ({ z, date, oneOf, annualita, codiciServizio, blankAsAbsent, optional, text, LIMITI }) => {
  const { TIPI_MISURA } = await import('../use-cases/destinatario.js');
  return z.object({
    tipo: oneOf('--tipo', TIPI_MISURA),
    dal: date('--dal'),
    al: blankAsAbsent(date('--al')),
    annualita: blankAsAbsent(annualita('--annualita')),
    operatoreMisura: text(LIMITI.nome),
    azienda: text(LIMITI.nome),
    servizi: optional(codiciServizio('--servizi')),
    note: text(),
  });
});

/** The person's data options, shared by `aggiungi` and `modifica`. */
function personOptions(cmd: Command, negatable: boolean): Command {
  cmd
    .option('--disabilita <tipo>', 'tipo di disabilità: fisica, psichica, intellettiva, sensoriale o plurima')
    .option('--email <email>', 'e-mail')
    .option('--telefono <numero>', 'telefono')
    .option('--residenza <indirizzo>', 'residenza')
    .option('--domicilio <indirizzo>', 'domicilio, se diverso dalla residenza')
    .option('--titolo-studio <titolo>', 'titolo di studio')
    .option('--luogo-nascita <comune>', 'comune (o stato) di nascita')
    .option('--l68', 'iscritto al collocamento mirato (L. 68/99)')
    .option('--did', 'ha rilasciato la DID (dichiarazione di immediata disponibilità)')
    .option('--occupato', 'occupato (dote di mantenimento)')
    .option('--ammortizzatori-covid', 'ha usato ammortizzatori sociali per il Covid-19 (CIGO, CIGS, CIGD, FIS, fondi bilaterali)')
    .option('--nuovo-iscritto', 'nuovo iscritto alle liste');
  if (negatable) {
    cmd
      .option('--no-l68', 'non iscritto L. 68/99')
      .option('--no-did', 'senza DID')
      .option('--no-occupato', 'non occupato')
      .option('--no-ammortizzatori-covid', 'senza ammortizzatori Covid')
      .option('--no-nuovo-iscritto', 'non nuovo iscritto');
  }
  return cmd;
}

export function destinatarioCommand(): Command {
  const cmd = new Command('destinatario').description('le persone destinatarie delle doti, con le misure esterne che contano per la ripetibilità');

  const aggiungi = personOptions(
    new Command('aggiungi')
      .description('registra una persona; il codice fiscale è controllato e dà data di nascita e sesso')
      .requiredOption('--cf <codice-fiscale>', 'codice fiscale (16 caratteri, omocodia ammessa)')
      .requiredOption('--nome <nome>', 'nome')
      .requiredOption('--cognome <cognome>', 'cognome'),
    false,
  ).action(async (raw: unknown) => {
    const opts = await aggiungiOptions.parse(raw);
    const ctx = context();
    const { withStore } = await import('../db/store.js');
    const { aggiungiDestinatario } = await import('../use-cases/destinatario.js');
    const { formatDateIt } = await import('../domain/dates.js');
    const { cf, ...fields } = opts;
    const v = await withStore(ctx.dbPath, (store) => aggiungiDestinatario(store, cf, fields, ctx.oggi, ctx.operatore));
    if (ctx.json) printJson(v);
    else out(`Destinatario ${v.cf} registrato: ${v.cognome} ${v.nome}, ${v.sesso === 'F' ? 'nata' : 'nato'} il ${formatDateIt(v.dataNascita!)} (${v.eta} anni).`);
  });
  example(
    aggiungi,
    'dote destinatario aggiungi --cf RSSMRA85T10A562S --nome Mario --cognome Rossi --disabilita psichica --l68 --did \\',
    '  --email mario.rossi@example.it --telefono "0372 123456" --residenza "Via Roma 1, Cremona"',
  );

  const modifica = personOptions(
    new Command('modifica')
      .description('cambia i dati di una persona (solo le opzioni indicate; codice fiscale, data di nascita e sesso non cambiano)')
      .argument('<cf>', 'codice fiscale')
      .option('--nome <nome>', 'nome')
      .option('--cognome <cognome>', 'cognome'),
    true,
  ).action(async (cf: string, raw: unknown) => {
    const opts = await modificaOptions.parse(raw);
    const ctx = context();
    const { withStore } = await import('../db/store.js');
    const { modificaDestinatario } = await import('../use-cases/destinatario.js');
    const { formatDestinatario } = await import('../output/destinatario.js');
    const v = await withStore(ctx.dbPath, (store) => modificaDestinatario(store, cf, opts, ctx.oggi, ctx.operatore));
    if (ctx.json) printJson(v);
    else out(`Dati di ${v.cf} aggiornati.\n${formatDestinatario(v)}`);
  });
  example(modifica, 'dote destinatario modifica RSSMRA85T10A562S --no-occupato --did --domicilio "Via Po 3, Cremona"');

  const elenco = new Command('elenco')
    .description('elenca le persone registrate, con età alla data di oggi (--oggi)')
    .action(async () => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { elencoDestinatari } = await import('../use-cases/destinatario.js');
      const { formatDestinatari } = await import('../output/destinatario.js');
      const list = await withStore(ctx.dbPath, (store) => elencoDestinatari(store, ctx.oggi), { readonly: true });
      if (ctx.json) printJson(list);
      else out(formatDestinatari(list));
    });
  example(elenco, 'dote destinatario elenco', 'dote destinatario elenco --json --oggi 2022-06-28');

  const mostra = new Command('mostra')
    .description('mostra una persona: dati, età a --oggi, misure esterne e doti')
    .argument('<cf>', 'codice fiscale')
    .action(async (cf: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { mostraDestinatario } = await import('../use-cases/destinatario.js');
      const { formatDestinatario } = await import('../output/destinatario.js');
      const v = await withStore(ctx.dbPath, (store) => mostraDestinatario(store, cf, ctx.oggi), { readonly: true });
      if (ctx.json) printJson(v);
      else out(formatDestinatario(v));
    });
  example(mostra, 'dote destinatario mostra RSSMRA85T10A562S', 'dote destinatario mostra RSSMRA85T10A562S --oggi 2021-03-22 --json');

  const misura = new Command('misura')
    .description('registra una misura esterna (dote disabili di una annualità precedente, DUL, Garanzia Giovani): conta per le regole di ripetibilità')
    .argument('<cf>', 'codice fiscale')
    .requiredOption('--tipo <tipo>', 'dote-disabili, DUL o garanzia-giovani')
    .requiredOption('--dal <data>', 'inizio (GG/MM/AAAA o AAAA-MM-GG)')
    .option('--al <data>', 'fine; senza, la misura è ancora in corso')
    .option('--annualita <anni>', 'annualità, es. 2019-2020')
    .option('--operatore-misura <nome>', "l'operatore che l'ha erogata")
    .option('--azienda <azienda>', "l'azienda di inserimento o mantenimento")
    .option('--servizi <codici>', 'servizi ricevuti, separati da virgola (es. QD2,Q0C,inserimento,mantenimento)')
    .option('--note <testo>', 'note')
    .action(async (cf: string, raw: unknown) => {
      const opts = await misuraOptions.parse(raw);
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { aggiungiMisura } = await import('../use-cases/destinatario.js');
      const { formatPeriodo } = await import('../output/destinatario.js');
      const v = await withStore(ctx.dbPath, (store) => aggiungiMisura(store, cf, opts, ctx.operatore));
      if (ctx.json) printJson(v);
      else out(`Misura esterna ${v.tipo} registrata per ${v.cf}, ${formatPeriodo(v.dal, v.al)}${v.servizi.length ? ` (servizi ${v.servizi.join(', ')})` : ''}.`);
    });
  example(
    misura,
    'dote destinatario misura RSSMRA85T10A562S --tipo dote-disabili --annualita 2019-2020 --dal 01/10/2019 --al 30/09/2020 \\',
    '  --operatore-misura "Cooperativa Altra" --azienda "Rossi Srl" --servizi QD2,Q0C,inserimento',
    'dote destinatario misura RSSMRA85T10A562S --tipo DUL --dal 2021-01-15',
  );

  const esporta = new Command('esporta')
    .description('tutto ciò che il database contiene su una persona (diritto di accesso, GDPR art. 15), in JSON su stdout o in un file')
    .argument('<cf>', 'codice fiscale')
    .option('-o, --output <file>', 'scrive il JSON in FILE (leggibile solo dal proprietario) invece che su stdout')
    .action(async (cf: string, raw: { output?: string }) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { esportaDestinatario } = await import('../use-cases/destinatario-dati.js');
      const v = await withStore(ctx.dbPath, (store) => esportaDestinatario(store, cf, ctx.oggi), { readonly: true });
      if (raw.output === undefined) return printJson(v);
      const { writeAtomically } = await import('../files/owner-only.js');
      const w = writeAtomically(raw.output, Buffer.from(`${JSON.stringify(v, null, 2)}\n`));
      const cfEsportato = String(v.destinatario.cf);
      if (ctx.json) printJson({ destinatario: cfEsportato, file: w.file, bytes: w.bytes, sha256: w.sha256 });
      else out(`Dati di ${cfEsportato} esportati in ${w.file}: ${v.doti.length} ${v.doti.length === 1 ? 'dote' : 'doti'}, ${v.erogazioni.length} ${v.erogazioni.length === 1 ? 'erogazione' : 'erogazioni'}, ${v.storia.length} ${v.storia.length === 1 ? 'voce' : 'voci'} di storico.`);
    });
  example(esporta, 'dote destinatario esporta RSSMRA85T10A562S > rossi.json', 'dote destinatario esporta RSSMRA85T10A562S -o rossi.json');

  const anonimizza = new Command('anonimizza')
    .description("toglie l'identità di una persona (codice fiscale, nomi, nascita, recapiti, testi liberi) trascorso il periodo di conservazione dalla fine dell'ultima dote; restano ore, importi e conteggi")
    .argument('<cf>', 'codice fiscale')
    .action(async (cf: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { anonimizzaDestinatario } = await import('../use-cases/destinatario-dati.js');
      const { formatDateIt } = await import('../domain/dates.js');
      const v = await withStore(ctx.dbPath, (store) => anonimizzaDestinatario(store, cf, ctx));
      if (ctx.json) printJson(v);
      else {
        const fine = v.doti ? `${v.doti} ${v.doti === 1 ? 'dote' : 'doti'}, fine dell'ultima il ${formatDateIt(v.fineUltimaDote)}` : `nessuna dote, registrato il ${formatDateIt(v.fineUltimaDote)}`;
        out(`Destinatario anonimizzato: ora è ${v.destinatario} (${fine}; conservazione ${v.conservazioneAnni} ${v.conservazioneAnni === 1 ? 'anno' : 'anni'}).`);
      }
    });
  example(anonimizza, 'dote ente imposta --conservazione-anni 10', 'dote destinatario anonimizza RSSMRA85T10A562S --oggi 2033-01-10');

  for (const c of [aggiungi, modifica, elenco, mostra, misura, esporta, anonimizza]) cmd.addCommand(c);
  return example(cmd, 'dote destinatario aggiungi --cf RSSMRA85T10A562S --nome Mario --cognome Rossi --l68 --did', 'dote destinatario mostra RSSMRA85T10A562S');
}
