import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `liquidazione prepara ID -o DIR [--limite-pec SIZE] [--bollo N | --esente-bollo] [--modelli DIR]`. */
export const preparaOptions = defineOptions(({ z, required, text, flag, optional, dimensione, LIMITI }) =>
  z.object({
    output: required('opzione obbligatoria mancante: -o, --output', LIMITI.percorso),
    limitePec: optional(dimensione('--limite-pec')),
    bollo: z.optional(required('--bollo: indica il numero della marca da bollo', LIMITI.codice)),
    esenteBollo: flag(),
    modelli: text(LIMITI.percorso),
  }),
);

function creationDate(oggi: string): Date {
  const now = new Date();
  return now.toISOString().slice(0, 10) === oggi ? now : new Date(`${oggi}T12:00:00Z`);
}

export function liquidazioneCommand(): Command {
  const cmd = new Command('liquidazione').description('la domanda di liquidazione: cosa la blocca, quanto si chiede');

  const verifica = new Command('verifica')
    .description("cosa blocca ancora la richiesta (errori) e cosa sapere (avvisi), con l'importo riga per riga; stato di uscita 1 finché qualcosa blocca")
    .argument('<id>', 'id della dote')
    .action(async (id: string) => {
      const ctx = context();
      const { withStore } = await import('../db/store.js');
      const { verificaLiquidazione } = await import('../use-cases/liquidazione.js');
      const view = await import('../output/liquidazione.js');
      const { painter } = await import('../output/verifica.js');
      const { FindingsReported } = await import('../errors.js');
      const v = await withStore(ctx.dbPath, (store) => verificaLiquidazione(store, ctx, id), { readonly: true });
      if (ctx.json) printJson(v);
      else out(view.formatVerificaLiquidazione(v, await painter()));
      if (v.errori) throw new FindingsReported();
    });
  example(verifica, 'dote liquidazione verifica CR-2021-0001', 'dote liquidazione verifica JC-1-1103/022 --json');

  const prepara = new Command('prepara')
    .description("il pacchetto PEC della domanda (PDF/A, SHA256SUMS, indice); rifiuta (stato 1, nulla scritto) finché qualcosa blocca; poi la dote è bloccata")
    .argument('<id>', 'id della dote')
    .option('-o, --output <cartella>', 'la cartella da creare (nuova o vuota)')
    .option('--limite-pec <dimensione>', 'limite di un messaggio PEC, es. 5MB o 800KB (predefinito 30MB)')
    .option('--bollo <numero>', 'il numero della marca da bollo (Cremona)')
    .option('--esente-bollo', 'esente dal bollo: ONLUS e cooperative sociali (DPR 642/1972, Tabella B, art. 27-bis)')
    .option('--modelli <cartella>', 'i modelli personalizzati (anche DOTE_MODELLI)')
    .action(async (id: string, raw: unknown) => {
      const o = await preparaOptions.parse(raw);
      const ctx = context();
      const m = await import('../use-cases/liquidazione-prepara.js');
      const { userTemplateDir } = await import('../pdf/templates.js');
      const { withStore } = await import('../db/store.js');
      const { formatCents } = await import('../domain/money.js');
      const { formatDateIt } = await import('../domain/dates.js');
      const limitePec = o.limitePec ?? m.LIMITE_PEC_PREDEFINITO;
      const p = await withStore(ctx.dbPath, (store) =>
        m.preparaLiquidazione(store, ctx, id, { dir: o.output, limitePec, bollo: o.bollo, esenteBollo: o.esenteBollo, modelli: userTemplateDir(o.modelli), creationDate: creationDate(ctx.oggi) }),
      );
      if (ctx.json) return printJson(p);
      const { formatFilePacchetto } = await import('../output/liquidazione.js');
      const lines = [`Domanda di liquidazione della dote ${p.doteId} registrata il ${formatDateIt(p.data)}: ${formatCents(p.importoCent)}, in ${p.cartella}`];
      lines.push(formatFilePacchetto(p.file), 'SHA256SUMS: le impronte dei file (sha256sum -c SHA256SUMS le controlla)');
      for (const x of p.pec) lines.push(`PEC ${x.numero} di ${p.pec.length}: ${x.file.join(', ')}`);
      lines.push(`Dopo la firma: dote liquidazione impronte ${o.output}`);
      out(lines.join('\n'));
    });
  example(prepara, 'dote liquidazione prepara CR-2021-0001 -o liquidazione-CR-2021-0001 --bollo 01234567890123', 'dote liquidazione prepara CR-2021-0001 -o pacchetto --esente-bollo --limite-pec 5MB --json');

  const impronte = new Command('impronte')
    .description('ricalcola le impronte del pacchetto dopo la firma e dice quali file sono cambiati, nuovi o mancanti rispetto a SHA256SUMS')
    .argument('<cartella>', 'la cartella preparata')
    .action(async (dir: string) => {
      const ctx = context();
      const m = await import('../use-cases/liquidazione-prepara.js');
      const v = m.impronte(dir);
      if (ctx.json) return printJson(v);
      const lines: string[] = [];
      for (const f of v.modificati) lines.push(`cambiato: ${f.nome} (firmato PAdES?), SHA-256 ${f.prima} → ${f.dopo}`);
      for (const f of v.nuovi) lines.push(`nuovo: ${f.nome}${f.nome.endsWith('.p7m') ? ' (firma CAdES)' : ''}, SHA-256 ${f.sha256}`);
      for (const f of v.mancanti) lines.push(`mancante: ${f}`);
            const n = (k: number, uno: string, molti: string) => `${k} ${k === 1 ? uno : molti}`;
      lines.push(`File rispetto a SHA256SUMS: ${n(v.invariati.length, 'invariato', 'invariati')}, ${n(v.modificati.length, 'cambiato', 'cambiati')}, ${n(v.nuovi.length, 'nuovo', 'nuovi')}, ${n(v.mancanti.length, 'mancante', 'mancanti')}.`);
      out(lines.join('\n'));
    });
  example(impronte, 'dote liquidazione impronte liquidazione-CR-2021-0001', 'dote liquidazione impronte pacchetto --json');

  const elenco = new Command('elenco')
    .description('le domande di liquidazione fatte: dote, data, importo, cartella, numero di file')
    .action(async () => {
      const ctx = context();
      const m = await import('../use-cases/liquidazione-prepara.js');
      const { withStore } = await import('../db/store.js');
      const { formatElencoLiquidazioni } = await import('../output/liquidazione.js');
      const v = await withStore(ctx.dbPath, (store) => m.elencoLiquidazioni(store), { readonly: true });
      if (ctx.json) return printJson(v);
      out(formatElencoLiquidazioni(v));
    });
  example(elenco, 'dote liquidazione elenco', 'dote liquidazione elenco --json');

  const mostra = new Command('mostra')
    .description('la domanda di liquidazione di una dote: data, importo, cartella, ogni file con dimensione, SHA-256 e messaggio PEC')
    .argument('<id>', 'id della dote')
    .action(async (id: string) => {
      const ctx = context();
      const m = await import('../use-cases/liquidazione-prepara.js');
      const { withStore } = await import('../db/store.js');
      const { formatCents } = await import('../domain/money.js');
      const { formatDateIt } = await import('../domain/dates.js');
      const { formatFilePacchetto } = await import('../output/liquidazione.js');
      const x = await withStore(ctx.dbPath, (store) => m.mostraLiquidazione(store, ctx, id), { readonly: true });
      if (ctx.json) return printJson(x);
      const lines = [
        `Domanda di liquidazione della dote ${x.doteId} del ${formatDateIt(x.data)}${x.importoCent === null ? '' : `: ${formatCents(x.importoCent)}`}`,
        `Cartella: ${x.cartella}`,
        formatFilePacchetto(x.file, Math.max(1, ...x.file.map((f) => f.pec))),
      ];
      out(lines.join('\n'));
    });
  example(mostra, 'dote liquidazione mostra CR-2021-0001', 'dote liquidazione mostra CR-2021-0001 --json');

  cmd.addCommand(verifica);
  cmd.addCommand(prepara);
  cmd.addCommand(impronte);
  cmd.addCommand(elenco);
  cmd.addCommand(mostra);
  return cmd;
}
