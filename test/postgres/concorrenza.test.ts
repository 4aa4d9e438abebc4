/**
 * Many clients of one server at once (issue 14, item 3): 8 `dote` processes adding and
 * programming deliveries of the same doti, and 2 imports into the same doti, all started
 * together. Whatever order they end up in, the result must be one that one-at-a-time could give:
 * no two live deliveries of a professional overlap, no activity holds more hours than it has, a
 * delivery reported as stored is there in the state reported, an import that succeeded has all
 * its rows, one that failed has none; every process ends with 0, 1 (a rule refused it) or 2 (the
 * database busy), never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dote, startDote, tempDir, type Outcome } from '../helpers.js';
import { freshPgDatabase, psql } from './pg.js';

/** One clerk: on each day, adds a delivery and programs it; what happened to each. */
async function clerk(url: string, cwd: string, k: number): Promise<{ step: string; out: Outcome; id?: number }[]> {
  const log: { step: string; out: Outcome; id?: number }[] = [];
  const dote_ = k % 2 ? 'JC-1-1103/022' : 'JC-1-1103/023';
  const prof = k < 4 ? 'P01' : 'P02';
  const [inizio, fine] = k % 4 < 2 ? ['09:00', '10:30'] : ['10:00', '11:30'];
  for (const day of ['2022-07-04', '2022-07-05', '2022-07-06', '2022-07-07']) {
    const add = await startDote(
      ['erogazione', 'aggiungi', dote_, '--servizio', 'JC-AN', '--data', day, '--inizio', inizio, '--fine', fine, '--professionista', prof, '--oggi', '2022-07-01', '--json', '--db', url],
      cwd,
    );
    const id = add.status === 0 ? (JSON.parse(add.stdout) as { id: number }).id : undefined;
    log.push({ step: `aggiungi ${dote_} ${day} ${prof} ${inizio}`, out: add, id });
    if (id !== undefined) {
      const prog = await startDote(['erogazione', 'programma', String(id), '--oggi', '2022-07-01', '--json', '--db', url], cwd);
      log.push({ step: `programma ${id}`, out: prog, id });
    }
  }
  return log;
}

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

let url: string;
let dir: string;

beforeAll(() => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  dir = t.dir;
  url = freshPgDatabase();
  const ok = (args: string[]) => {
    const r = dote([...args, '--db', url], { cwd: dir });
    if (r.status !== 0) throw new Error(`dote ${args.join(' ')}: ${r.stderr}`);
  };
  ok(['init']);
  ok(['sede', 'aggiungi', 'Padova', '--comune', 'Padova']);
  for (const [code, nome] of [['P01', 'Mario Rossi'], ['P02', 'Anna Bianchi'], ['P03', 'Carla Neri']]) ok(['professionista', 'aggiungi', code!, '--nome', nome!]);
  ok(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01H501U', '--nome', 'Mario', '--cognome', 'Rossi', '--l68', '--did']);
  ok(['destinatario', 'aggiungi', '--cf', 'VRDLGU85M01L736M', '--nome', 'Luigi', '--cognome', 'Verdi', '--l68', '--did']);
  for (const [id, cf] of [['JC-1-1103/022', 'RSSMRA80A01H501U'], ['JC-1-1103/023', 'VRDLGU85M01L736M']]) {
    ok(['nuova', '--tipo', 'JC-BASE', '--destinatario', cf!, '--id', id!, '--data', '2022-06-20', '--oggi', '2022-06-20']);
    ok(['ammetti', id!, '--oggi', '2022-06-21']);
  }
  // Two calendars of P03's coaching in the same doti, on days the clerks also use.
  const header = 'ID dote;Servizio;Data;Ora inizio;Ora fine;Ore;Professionista;Sede;Modalità;Gruppo;Descrizione;Registrata il';
  const rows = (dote_: string, hours: string[]) =>
    hours.map((h, i) => `${dote_};JC-AL;0${4 + (i % 4)}/07/2022;${h};${String(Number(h.slice(0, 2)) + 1).padStart(2, '0')}:00;1;Carla Neri;Padova;presenza;individuale;Affiancamento ${i + 1};0${4 + (i % 4)}/07/2022`);
  writeFileSync(path.join(dir, 'a.csv'), [header, ...rows('JC-1-1103/022', ['14:00', '14:00', '14:00', '14:00', '16:00', '16:00'])].join('\n') + '\n');
  writeFileSync(path.join(dir, 'b.csv'), [header, ...rows('JC-1-1103/023', ['15:00', '15:00', '15:00', '15:00', '17:00', '17:00'])].join('\n') + '\n');
}, 120_000);

