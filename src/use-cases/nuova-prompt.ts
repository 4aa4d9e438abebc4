/**
 * `dote nuova` on a terminal with options missing: asks for them (@inquirer/prompts, imported
 * only here), then the command runs the same nuovaDote as with options. Only reached when stdin
 * and stdout are terminals; scripts never wait (the command exits 2 with its help instead).
 */
import type { Store } from '../db/store.js';
import { loadCatalogues, tipoOf } from '../bandi/load.js';
import { formatDateIt, parseUserDate } from '../domain/dates.js';
import { codiceFiscaleProblem } from '../domain/codice-fiscale.js';
import { OPAL_PATTERN, tipoRisultato } from '../domain/dote.js';
import type { DoteCtx } from './dote-load.js';
import type { NuovaOptions } from './doti.js';

export async function askNuova(store: Store, ctx: DoteCtx & { json: boolean }, given: NuovaOptions): Promise<NuovaOptions> {
  const prompts = await import('@inquirer/prompts');
  const input = prompts.input;
  // The key hints in Italian, like every other word of the tool ("↑↓ scegli • ⏎ conferma").
  const KEYS: Record<string, string> = { navigate: 'scegli', select: 'conferma' };
  const theme = { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => `${k} ${KEYS[a] ?? a}`).join(' • ') } };
  const select = <T>(config: Parameters<typeof prompts.select<T>>[0], context?: Parameters<typeof prompts.select<T>>[1]) => prompts.select<T>({ ...config, theme }, context);
  // With --json the answer document owns stdout: the questions go to stderr.
  const io = ctx.json ? { output: process.stderr } : undefined;
  const cats = loadCatalogues(ctx.catalogFiles);
  const o: NuovaOptions = { ...given };
  // The answer as the schema would have read --data: an ISO date (validate accepted it).
  const dateQuestion = async (message: string): Promise<string> => {
    const answer = await input(
      {
        message,
        default: formatDateIt(ctx.oggi),
        validate: (v: string) => {
          const d = parseUserDate(v);
          if (!d) return 'data non valida (gg/mm/aaaa o AAAA-MM-GG)';
          if (d > ctx.oggi) return `data nel futuro (oggi è ${formatDateIt(ctx.oggi)})`;
          return true;
        },
      },
      io,
    );
    return parseUserDate(answer)!;
  };

  if (!o.bando && !o.tipo) {
    o.bando = await select({ message: 'Bando', choices: cats.bandi.map((b) => ({ name: `${b.id} — ${b.titolo}`, value: b.id })) }, io);
  }
  const bando = o.bando ? cats.get(o.bando) : cats.bandoOfTipo(o.tipo!.trim().toUpperCase());
  if (!bando) return o; // unknown type: nuovaDote names it
  if (!o.tipo) {
    o.tipo = await select({ message: 'Tipo di dote', choices: bando.tipi.map((t) => ({ name: `${t.codice} — ${t.nome}`, value: t.codice })) }, io);
  }
  const tipo = tipoOf(bando, o.tipo.trim().toUpperCase());
  if (!o.destinatario) {
    o.destinatario = await input(
      {
        message: 'Codice fiscale del destinatario',
        validate: async (v: string) => {
          // A mistyped code says what is wrong with it, as destinatario aggiungi does.
          const problem = codiceFiscaleProblem(v, ctx.oggi);
          if (problem) return problem;
          const p = await store.read((r) => r.destinatari.find(v));
          return p ? true : 'destinatario non registrato: aggiungilo con "dote destinatario aggiungi"';
        },
      },
      io,
    );
  }
  if (tipo.attivita.length) {
    if (!o.id) {
      o.id = await input(
        { message: 'Codice OPAL del voucher (es. JC-1-1103/022)', validate: (v: string) => OPAL_PATTERN.test(v.trim().toUpperCase()) || 'codice OPAL non valido' },
        io,
      );
    }
    if (!o.data) o.data = await dateQuestion('Data della notifica del CPI');
    return o;
  }
  if (o.fascia === undefined && tipo.fasce.length) {
    o.fascia = await select({ message: 'Fascia assegnata dalla Provincia', choices: tipo.fasce.map((n) => ({ name: `fascia ${n}`, value: n })) }, io);
  }
  if (o.linea === undefined && tipo.linee.length) {
    const l = await select(
      {
        message: 'Linea di assegnazione',
        choices: [
          { name: 'automatica: a se la persona è in una categoria prioritaria, altrimenti b', value: '' },
          { name: 'a — autocandidatura, categorie prioritarie', value: 'a' },
          { name: 'b — segnalati dalla rete', value: 'b' },
        ],
      },
      io,
    );
    if (l) o.linea = l;
  }
  if (!o.azienda) {
    const required = tipoRisultato(tipo) === 'mantenimento';
    const a = await input(
      {
        message: required ? 'Azienda (datore di lavoro)' : 'Azienda (facoltativa, invio per lasciarla vuota)',
        validate: (v: string) => (!required || v.trim() ? true : "obbligatoria per la dote di mantenimento"),
      },
      io,
    );
    if (a.trim()) o.azienda = a.trim();
  }
  if (!o.data) o.data = await dateQuestion('Data di attivazione');
  return o;
}
