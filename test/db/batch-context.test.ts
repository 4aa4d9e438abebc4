/**
 * SqlBatchContext (src/db/repositories/batch-context.ts) on the SQLite file: what a batch check learns from the database. The database
 * is made by dote commands (registry, `importa` of a small calendar and timesheet, deliveries
 * added, cancelled and programmed, a Job Coach voucher admitted) or by inserts of known rows, and
 * every answer is compared with a value written here by hand, never with a query of our own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SqlBatchContext } from '../../src/db/repositories/batch-context.js';
import { sqliteSql } from '../../src/db/sqlite/sql.js';
import type { BatchContextOptions } from '../../src/db/batch-context.js';
import { loadCatalogues } from '../../src/bandi/load.js';
import { dayNumber, isoFromDay } from '../../src/domain/dates.js';
import { withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const CALENDARIO = `id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;modalita;gruppo;descrizione;registrata_il
CR-1;QD1;02/03/2022;09:00;10:00;P01;Cremona;presenza;individuale;accoglienza;02/03/2022
CR-1;QD2;02/03/2022;10:00;11:30;P01;;presenza;individuale;;03/03/2022
CR-1;QF0;03/03/2022;09:00;11:00;P02;Cremona;fad;collettiva;corso;03/03/2022
CR-2;QF0;03/03/2022;09:00;11:00;P02;Cremona;fad;collettiva;corso;03/03/2022
`;
const TIMESHEET = `id_dote;servizio;data;ora_inizio;ora_fine;professionista;descrizione
CR-1;QD1;02/03/2022;09:00;10:00;P01;accoglienza
CR-1;QD2;02/03/2022;10:00;11:30;P01;
`;

/**
 * The office of these tests, made by dote commands, today 10/03/2022. Rows, in the order they are
 * recorded: erogazioni 1-4 imported from CALENDARIO (EROGATA), 5 added and cancelled (QD3 on 04/03
 * 09:00-10:00), 6 added again with the same key (INSERITA, 09:00-10:30), 7 added and programmed
 * (QD3 on 07/03 14:00-15:00, PROGRAMMATA); timesheet rows 1-2 imported from TIMESHEET.
 */
