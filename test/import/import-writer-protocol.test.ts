/**
 * The protocol between `dote importa`'s main thread and its writer thread, checked by what goes in
 * and what comes out: the real ImportWriter (dist/, as `dote importa` runs it, with its real
 * thread) on a real database set up by dote commands. Whatever the writer does to the messages on
 * the way (batches, elided repeated text), every value given to an operation must be the value
 * stored; "maybe" rows must come back as present, updated or added; a rollback must leave the
 * database as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dote, dumpDb, ROOT, withDb } from '../helpers.js';
import type { ImportWriter as ImportWriterType } from '../../src/import/import-writer.js';

// The writer starts its thread from the compiled worker next to it: load it from dist/ (compiled
// by the global setup), not from the TypeScript sources.
const { ImportWriter } = (await import(pathToFileURL(path.join(ROOT, 'dist', 'import', 'import-writer.js')).href)) as {
  ImportWriter: typeof ImportWriterType;
};

const NOW = '2022-07-15T10:00:00.000Z';
const OGGI = '2022-07-15';
const FILES = ['calendario-marzo.csv', 'timesheet-rossi.csv'];

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A database with two sedi, two professionals and two Cremona doti, made by dote commands. */
function office(): { db: string; ids: { P01: number; P02: number; Cremona: number; Crema: number } } {
  const d = withDb();
  cleanups.push(d.cleanup);
  const env = { DOTE_OGGI: '2022-03-10', DOTE_OPERATORE: 'test' };
  for (const args of [
    ['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--patrono', '13/11'],
    ['sede', 'aggiungi', 'Crema', '--comune', 'Crema'],
    ['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi'],
    ['professionista', 'aggiungi', 'P02', '--nome', 'Anna Verdi'],
    ['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'],
    ['destinatario', 'aggiungi', '--cf', 'BNCLGU75B12D150X', '--nome', 'Luigi', '--cognome', 'Bianchi', '--disabilita', 'fisica', '--l68', '--did'],
    ['nuova', '--tipo', 'D1-INS', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-1'],
    ['nuova', '--tipo', 'D1-INS', '--destinatario', 'BNCLGU75B12D150X', '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-2'],
  ]) {
    const r = d.run(args, env);
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  }
  const raw = new Database(d.db, { readonly: true });
  try {
    const prof = raw.prepare('SELECT id FROM professionista WHERE codice = ?').pluck();
    const sede = raw.prepare('SELECT id FROM sede WHERE nome = ?').pluck();
    return { db: d.db, ids: { P01: prof.get('P01') as number, P02: prof.get('P02') as number, Cremona: sede.get('Cremona') as number, Crema: sede.get('Crema') as number } };
  } finally {
    raw.close();
  }
}

const ERO_COLUMNS = `e.dote_id, e.servizio, e.data, e.inizio, e.fine, e.professionista_id, e.sede_id, e.modalita, e.collettiva, e.sessione, e.descrizione,
  e.stato, e.registrata_il, e.origine, f.percorso AS file, e.riga, e.creata_il, e.aggiornata_il`;
const TS_COLUMNS = 't.professionista_id, t.dote_id, t.servizio, t.data, t.inizio, t.fine, t.collettiva, t.descrizione, f.percorso AS file, t.riga, t.importata_il';

/** The stored rows, as plain objects, in the order of their line in the file. */
function stored(db: string): { erogazioni: Record<string, unknown>[]; timesheet: Record<string, unknown>[] } {
  const raw = new Database(db, { readonly: true });
  try {
    return {
      erogazioni: raw.prepare(`SELECT ${ERO_COLUMNS} FROM erogazione e LEFT JOIN file_importato f ON f.id = e.file_id ORDER BY e.riga, e.id`).all() as Record<string, unknown>[],
      timesheet: raw.prepare(`SELECT ${TS_COLUMNS} FROM timesheet_riga t LEFT JOIN file_importato f ON f.id = t.file_id ORDER BY t.riga, t.id`).all() as Record<string, unknown>[],
    };
  } finally {
    raw.close();
  }
}

/** A small deterministic generator (the test must be the same on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('import writer protocol', () => {
  it('stores exactly the values it is given, over thousands of mixed rows, repeats, nulls and batches', () => {
    const { db, ids } = office();
    const r = rng(42);
    /** Keeps the current value with probability `stay`, else picks another: runs of repeats, as in real files. */
    const runs = <T>(values: readonly T[], stay: number) => {
      let cur = values[0]!;
      return () => {
        if (r() >= stay) cur = values[Math.floor(r() * values.length)]!;
        return cur;
      };
    };
    const file = runs([0, 1], 0.9);
    const doteId = runs(['CR-1', 'CR-2'], 0.85);
    const servizio = runs(['QD1', 'QD2', 'QF0', 'QT8'], 0.7);
    const data = runs(['2022-03-01', '2022-03-02', '2022-03-07', '2022-03-08', '2022-03-09'], 0.8);
    const prof = runs(['P01', 'P02'] as const, 0.9);
    const modalita = runs(['presenza', 'fad', 'telematica', 'telefonica'], 0.6);
    // '' and null are different values, and so are texts that differ by a space.
    const descrizione = runs([null, '', 'accoglienza', 'accoglienza ', 'colloquio, CV'], 0.5);
    const registrata = runs(['2022-03-02', '2022-03-10', '2022-03-01'], 0.7);
    const sede = [null, ids.Cremona, ids.Crema];

    const wantE: Record<string, unknown>[] = [];
    const wantT: Record<string, unknown>[] = [];
    const used = new Set<string>();
    const writer = new ImportWriter(db, FILES, { now: NOW, oggi: OGGI });
    const N = 4000;
    for (let n = 0; n < N; n++) {
      const fi = file();
      const d = doteId();
      const s = servizio();
      const day = data();
      const p = prof();
      let inizio = 420 + Math.floor(r() * 900);
      // A key is stored once (timesheet_riga is unique on it): move the start until it is new.
      while (used.has(`${p}|${d}|${s}|${day}|${inizio}`)) inizio = 420 + ((inizio - 420 + 1) % 900);
      used.add(`${p}|${d}|${s}|${day}|${inizio}`);
      const fine = inizio + 1 + Math.floor(r() * 120);
      // collettiva 0 is the number the protocol uses to mark a repeated text: it must stay 0.
      const collettiva = r() < 0.4 ? 1 : 0;
      const desc = descrizione();
      const riga = n + 2;
      if (r() < 0.6) {
        const sedeId = sede[Math.floor(r() * sede.length)]!;
        const mod = modalita();
        const reg = registrata();
        writer.insertErogazione(fi, d, s, day, inizio, fine, ids[p], sedeId, mod, collettiva, p, desc, reg, riga);
        wantE.push({
          dote_id: d, servizio: s, data: day, inizio, fine, professionista_id: ids[p], sede_id: sedeId, modalita: mod, collettiva,
          // The group session key of the README: S-<data>-<inizio>-<fine>-<servizio>-<professionista>.
          sessione: collettiva ? `S-${day}-${hhmm(inizio)}-${hhmm(fine)}-${s}-${p}` : null,
          descrizione: desc, stato: 'EROGATA', registrata_il: reg, origine: 'importa', file: FILES[fi], riga, creata_il: NOW, aggiornata_il: NOW,
        });
      } else {
        writer.insertTimesheet(fi, ids[p], d, s, day, inizio, fine, collettiva, desc, riga);
        wantT.push({ professionista_id: ids[p], dote_id: d, servizio: s, data: day, inizio, fine, collettiva, descrizione: desc, file: FILES[fi], riga, importata_il: OGGI });
      }
    }
    // No "maybe" rows were sent: nothing to report about them.
    expect(writer.drain()).toEqual({ counts: [{ presenti: 0, aggiornate: 0 }, { presenti: 0, aggiornate: 0 }], added: [], updates: [] });
    writer.end(true, 'test', []);

    // Enough of every kind, and of the cases that matter, for the comparison to mean something.
    expect(wantE.length).toBeGreaterThan(2000);
    expect(wantT.length).toBeGreaterThan(1200);
    expect(wantE.filter((e) => e.descrizione === '').length).toBeGreaterThan(50);
    expect(wantE.filter((e) => e.descrizione === null).length).toBeGreaterThan(50);
    const got = stored(db);
    expect(got.erogazioni).toEqual(wantE);
    expect(got.timesheet).toEqual(wantT);
  });

  it('reports "maybe" rows as present, updated or added, and writes them accordingly', () => {
    const { db, ids } = office();
    const w = new ImportWriter(db, FILES, { now: NOW, oggi: OGGI });
    // fi, dote, servizio, data, inizio, fine, professionista, sede, modalita, collettiva, key, descrizione, registrata_il, riga
    w.insertErogazione(0, 'CR-1', 'QD1', '2022-03-02', 540, 600, ids.P01, ids.Cremona, 'presenza', 0, 'P01', 'accoglienza', '2022-03-02', 2);
    w.insertErogazione(0, 'CR-1', 'QD2', '2022-03-02', 600, 660, ids.P01, null, 'presenza', 0, 'P01', null, '2022-03-02', 3);
    w.insertErogazione(0, 'CR-1', 'QF0', '2022-03-03', 540, 660, ids.P02, ids.Cremona, 'fad', 1, 'P02', 'corso', '2022-03-03', 4);
    w.insertErogazione(0, 'CR-2', 'QF0', '2022-03-03', 540, 660, ids.P02, ids.Cremona, 'fad', 1, 'P02', 'corso', '2022-03-03', 5);
    w.insertTimesheet(1, ids.P01, 'CR-1', 'QD1', '2022-03-02', 540, 600, 0, 'accoglienza', 2);
    w.insertTimesheet(1, ids.P01, 'CR-1', 'QD2', '2022-03-02', 600, 660, 0, null, 3);
    // The same delivery again, saying nothing new (no sede, no description): present.
    w.insertErogazione(0, 'CR-1', 'QD1', '2022-03-02', 540, 600, ids.P01, null, 'presenza', 0, 'P01', null, '2022-03-05', 6, true);
    // The QD2 delivery again, ending later and with a description: updated.
    w.insertErogazione(1, 'CR-1', 'QD2', '2022-03-02', 600, 690, ids.P01, ids.Crema, 'presenza', 0, 'P01', 'colloquio', '2022-03-05', 7, true);
    // A key no row has: added.
    w.insertErogazione(1, 'CR-2', 'QD1', '2022-03-04', 540, 570, ids.P01, null, 'presenza', 0, 'P01', null, '2022-03-05', 8, true);
    // The same for timesheet rows.
    w.insertTimesheet(1, ids.P01, 'CR-1', 'QD1', '2022-03-02', 540, 600, 0, 'accoglienza', 9, true);
    w.insertTimesheet(0, ids.P01, 'CR-1', 'QD2', '2022-03-02', 600, 690, 0, 'colloquio', 10, true);
    w.insertTimesheet(1, ids.P01, 'CR-2', 'QD1', '2022-03-04', 540, 600, 0, null, 11, true);
    expect(w.drain()).toEqual({
      counts: [
        { presenti: 1, aggiornate: 1 },
        { presenti: 1, aggiornate: 1 },
      ],
      added: [
        [1, 'c', 'CR-2', '2022-03-04', 30],
        [1, 't', 'CR-2', '2022-03-04', 60],
      ],
      // The updates, for importa to list (their history is written by the writer at the commit).
      updates: [
        expect.objectContaining({ doteId: 'CR-1', entita: 'erogazione', azione: 'modificata da importa' }),
        expect.objectContaining({ doteId: 'CR-1', entita: 'timesheet', azione: 'modificata da importa' }),
      ],
    });
    // The history entries the main thread gives are written with the rows.
    w.end(true, 'test', [{ doteId: 'CR-1', entita: 'dote', entitaId: 'CR-1', azione: 'importa', operatore: 'test', prima: null, dopo: { righe: 9 } }]);

    const common = { stato: 'EROGATA', origine: 'importa', creata_il: NOW };
    const [c0, c1] = FILES;
    expect(stored(db).erogazioni).toEqual([
      { dote_id: 'CR-1', servizio: 'QD1', data: '2022-03-02', inizio: 540, fine: 600, professionista_id: ids.P01, sede_id: ids.Cremona, modalita: 'presenza', collettiva: 0, sessione: null, descrizione: 'accoglienza', registrata_il: '2022-03-02', file: c0, riga: 2, aggiornata_il: NOW, ...common },
      { dote_id: 'CR-1', servizio: 'QF0', data: '2022-03-03', inizio: 540, fine: 660, professionista_id: ids.P02, sede_id: ids.Cremona, modalita: 'fad', collettiva: 1, sessione: 'S-2022-03-03-09:00-11:00-QF0-P02', descrizione: 'corso', registrata_il: '2022-03-03', file: c0, riga: 4, aggiornata_il: NOW, ...common },
      { dote_id: 'CR-2', servizio: 'QF0', data: '2022-03-03', inizio: 540, fine: 660, professionista_id: ids.P02, sede_id: ids.Cremona, modalita: 'fad', collettiva: 1, sessione: 'S-2022-03-03-09:00-11:00-QF0-P02', descrizione: 'corso', registrata_il: '2022-03-03', file: c0, riga: 5, aggiornata_il: NOW, ...common },
      // The updated row takes the new end, sede and description, and the file and line it now comes from.
      { dote_id: 'CR-1', servizio: 'QD2', data: '2022-03-02', inizio: 600, fine: 690, professionista_id: ids.P01, sede_id: ids.Crema, modalita: 'presenza', collettiva: 0, sessione: null, descrizione: 'colloquio', registrata_il: '2022-03-02', file: c1, riga: 7, aggiornata_il: NOW, ...common },
      { dote_id: 'CR-2', servizio: 'QD1', data: '2022-03-04', inizio: 540, fine: 570, professionista_id: ids.P01, sede_id: null, modalita: 'presenza', collettiva: 0, sessione: null, descrizione: null, registrata_il: '2022-03-05', file: c1, riga: 8, aggiornata_il: NOW, ...common },
    ]);
    expect(stored(db).timesheet).toEqual([
      { professionista_id: ids.P01, dote_id: 'CR-1', servizio: 'QD1', data: '2022-03-02', inizio: 540, fine: 600, collettiva: 0, descrizione: 'accoglienza', file: c1, riga: 2, importata_il: OGGI },
      { professionista_id: ids.P01, dote_id: 'CR-1', servizio: 'QD2', data: '2022-03-02', inizio: 600, fine: 690, collettiva: 0, descrizione: 'colloquio', file: c0, riga: 10, importata_il: OGGI },
      { professionista_id: ids.P01, dote_id: 'CR-2', servizio: 'QD1', data: '2022-03-04', inizio: 540, fine: 600, collettiva: 0, descrizione: null, file: c1, riga: 11, importata_il: OGGI },
    ]);
    // `dote storia` shows the given entry and one entry for each row the writer updated.
    const storia = dote(['storia', 'CR-1', '--json', '--db', db]).json<{ voci: { operatore: string; entita: string; azione: string; prima: unknown; dopo: unknown }[] }>();
    expect(storia.voci.filter((v) => v.azione !== 'nuova').map(({ operatore, entita, azione, prima, dopo }) => ({ operatore, entita, azione, prima, dopo }))).toEqual([
      { operatore: 'test', entita: 'dote', azione: 'importa', prima: null, dopo: { righe: 9 } },
      {
        operatore: 'test', entita: 'erogazione', azione: 'modificata da importa',
        // Before: the row as this call wrote it first, with its file and line.
        prima: { fine: '11:00', sede_id: null, modalita: 'presenza', collettiva: 0, descrizione: null, file: c0, riga: 3 },
        dopo: { fine: '11:30', sede_id: ids.Crema, modalita: 'presenza', collettiva: 0, descrizione: 'colloquio', file: c1, riga: 7 },
      },
      {
        operatore: 'test', entita: 'timesheet', azione: 'modificata da importa',
        prima: { fine: '11:00', collettiva: 0, descrizione: null, file: c1, riga: 3 },
        dopo: { fine: '11:30', collettiva: 0, descrizione: 'colloquio', file: c0, riga: 10 },
      },
    ]);
  });

  it('applies updates of rows already in the database, keeping the sede and description a row does not give', () => {
    const { db, ids } = office();
    const first = new ImportWriter(db, FILES, { now: NOW, oggi: OGGI });
    first.insertErogazione(0, 'CR-1', 'QD1', '2022-03-02', 540, 600, ids.P01, ids.Cremona, 'presenza', 0, 'P01', 'accoglienza', '2022-03-02', 2);
    first.insertTimesheet(1, ids.P01, 'CR-1', 'QD1', '2022-03-02', 540, 600, 0, 'accoglienza', 2);
    first.drain();
    first.end(true, 'test', []);
    const raw = new Database(db, { readonly: true });
    const eId = raw.prepare('SELECT id FROM erogazione').pluck().get() as number;
    const tId = raw.prepare('SELECT id FROM timesheet_riga').pluck().get() as number;
    raw.close();

    const later = '2022-07-16T08:00:00.000Z';
    const second = new ImportWriter(db, ['correzioni.csv', 'timesheet-rossi.csv'], { now: later, oggi: '2022-07-16' });
    // fine, sede, modalita, collettiva, descrizione, fi, riga, aggiornata_il, id
    second.updateErogazione(630, null, 'fad', 1, null, 0, 12, later, eId);
    // fine, collettiva, descrizione, fi, riga, importata_il, id
    second.updateTimesheet(630, 1, 'accoglienza e scheda', 1, 5, '2022-07-16', tId);
    expect(second.drain()).toEqual({ counts: [{ presenti: 0, aggiornate: 0 }, { presenti: 0, aggiornate: 0 }], added: [], updates: [] });
    second.end(true, 'test', []);

    expect(stored(db)).toEqual({
      erogazioni: [
        { dote_id: 'CR-1', servizio: 'QD1', data: '2022-03-02', inizio: 540, fine: 630, professionista_id: ids.P01, sede_id: ids.Cremona, modalita: 'fad', collettiva: 1, sessione: null, descrizione: 'accoglienza', stato: 'EROGATA', registrata_il: '2022-03-02', origine: 'importa', file: 'correzioni.csv', riga: 12, creata_il: NOW, aggiornata_il: later },
      ],
      timesheet: [
        { professionista_id: ids.P01, dote_id: 'CR-1', servizio: 'QD1', data: '2022-03-02', inizio: 540, fine: 630, collettiva: 1, descrizione: 'accoglienza e scheda', file: 'timesheet-rossi.csv', riga: 5, importata_il: '2022-07-16' },
      ],
    });
  });

  it('leaves the database as it was when the import is rolled back', () => {
    const { db, ids } = office();
    const before = dumpDb(db);
    const w = new ImportWriter(db, FILES, { now: NOW, oggi: OGGI });
    for (let n = 0; n < 1500; n++) {
      w.insertErogazione(0, 'CR-1', 'QD1', '2022-03-02', 420 + (n % 900), 421 + (n % 900), ids.P01, null, 'presenza', 0, 'P01', null, '2022-03-02', n + 2);
      w.insertTimesheet(1, ids.P01, 'CR-1', 'QD1', `2022-03-${String(2 + Math.floor(n / 900)).padStart(2, '0')}`, 420 + (n % 900), 421 + (n % 900), 0, null, n + 2);
    }
    w.drain();
    w.end(false, 'test', []);
    expect(dumpDb(db)).toEqual(before);
  });
});
