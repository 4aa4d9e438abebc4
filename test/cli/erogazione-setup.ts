/**
 * A registry and doti for the delivery tests, made with the real commands (sede, professionista,
 * destinatario, nuova, ammetti), plus a dump of every table to prove a refused operation changed
 * nothing.
 */
import { dumpDb, withDb, type RunResult } from '../helpers.js';

export const CF1 = 'RSSMRA80A01H501U';
export const CF2 = 'VRDLGU85M01L736M';
export const CF3 = 'BNCNNA90A41H501T';
export const JC = 'JC-1-1103/022';

export type Env = ReturnType<typeof withDb> & { ok: (args: string[]) => RunResult };

function must(r: RunResult, args: readonly string[]): RunResult {
  if (r.status !== 0) throw new Error(`dote ${args.join(' ')} → ${r.status}\n${r.stderr}`);
  return r;
}

export function setup(): Env {
  const env = withDb() as Env;
  env.ok = (args) => must(env.run(args), args);
  env.ok(['sede', 'aggiungi', 'Padova', '--comune', 'Padova', '--patrono', '13/06']);
  env.ok(['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--patrono', '13/11']);
  env.ok(['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi']);
  env.ok(['professionista', 'aggiungi', 'P02', '--nome', 'Anna Bianchi']);
  env.ok(['destinatario', 'aggiungi', '--cf', CF1, '--nome', 'Mario', '--cognome', 'Rossi', '--l68', '--did']);
  env.ok(['destinatario', 'aggiungi', '--cf', CF2, '--nome', 'Luigi', '--cognome', 'Verdi', '--l68', '--did']);
  env.ok(['destinatario', 'aggiungi', '--cf', CF3, '--nome', 'Anna', '--cognome', 'Bianca', '--l68', '--did']);
  return env;
}

/** A Job Coach voucher admitted on 21/06/2022 (valid to 31/12/2023). */
export function jobCoach(env: Env, id = JC, cf = CF1): void {
  env.ok(['nuova', '--tipo', 'JC-BASE', '--destinatario', cf, '--id', id, '--data', '2022-06-20', '--oggi', '2022-06-20']);
  env.ok(['ammetti', id, '--oggi', '2022-06-21']);
}

/** A Cremona D1-INS dote, fascia 3, activated on 01/03/2022. */
export function cremona(env: Env, id: string, cf: string): void {
  env.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', cf, '--id', id, '--fascia', '3', '--data', '2022-03-01', '--oggi', '2022-03-01']);
}

/** `erogazione aggiungi` with the usual options; returns the id (from --json: the text is a sentence). */
export function aggiungi(env: Env, dote: string, o: { servizio?: string; data: string; inizio: string; fine: string; prof?: string; oggi: string; extra?: string[] }): number {
  const r = env.ok([
    'erogazione', 'aggiungi', dote,
    '--servizio', o.servizio ?? 'JC-AL',
    '--data', o.data, '--inizio', o.inizio, '--fine', o.fine,
    '--professionista', o.prof ?? 'P01',
    '--oggi', o.oggi,
    ...(o.extra ?? []),
    '--json',
  ]);
  return (r.json() as { id: number }).id;
}

/** Every table's rows, to compare before and after a refused operation. */
export function dump(dbPath: string): Record<string, unknown[]> {
  return dumpDb(dbPath);
}

/** Runs `args`, expects the exit status, and that the database did not change at all. */
export function refused(env: Env, args: string[], status = 1): RunResult {
  const before = dump(env.db);
  const r = env.run(args);
  if (r.status !== status) throw new Error(`dote ${args.join(' ')}: atteso ${status}, ottenuto ${r.status}\n${r.stdout}${r.stderr}`);
  const after = dump(env.db);
  if (JSON.stringify(before) !== JSON.stringify(after)) throw new Error(`dote ${args.join(' ')} ha cambiato il database`);
  return r;
}
