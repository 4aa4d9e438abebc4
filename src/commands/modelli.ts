import { Command } from 'commander';
import { context, example, out, printJson } from '../command-kit.js';
import { defineOptions } from '../cli-options/define.js';

/** `modelli [--modelli DIR]`. */
export const modelliOptions = defineOptions(({ z, text, LIMITI }) => z.object({ modelli: text(LIMITI.percorso) }));

export function modelliCommand(): Command {
  const cmd = new Command('modelli')
    .description('i modelli dei documenti (testi e stili) e da dove è preso ciascuno; --modelli DIR o DOTE_MODELLI li sostituisce per nome')
    .option('--modelli <cartella>', 'i modelli personalizzati (anche DOTE_MODELLI)')
    .action(async (raw: unknown) => {
      const o = await modelliOptions.parse(raw);
      const ctx = context();
      const { listTemplates, loadTemplate, userTemplateDir } = await import('../pdf/templates.js');
      const dir = userTemplateDir(o.modelli);
      // Each template is loaded, so that a broken override shows here, naming its field.
      const list = listTemplates(dir).map((t) => (loadTemplate(t.nome, dir), t));
      if (ctx.json) printJson({ cartella: dir ?? null, modelli: list });
      else {
        const w = Math.max(...list.map((t) => t.nome.length));
        out(list.map((t) => `${t.nome.padEnd(w)}  ${t.origine.padEnd(14)} ${t.file}\n${' '.repeat(w + 2)}${t.descrizione}`).join('\n'));
      }
    });
  const esporta = new Command('esporta')
    .description('scrive una copia del modello predefinito NOME nella cartella DIR, da cui partire per personalizzarlo')
    .argument('<nome>', 'il modello (vedi "dote modelli")')
    .argument('<cartella>', 'dove scriverlo (la cartella dei modelli personalizzati)')
    .action(async (nome: string, dir: string) => {
      const ctx = context();
      const { exportTemplate } = await import('../pdf/templates.js');
      const file = exportTemplate(nome, dir);
      if (ctx.json) printJson({ file });
      else out(file);
    });
  example(esporta, 'dote modelli esporta registro ./modelli   # poi: dote stampa registro … --modelli ./modelli');
  cmd.addCommand(esporta);
  return example(cmd, 'dote modelli', 'DOTE_MODELLI=./modelli dote modelli --json');
}