function office(): Database.Database {
  const d = withDb();
  cleanups.push(d.cleanup);
  writeFileSync(path.join(d.dir, 'calendario.csv'), CALENDARIO);
  writeFileSync(path.join(d.dir, 'timesheet-rossi.csv'), TIMESHEET);
  const commands: string[][] = [
    ['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--patrono', '13/11'],
    ['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi'],
    ['professionista', 'aggiungi', 'P02', '--nome', 'Anna Verdi'],
    ['professionista', 'aggiungi', 'P03', '--nome', 'Luca Neri'],
    ['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'],
    ['destinatario', 'aggiungi', '--cf', 'BNCLGU75B12D150X', '--nome', 'Luigi', '--cognome', 'Bianchi', '--disabilita', 'fisica', '--l68', '--did'],
    ['nuova', '--tipo', 'D1-INS', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-1'],
    ['nuova', '--tipo', 'D1-INS', '--destinatario', 'BNCLGU75B12D150X', '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-2'],
    ['importa', 'calendario.csv', 'timesheet-rossi.csv'],
    ['erogazione', 'aggiungi', 'CR-1', '--servizio', 'QD3', '--data', '04/03/2022', '--inizio', '09:00', '--fine', '10:00', '--professionista', 'P01'],
    ['erogazione', 'annulla', '5'],
    ['erogazione', 'aggiungi', 'CR-1', '--servizio', 'QD3', '--data', '04/03/2022', '--inizio', '09:00', '--fine', '10:30', '--professionista', 'P01'],
    ['erogazione', 'aggiungi', 'CR-1', '--servizio', 'QD3', '--data', '07/03/2022', '--inizio', '14:00', '--fine', '15:00', '--professionista', 'P01', '--sede', 'Cremona'],
    ['erogazione', 'programma', '7'],
    // A Job Coach voucher, on its own days: admitted, its activities PROPOSTA.
    ['destinatario', 'aggiungi', '--cf', 'VRDGPP90C41L736E', '--nome', 'Giuseppina', '--cognome', 'Verdi', '--disabilita', 'psichica', '--l68', '--did', '--oggi', '2022-06-15'],
    ['nuova', '--tipo', 'JC-BASE', '--id', 'JC-1', '--destinatario', 'VRDGPP90C41L736E', '--data', '2022-06-15', '--oggi', '2022-06-15'],
    ['ammetti', 'JC-1', '--oggi', '2022-06-20'],
  ];
  for (const args of commands) {
    const r = d.run(args, { DOTE_OGGI: '2022-03-10', DOTE_OPERATORE: 'test' });
    if (r.status !== 0) throw new Error(`dote ${args.join(' ')}: ${r.stderr}`);
  }
  const raw = new Database(d.db);
  cleanups.push(() => raw.close());
  return raw;
}

/** The context a batch command builds on the file (src/db/sqlite/batch-database.ts, openSqliteBatchDatabase). */
function contextOf(db: Database.Database, cats: ReturnType<typeof loadCatalogues>, opts: BatchContextOptions = {}): SqlBatchContext {
  return new SqlBatchContext(sqliteSql(db), cats, opts, (work) => db.transaction(work)());
}

describe('SqlBatchContext', () => {
  it('finds recorded deliveries and timesheet rows by their key, only live ones, the first recorded', () => {
    const ctx = contextOf(office(), loadCatalogues());
    // Professionals 1-3 are P01-P03 and the sede is 1: the order they were added in.
    expect(ctx.existingErogazione(1, '2022-03-02', 'CR-1', 'QD1', 540)).toEqual({
      id: 1, dote_id: 'CR-1', servizio: 'QD1', inizio: 540, fine: 600, collettiva: 0, sede_id: 1, modalita: 'presenza',
      descrizione: 'accoglienza', stato: 'EROGATA', liquidazione_id: null, registrata_il: '2022-03-02',
    });
    // Empty sede and description in the file: NULL.
    expect(ctx.existingErogazione(1, '2022-03-02', 'CR-1', 'QD2', 600)).toEqual({
      id: 2, dote_id: 'CR-1', servizio: 'QD2', inizio: 600, fine: 690, collettiva: 0, sede_id: null, modalita: 'presenza',
      descrizione: null, stato: 'EROGATA', liquidazione_id: null, registrata_il: '2022-03-03',
    });
    expect(ctx.existingErogazione(2, '2022-03-03', 'CR-2', 'QF0', 540)).toMatchObject({ id: 4, collettiva: 1, modalita: 'fad', descrizione: 'corso' });
    // Delivery 5 (same key) was cancelled: the live one is 6, registered today.
    expect(ctx.existingErogazione(1, '2022-03-04', 'CR-1', 'QD3', 540)).toEqual({
      id: 6, dote_id: 'CR-1', servizio: 'QD3', inizio: 540, fine: 630, collettiva: 0, sede_id: null, modalita: 'presenza',
      descrizione: null, stato: 'INSERITA', liquidazione_id: null, registrata_il: '2022-03-10',
    });
    expect(ctx.existingErogazione(1, '2022-03-07', 'CR-1', 'QD3', 840)).toMatchObject({ id: 7, stato: 'PROGRAMMATA', sede_id: 1 });
    // One part of the key different: nothing.
    expect(ctx.existingErogazione(2, '2022-03-02', 'CR-1', 'QD1', 540)).toBeUndefined();
    expect(ctx.existingErogazione(1, '2022-03-03', 'CR-1', 'QD1', 540)).toBeUndefined();
    expect(ctx.existingErogazione(1, '2022-03-02', 'CR-2', 'QD1', 540)).toBeUndefined();
    expect(ctx.existingErogazione(1, '2022-03-02', 'CR-1', 'QD2', 540)).toBeUndefined();
    expect(ctx.existingErogazione(1, '2022-03-02', 'CR-1', 'QD1', 541)).toBeUndefined();
    expect(ctx.existingErogazione(3, '2022-03-02', 'CR-1', 'QD1', 540)).toBeUndefined();

    expect(ctx.existingTimesheet(1, 'CR-1', 'QD1', '2022-03-02', 540)).toEqual({
      id: 1, dote_id: 'CR-1', servizio: 'QD1', inizio: 540, fine: 600, collettiva: 0, descrizione: 'accoglienza',
    });
    expect(ctx.existingTimesheet(1, 'CR-1', 'QD2', '2022-03-02', 600)).toEqual({
      id: 2, dote_id: 'CR-1', servizio: 'QD2', inizio: 600, fine: 690, collettiva: 0, descrizione: null,
    });
    expect(ctx.existingTimesheet(2, 'CR-1', 'QF0', '2022-03-03', 540)).toBeUndefined();
    expect(ctx.rigaTimesheet(2)).toBe('timesheet-rossi.csv:3');
  });

  it("gives a professional's day, the hours already recorded, the registry and the activities", () => {
    const raw = office();
    const ctx = contextOf(raw, loadCatalogues());
    const d = (iso: string) => dayNumber(iso);
    // By code or by name; the cancelled delivery 5 is not in the day.
    expect(ctx.erogazioniDelGiorno('P01', d('2022-03-02'))).toEqual([
      { id: 1, doteId: 'CR-1', servizio: 'QD1', inizio: 540, fine: 600, collettiva: false },
      { id: 2, doteId: 'CR-1', servizio: 'QD2', inizio: 600, fine: 690, collettiva: false },
    ]);
    expect(ctx.erogazioniDelGiorno('Mario Rossi', d('2022-03-04'))).toEqual([{ id: 6, doteId: 'CR-1', servizio: 'QD3', inizio: 540, fine: 630, collettiva: false }]);
    expect(ctx.erogazioniDelGiorno('P02', d('2022-03-03'))).toEqual([
      { id: 3, doteId: 'CR-1', servizio: 'QF0', inizio: 540, fine: 660, collettiva: true },
      { id: 4, doteId: 'CR-2', servizio: 'QF0', inizio: 540, fine: 660, collettiva: true },
    ]);
    expect(ctx.erogazioniDelGiorno('P03', d('2022-03-02'))).toEqual([]);
    expect(ctx.erogazioniDelGiorno('P99', d('2022-03-02'))).toEqual([]);
    expect(ctx.timesheetDelGiorno('P01', d('2022-03-02'))).toEqual([
      { id: 1, doteId: 'CR-1', servizio: 'QD1', inizio: 540, fine: 600, collettiva: false },
      { id: 2, doteId: 'CR-1', servizio: 'QD2', inizio: 600, fine: 690, collettiva: false },
    ]);
    expect(ctx.timesheetDelGiorno('P02', d('2022-03-03'))).toEqual([]);
    expect([ctx.hasErogazioni(1), ctx.hasErogazioni(2), ctx.hasErogazioni(3)]).toEqual([true, true, false]);
    expect([ctx.hasTimesheet(1), ctx.hasTimesheet(2)]).toEqual([true, false]);

    expect(ctx.professionista('P02')).toEqual({ id: 2, codice: 'P02', nome: 'Anna Verdi' });
    expect(ctx.professionista('verdi anna')).toEqual({ id: 2, codice: 'P02', nome: 'Anna Verdi' });
    expect(ctx.professionista('Anna Bianchi')).toBeUndefined();
    expect(ctx.sede('cremona')).toEqual({ id: 1, nome: 'Cremona', patrono: '11-13' });
    expect(ctx.sede('Crema')).toBeUndefined();
    expect(ctx.attivitaStato('JC-1', 'JC-AN')).toBe('PROPOSTA');
    expect(ctx.attivitaStato('JC-1', 'JC-AL-R')).toBeUndefined();
    expect(ctx.attivitaStato('CR-1', 'QD1')).toBeUndefined();

    // A liquidation request (no command makes one yet: a known row) locks its dote only.
    raw.prepare("INSERT INTO liquidazione (dote_id, data, creata_il) VALUES ('CR-2', '2022-07-01', '2022-07-01')").run();
    expect([ctx.inLiquidazione('CR-1'), ctx.inLiquidazione('CR-2')]).toEqual([false, true]);
  });

  it('gives the same hours already recorded, per dote and per person, when it reads every dote up front (a big batch)', () => {
    const raw = office();
    const d = (iso: string) => dayNumber(iso);
    for (const ctx of [contextOf(raw, loadCatalogues()), contextOf(raw, loadCatalogues(), { expectedRows: 1_000_000 })]) {
      // Hours against the caps: PROGRAMMATA, AVVIATA, EROGATA for calendars (not the INSERITA 6,
      // not the cancelled 5), imported rows for timesheets.
      expect(ctx.giaRegistrate('CR-1', 'calendario', 'QD1', false)).toBe(60);
      expect(ctx.giaRegistrate('CR-1', 'calendario', 'QD2', false)).toBe(90);
      expect(ctx.giaRegistrate('CR-1', 'calendario', 'QD3', false)).toBe(60);
      expect(ctx.giaRegistrate('CR-1', 'calendario', 'QF0', true)).toBe(120);
      expect(ctx.giaRegistrate('CR-1', 'calendario', 'QF0', false)).toBe(0);
      expect(ctx.giaRegistrate('CR-1', 'timesheet', 'QD2', false)).toBe(90);
      expect(ctx.giaRegistrate('CR-2', 'timesheet', 'QF0', true)).toBe(0);
      expect(ctx.giaRegistrate('CR-9', 'calendario', 'QD1', false)).toBe(0);
      // A person's hours in a period: every live delivery (the INSERITA 6 too, not the cancelled 5).
      expect(ctx.minutiPersona('RSSMRA80A01D150J', 'calendario', d('2022-03-02'), d('2022-03-02'))).toBe(150);
      expect(ctx.minutiPersona('RSSMRA80A01D150J', 'calendario', d('2022-03-01'), d('2022-03-07'))).toBe(60 + 90 + 120 + 90 + 60);
      expect(ctx.minutiPersona('RSSMRA80A01D150J', 'calendario', d('2022-03-05'), d('2022-03-06'))).toBe(0);
      expect(ctx.minutiPersona('BNCLGU75B12D150X', 'calendario', d('2022-03-01'), d('2022-03-31'))).toBe(120);
      expect(ctx.minutiPersona('RSSMRA80A01D150J', 'timesheet', d('2022-03-01'), d('2022-03-31'))).toBe(150);
    }
  });

  it('gives the same activities and liquidation requests when it reads every dote up front (a big batch)', () => {
    const raw = office();
    raw.prepare("INSERT INTO liquidazione (dote_id, data, creata_il) VALUES ('CR-2', '2022-07-01', '2022-07-01')").run();
    // More rows expected than doti in the register: doti, activities and liquidation requests are read at once.
    for (const ctx of [contextOf(raw, loadCatalogues(), { expectedRows: 1_000_000 }), contextOf(raw, loadCatalogues())]) {
      expect([ctx.inLiquidazione('CR-1'), ctx.inLiquidazione('CR-2'), ctx.inLiquidazione('JC-1'), ctx.inLiquidazione('CR-9')]).toEqual([false, true, false, false]);
      expect([ctx.attivitaStato('JC-1', 'JC-AN'), ctx.attivitaStato('JC-1', 'JC-AL-R'), ctx.attivitaStato('CR-1', 'QD1')]).toEqual(['PROPOSTA', undefined, undefined]);
    }
  });

  it('keeps giving the same answers while its day caches evict and reload (40 professional-days)', () => {
    const raw = office();
    // Known rows for P01 and P02 on 20 days from 14/03/2022, each day the same pattern, its values
    // made from the professional (p) and the day (i):
    //   QD1 09:00  EROGATA, fine 10:00 + i minutes            → the answer for that key
    //   QD1 09:00  EROGATA again, fine 11:40 (recorded later) → never the answer
    //   QD2 10:00  ANNULLATA                                  → not an answer
    //   QD2 10:00  PROGRAMMATA, fine 11:00                    → the answer for that key
    //   QD3 11:00  CHIUSA NEGATIVAMENTE                       → no answer for that key
    // and one timesheet row, QD1 09:00-09:50 + i, with no description on every third day.
    const first = dayNumber('2022-03-14');
    const ids = new Map<string, number>();
    const insE = raw.prepare(
      `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, sede_id, modalita, collettiva, descrizione, stato, registrata_il, origine, creata_il, aggiornata_il)
       VALUES ('CR-1', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, '2022-03-10', 'manuale', 'x', 'x')`,
    );
    const insT = raw.prepare(
      "INSERT INTO timesheet_riga (professionista_id, dote_id, servizio, data, inizio, fine, collettiva, descrizione, riga, importata_il) VALUES (?, 'CR-1', 'QD1', ?, 540, ?, 0, ?, ?, '2022-03-10')",
    );
    raw.transaction(() => {
      for (let i = 0; i < 20; i++) {
        const data = isoFromDay(first + i);
        for (const p of [1, 2]) {
          const k = `${p}|${i}`;
          ids.set(`${k}|A`, Number(insE.run('QD1', data, 540, 600 + i, p, i % 2 ? null : 1, i % 2 ? 'fad' : 'presenza', `p${p} giorno ${i}`, 'EROGATA').lastInsertRowid));
          insE.run('QD1', data, 540, 700, p, 1, 'presenza', 'dopo', 'EROGATA');
          insE.run('QD2', data, 600, 630, p, null, 'presenza', null, 'ANNULLATA');
          ids.set(`${k}|D`, Number(insE.run('QD2', data, 600, 660, p, null, 'telematica', null, 'PROGRAMMATA').lastInsertRowid));
          insE.run('QD3', data, 660, 720, p, null, 'presenza', null, 'CHIUSA NEGATIVAMENTE');
          ids.set(`${k}|T`, Number(insT.run(p, data, 590 + i, i % 3 ? `riga ${i}` : null, i + 2).lastInsertRowid));
        }
      }
    })();
    const ctx = contextOf(raw, loadCatalogues());
    // Every professional-day, in an order that alternates days far apart (more than the 16 kept),
    // twice.
    const order: [number, number][] = [];
    for (let j = 0; j < 20; j++) for (const p of [1, 2]) order.push([p, j % 2 ? 19 - Math.floor(j / 2) : Math.floor(j / 2)]);
    let checked = 0;
    for (const [p, i] of [...order, ...order]) {
      const data = isoFromDay(first + i);
      const k = `${p}|${i}`;
      expect(ctx.existingErogazione(p, data, 'CR-1', 'QD1', 540)).toEqual({
        id: ids.get(`${k}|A`), dote_id: 'CR-1', servizio: 'QD1', inizio: 540, fine: 600 + i, collettiva: 0, sede_id: i % 2 ? null : 1,
        modalita: i % 2 ? 'fad' : 'presenza', descrizione: `p${p} giorno ${i}`, stato: 'EROGATA', liquidazione_id: null, registrata_il: '2022-03-10',
      });
      expect(ctx.existingErogazione(p, data, 'CR-1', 'QD2', 600)).toMatchObject({ id: ids.get(`${k}|D`), fine: 660, modalita: 'telematica', stato: 'PROGRAMMATA', descrizione: null });
      expect(ctx.existingErogazione(p, data, 'CR-1', 'QD3', 660)).toBeUndefined();
      expect(ctx.existingErogazione(p, data, 'CR-2', 'QD1', 540)).toBeUndefined();
      expect(ctx.existingTimesheet(p, 'CR-1', 'QD1', data, 540)).toEqual({
        id: ids.get(`${k}|T`), dote_id: 'CR-1', servizio: 'QD1', inizio: 540, fine: 590 + i, collettiva: 0, descrizione: i % 3 ? `riga ${i}` : null,
      });
      expect(ctx.existingTimesheet(p, 'CR-1', 'QD2', data, 540)).toBeUndefined();
      // The day's live deliveries, for the overlap check: both QD1 rows and the programmed QD2.
      expect(ctx.erogazioniDelGiorno(p === 1 ? 'P01' : 'P02', first + i).map((x) => [x.servizio, x.inizio, x.fine])).toEqual([
        ['QD1', 540, 600 + i],
        ['QD1', 540, 700],
        ['QD2', 600, 660],
      ]);
      checked++;
    }
    expect(checked).toBe(80);
  });
});