const LIVE = "stato NOT IN ('ANNULLATA', 'CHIUSA NEGATIVAMENTE')";

describe('8 clerks and 2 imports on one server at once', () => {
  it('never produce what one at a time could not: caps, overlaps, no row lost', { timeout: 300_000 }, async () => {
    const imports = ['a.csv', 'b.csv'].map((f) => startDote(['importa', f, '--oggi', '2022-07-08', '--json', '--db', url], dir));
    const clerks = Array.from({ length: 8 }, (_, k) => clerk(url, dir, k));
    const [imp, logs] = await Promise.all([Promise.all(imports), Promise.all(clerks)]);

    const all = [...imp.map((o) => ({ step: 'importa', out: o })), ...logs.flat()];
    for (const { step, out } of all) {
      expect([0, 1, 2], `${step}: ${out.stderr}`).toContain(out.status);
      expect(out.stderr, step).not.toMatch(/\n\s+at |errore interno/);
      if (out.status === 2) expect(out.stderr, step).toMatch(/in uso da un altro processo|occupato/);
    }

    // The clerks did get in each other's way: some were refused by a rule (an overlap or the
    // activity's hours), and what each refusal names is one of those two rules.
    const refused = logs.flat().filter((s) => s.out.status === 1);
    expect(refused.length, 'contested steps').toBeGreaterThan(0);
    for (const s of refused) expect(s.out.stderr, s.step).toMatch(/timesheet\/overlap|hours\/service-cap/);
    console.log(`esiti: ${all.filter((s) => s.out.status === 0).length} riusciti, ${refused.length} rifiutati da una regola, ${all.filter((s) => s.out.status === 2).length} database occupato`);

    // No two live deliveries of one professional overlap.
    const overlaps = psql(
      url,
      `SELECT count(*) FROM erogazione a JOIN erogazione b ON a.professionista_id = b.professionista_id AND a.data = b.data AND a.id < b.id
        AND a.inizio < b.fine AND b.inizio < a.fine WHERE a.${LIVE} AND b.${LIVE}`,
    );
    expect(overlaps).toBe('0');
    // No activity holds more than its hours (programmed, started and delivered count).
    const over = psql(
      url,
      `SELECT count(*) FROM attivita t WHERE t.minuti < (SELECT coalesce(sum(e.fine - e.inizio), 0) FROM erogazione e
        WHERE e.dote_id = t.dote_id AND e.servizio = t.servizio AND e.stato IN ('PROGRAMMATA', 'AVVIATA', 'EROGATA'))`,
    );
    expect(over).toBe('0');

    // Every delivery reported stored is there, in the state of its last successful step.
    const stored = new Map<number, string>();
    for (const log of logs) for (const s of log) if (s.out.status === 0 && s.id !== undefined) stored.set(s.id, s.step.startsWith('programma') ? 'PROGRAMMATA' : 'INSERITA');
    expect(stored.size).toBeGreaterThan(0);
    for (const [id, stato] of stored) expect(psql(url, `SELECT stato FROM erogazione WHERE id = ${id}`), `erogazione ${id}`).toBe(stato);
    // Nothing else was added by the clerks: the rows of JC-AN are exactly those reported.
    expect(Number(psql(url, "SELECT count(*) FROM erogazione WHERE servizio = 'JC-AN'"))).toBe(stored.size);
    // The contested pairs were contested: on each day each professional has at most one JC-AN delivery.
    expect(psql(url, "SELECT count(*) FROM (SELECT professionista_id, data FROM erogazione WHERE servizio = 'JC-AN' GROUP BY 1, 2 HAVING count(*) > 1) x")).toBe('0');

    // An import is all or nothing: its rows are all there or none.
    for (const [i, f] of ['a.csv', 'b.csv'].entries()) {
      const rows = Number(psql(url, `SELECT count(*) FROM erogazione e JOIN file_importato f ON f.id = e.file_id WHERE f.percorso LIKE '%${f}'`));
      if (imp[i]!.status === 0) expect(rows, `${f}: ${imp[i]!.stdout}`).toBe(6);
      else expect(rows, f).toBe(0);
    }
    expect(imp.filter((o) => o.status === 0).length, imp.map((o) => o.stderr).join('\n')).toBeGreaterThan(0);
  });
});
