/**
 * DbContext's lookups of a professional's day (src/check/db-context.ts): what the day caches
 * answer is what a query per row answers, on a real database, with the rows asked for in an order
 * that keeps evicting the caches (40 professional-days, 16 kept).
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DbContext } from '../../src/check/db-context.js';
import { loadCatalogues } from '../../src/bandi/load.js';
import { dayNumber, isoFromDay } from '../../src/domain/dates.js';
import { withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A small deterministic generator. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('DbContext day lookups', () => {
  it('find the same deliveries and timesheet rows as a query, across evictions, states, duplicates and NULLs', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    const env = { DOTE_OGGI: '2022-03-10', DOTE_OPERATORE: 'test' };
    for (const args of [
      ['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona'],
      ['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi'],
      ['professionista', 'aggiungi', 'P02', '--nome', 'Anna Verdi'],
      ['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'],
      ['nuova', '--tipo', 'D1-INS', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-1'],
    ]) {
      const r = d.run(args, env);
      if (r.status !== 0) throw new Error(r.stderr);
    }
    const raw = new Database(d.db);
    const r = rng(7);
    const states = ['EROGATA', 'EROGATA', 'PROGRAMMATA', 'ANNULLATA', 'CHIUSA NEGATIVAMENTE'];
    const insE = raw.prepare(
      `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, sede_id, modalita, collettiva, descrizione, stato, registrata_il, origine, creata_il, aggiornata_il)
       VALUES ('CR-1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'importa', 'x', 'x')`,
    );
    const insT = raw.prepare(
      `INSERT OR IGNORE INTO timesheet_riga (professionista_id, dote_id, servizio, data, inizio, fine, collettiva, descrizione, riga, importata_il) VALUES (?, 'CR-1', ?, ?, ?, ?, ?, ?, ?, '2022-03-10')`,
    );
    const keys: [number, string, string, number][] = [];
    const first = dayNumber('2022-03-01');
    raw.transaction(() => {
      for (let day = first; day < first + 20; day++) {
        for (const prof of [1, 2]) {
          for (let k = 0; k < 6; k++) {
            const servizio = r() < 0.5 ? 'QD1' : 'QD2';
            const inizio = 540 + 60 * Math.floor(r() * 4);
            const data = isoFromDay(day);
            // A key written twice (the first recorded answers), NULLs, every state.
            const times = r() < 0.2 ? 2 : 1;
            for (let t = 0; t < times; t++) {
              insE.run(servizio, data, inizio, inizio + 30 + t, prof, r() < 0.3 ? null : 1, r() < 0.5 ? 'presenza' : 'fad', r() < 0.5 ? 1 : 0, r() < 0.3 ? null : `nota ${k}`, states[Math.floor(r() * states.length)], data);
            }
            insT.run(prof, servizio, data, inizio, inizio + 45, r() < 0.5 ? 1 : 0, r() < 0.3 ? null : `riga ${k}`, k + 2);
            keys.push([prof, servizio, data, inizio]);
            keys.push([prof, servizio === 'QD1' ? 'QD2' : 'QD1', data, inizio + 15]); // mostly absent
          }
        }
      }
    })();
    const ctx = new DbContext(raw, loadCatalogues());
    const oneE = raw.prepare(
      `SELECT id, fine, sede_id, modalita, collettiva, descrizione, stato, liquidazione_id, registrata_il FROM erogazione
        WHERE professionista_id = ? AND data = ? AND dote_id = 'CR-1' AND servizio = ? AND inizio = ? AND stato NOT IN ('ANNULLATA', 'CHIUSA NEGATIVAMENTE') ORDER BY id LIMIT 1`,
    );
    const oneT = raw.prepare("SELECT id, fine, collettiva, descrizione FROM timesheet_riga WHERE professionista_id = ? AND dote_id = 'CR-1' AND servizio = ? AND data = ? AND inizio = ?");
    // Shuffled: professionals and days interleave, so the caches evict and reload.
    const order = keys.map((k, i) => [r(), i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => keys[i]!);
    let found = 0;
    for (const [prof, servizio, data, inizio] of [...keys, ...order]) {
      const e = ctx.existingErogazione(prof, data, 'CR-1', servizio, inizio);
      const want = oneE.get(prof, data, servizio, inizio);
      if (want) {
        expect(e).toMatchObject(want as object);
        found++;
      } else expect(e).toBeUndefined();
      const t = ctx.existingTimesheet(prof, 'CR-1', servizio, data, inizio);
      const wantT = oneT.get(prof, servizio, data, inizio);
      if (wantT) expect(t).toMatchObject(wantT as object);
      else expect(t).toBeUndefined();
    }
    expect(found).toBeGreaterThan(100);
    // The day's intervals, for the overlap check: the live deliveries and every timesheet row.
    const day = dayNumber('2022-03-05');
    const live = raw.prepare("SELECT id FROM erogazione WHERE professionista_id = 2 AND data = ? AND stato NOT IN ('ANNULLATA', 'CHIUSA NEGATIVAMENTE') ORDER BY id").pluck().all(isoFromDay(day));
    expect(ctx.erogazioniDelGiorno('P02', day).map((x) => x.id)).toEqual(live);
    const ts = raw.prepare('SELECT id FROM timesheet_riga WHERE professionista_id = 2 AND data = ? ORDER BY id').pluck().all(isoFromDay(day));
    expect(ctx.timesheetDelGiorno('P02', day).map((x) => x.id)).toEqual(ts);
    raw.close();
  });
});
