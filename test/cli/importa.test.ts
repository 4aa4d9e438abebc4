/**
 * `dote importa`: all or nothing in one transaction, re-import adds nothing, --prova changes
 * nothing, concluded doti and deliveries in a liquidation request are refused; each refusal
 * leaves the database exactly as it was (a dump of every table before and after).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DOWNGRADE_TO_SCHEMA_2, SCHEMA_VERSION, TEST_STORE, dote, dumpDb, FIXTURES, holdWriteLock, sql, withDb, type RunResult } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const dump = (file: string) => dumpDb(file);
const query = <T = Record<string, unknown>>(file: string, q: string, ...params: unknown[]): T[] => sql<T>(file, q, ...params);

const H = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;descrizione\n';
const CAL = `${H}CR-1;QD1;02/03/2022;09:00;10:00;Mario Rossi;Cremona;accoglienza\nCR-1;QD2;03/03/2022;09:00;10:00;P01;Cremona;colloquio\n`;
const TS = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\nCR-1;QD1;02/03/2022;09:00;10:00;P01\nCR-1;QD2;03/03/2022;09:00;10:00;P01\n';

function setup() {
  const d = withDb();
  cleanups.push(d.cleanup);
  const env = { DOTE_OGGI: '2022-03-10', DOTE_OPERATORE: 'test' };
  const ok = (args: string[]): RunResult => {
    const r = d.run(args, env);
    if (r.status !== 0) throw new Error(`dote ${args.join(' ')}: ${r.stderr}`);
    return r;
  };
  ok(['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--patrono', '13/11']);
  ok(['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi']);
  ok(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did']);
  ok(['nuova', '--tipo', 'D1-INS', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-1']);
  const write = (name: string, text: string) => {
    writeFileSync(path.join(d.dir, name), text);
    return name;
  };
  const run = (args: string[]) => d.run(args, env);
  return { ...d, ok, run, write };
}

describe('dote importa', () => {
  it('needs a database', () => {
    const d = setup();
    d.write('c.csv', CAL);
    const r = dote(['importa', 'c.csv', '--db', 'altro.db'], { cwd: d.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nessun database/);
  });

  it('imports calendar rows as EROGATA deliveries and timesheet rows, with history; again adds nothing', () => {
    const d = setup();
    d.write('calendario.csv', CAL);
    d.write('timesheet-rossi.csv', TS);
    const r = d.run(['importa', 'calendario.csv', 'timesheet-rossi.csv', '--json']);
    expect(r.status).toBe(0);
    const doc = r.json();
    expect(doc.import).toEqual({
      eseguita: true,
      rifiutata: false,
      prova: false,
      files: [
        { file: 'calendario.csv', kind: 'calendario', importate: 2, presenti: 0, aggiornate: 0 },
        { file: 'timesheet-rossi.csv', kind: 'timesheet', importate: 2, presenti: 0, aggiornate: 0 },
      ],
      totale: { importate: 4, presenti: 0, aggiornate: 0 },
      aggiornamenti: [],
    });
    const rows = query(
      d.db,
      'SELECT dote_id, servizio, data, inizio, fine, stato, origine, f.percorso AS file, riga, registrata_il, descrizione, sede_id FROM erogazione e LEFT JOIN file_importato f ON f.id = e.file_id ORDER BY e.id',
    );
    expect(rows).toEqual([
      { dote_id: 'CR-1', servizio: 'QD1', data: '2022-03-02', inizio: 540, fine: 600, stato: 'EROGATA', origine: 'importa', file: 'calendario.csv', riga: 2, registrata_il: '2022-03-10', descrizione: 'accoglienza', sede_id: 1 },
      { dote_id: 'CR-1', servizio: 'QD2', data: '2022-03-03', inizio: 540, fine: 600, stato: 'EROGATA', origine: 'importa', file: 'calendario.csv', riga: 3, registrata_il: '2022-03-10', descrizione: 'colloquio', sede_id: 1 },
    ]);
    expect(query(d.db, 'SELECT f.percorso AS file, riga FROM timesheet_riga t JOIN file_importato f ON f.id = t.file_id ORDER BY t.id')).toEqual([
      { file: 'timesheet-rossi.csv', riga: 2 },
      { file: 'timesheet-rossi.csv', riga: 3 },
    ]);
    expect(query(d.db, 'SELECT percorso FROM file_importato ORDER BY id')).toEqual([{ percorso: 'calendario.csv' }, { percorso: 'timesheet-rossi.csv' }]);
    const storia = query<{ entita: string; entita_id: string; azione: string; dopo: string }>(d.db, "SELECT entita, entita_id, azione, dopo FROM storia WHERE azione LIKE 'importate%' ORDER BY id");
    expect(storia).toHaveLength(1); // one summary per dote
    expect(storia[0]).toMatchObject({ entita: 'erogazione', entita_id: 'calendario.csv, timesheet-rossi.csv', azione: 'importate 2 erogazioni (EROGATA) e 2 righe di timesheet' });
    expect(JSON.parse(storia[0]!.dopo)).toMatchObject({ erogazioni: 2, minutiErogazioni: 120, righeTimesheet: 2, minutiTimesheet: 120, dal: '2022-03-02', al: '2022-03-03' });
    const before = dump(d.db);
    const again = d.run(['importa', 'calendario.csv', 'timesheet-rossi.csv', '--json']);
    expect(again.status).toBe(0);
    expect(again.json().import.totale).toEqual({ importate: 0, presenti: 4, aggiornate: 0 });
    expect(dump(d.db)).toEqual(before);
    expect(d.run(['importa', 'calendario.csv', 'timesheet-rossi.csv']).stdout).toMatch(/calendario\.csv +0 erogazioni nuove, 2 già presenti/);
  });

  // The migration of a file of schema 2: the server store starts at schema 7, there is no older one.
  it.skipIf(TEST_STORE === 'postgres')('a database of schema 2 (the path on every row) is migrated: each path stored once, every row still pointing at it', () => {
    const d = setup();
    d.write('calendario.csv', CAL);
    d.write('timesheet-rossi.csv', TS);
    expect(d.run(['importa', 'calendario.csv', 'timesheet-rossi.csv']).status).toBe(0);
    const db = new Database(d.db);
    db.exec(DOWNGRADE_TO_SCHEMA_2);
    expect(db.prepare('SELECT file, riga FROM timesheet_riga ORDER BY id').all()).toEqual([
      { file: 'timesheet-rossi.csv', riga: 2 },
      { file: 'timesheet-rossi.csv', riga: 3 },
    ]);
    db.close();
    // Opening it migrates; importing the same files again finds every row present.
    const again = d.run(['importa', 'calendario.csv', 'timesheet-rossi.csv', '--json']);
    expect(again.status).toBe(0);
    expect(again.json().import.totale).toEqual({ importate: 0, presenti: 4, aggiornate: 0 });
    expect(query(d.db, "SELECT valore FROM meta WHERE chiave = 'schema_version'")).toEqual([{ valore: String(SCHEMA_VERSION) }]);
    expect(
      query(d.db, "SELECT 'c' AS k, f.percorso, riga FROM erogazione e JOIN file_importato f ON f.id = e.file_id UNION ALL SELECT 't', f.percorso, riga FROM timesheet_riga t JOIN file_importato f ON f.id = t.file_id ORDER BY 1, 3"),
    ).toEqual([
      { k: 'c', percorso: 'calendario.csv', riga: 2 },
      { k: 'c', percorso: 'calendario.csv', riga: 3 },
      { k: 't', percorso: 'timesheet-rossi.csv', riga: 2 },
      { k: 't', percorso: 'timesheet-rossi.csv', riga: 3 },
    ]);
    expect(query(d.db, 'SELECT count(*) AS n FROM file_importato')).toEqual([{ n: 2 }]);
  });

  it('all or nothing: an error in any file imports nothing', () => {
    const d = setup();
    d.write('calendario.csv', CAL);
    d.write('timesheet-rossi.csv', `${TS}CR-1;QD3;31/02/2022;09:00;10:00;P01\n`);
    const before = dump(d.db);
    const r = d.run(['importa', 'calendario.csv', 'timesheet-rossi.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/timesheet-rossi\.csv:4: errore field\/date/);
    expect(r.stdout).toMatch(/Nessuna riga importata/);
    expect(dump(d.db)).toEqual(before);
  });

  it('an Excel workbook given for a CSV is named, with the hint to save it as CSV; nothing imported', () => {
    const d = setup();
    d.write('calendario.csv', CAL);
    copyFileSync(path.join(FIXTURES, 'workbooks', 'calendario.xlsx'), path.join(d.dir, 'timesheet-rossi.xlsx'));
    const before = dump(d.db);
    const r = d.run(['importa', 'calendario.csv', '--timesheet', 'timesheet-rossi.xlsx']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('timesheet-rossi.xlsx:1: errore csv/encoding: cartella di lavoro di Excel (.xlsx), non un file CSV: aprila e salvala come CSV UTF-8 (File › Salva con nome)');
    expect(r.stdout).toMatch(/Nessuna riga importata/);
    expect(dump(d.db)).toEqual(before);
  });

  it('an unknown dote or professional is an error (field/value), nothing imported', () => {
    const d = setup();
    d.write('c.csv', `${CAL}CR-9;QD1;04/03/2022;09:00;10:00;P01;;\nCR-1;QD3;04/03/2022;11:00;12:00;Luca Neri;;\n`);
    const before = dump(d.db);
    const r = d.run(['importa', 'c.csv', '--json']);
    expect(r.status).toBe(1);
    const errors = r.json().diagnostics.filter((x: { severity: string }) => x.severity === 'error');
    expect(errors.map((x: { line: number; rule: string }) => `${x.line} ${x.rule}`)).toEqual(['4 field/value', '5 field/value']);
    expect(r.json().import.eseguita).toBe(false);
    expect(dump(d.db)).toEqual(before);
  });

  it('--prova shows what would happen and changes nothing', () => {
    const d = setup();
    d.write('calendario.csv', CAL);
    const before = dump(d.db);
    const r = d.run(['importa', 'calendario.csv', '--prova']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Prova: il database non è stato modificato/);
    expect(r.stdout).toMatch(/calendario\.csv +2 erogazioni nuove, 0 già presenti/);
    expect(dump(d.db)).toEqual(before);
  });

  it('a row overlapping a delivery already in the database (same professional) is refused; the row itself re-imported is not an overlap', () => {
    const d = setup();
    d.write('calendario.csv', CAL);
    d.ok(['importa', 'calendario.csv']);
    // Again: each row meets its own recorded copy, which is not an overlap.
    expect(d.run(['importa', 'calendario.csv', '--json']).json().import.totale).toEqual({ importate: 0, presenti: 2, aggiornate: 0 });
    d.write('sovrapposta.csv', `${H}CR-1;QD3;02/03/2022;09:30;10:30;P01;Cremona;percorso\nCR-1;QD3;02/03/2022;10:30;11:30;P01;Cremona;dopo\n`);
    const before = dump(d.db);
    for (const cmd of ['verifica', 'importa']) {
      const r = d.run([cmd, 'sovrapposta.csv', '--json']);
      expect(r.status).toBe(1);
      const errors = r.json().diagnostics.filter((x: { severity: string }) => x.severity === 'error');
      expect(errors.map((x: { line: number; rule: string; message: string }) => `${x.line} ${x.rule} ${x.message}`)).toEqual([
        "2 timesheet/overlap P01 impegnato il 02/03/2022 dalle 09:30 alle 10:30 e nello stesso momento nell'erogazione 1 (09:00-10:00)",
      ]);
    }
    expect(dump(d.db)).toEqual(before);
  });

  it('a timesheet row overlapping a timesheet row already imported (same professional and day) is refused, naming its file and line; the row itself again is not', () => {
    const d = setup();
    d.write('timesheet-rossi.csv', TS);
    d.ok(['importa', 'timesheet-rossi.csv']);
    expect(d.run(['importa', 'timesheet-rossi.csv', '--json']).json().import.totale).toEqual({ importate: 0, presenti: 2, aggiornate: 0 });
    // Another export of the same professional's timesheet: 02/03 9:30-10:30 on QD3 overlaps the
    // imported 9-10 on QD1; 03/03 10-11 touches the imported 9-10 without overlapping it.
    d.write('timesheet-rossi-2.csv', 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\nCR-1;QD3;02/03/2022;09:30;10:30;P01\nCR-1;QD3;03/03/2022;10:00;11:00;P01\n');
    const before = dump(d.db);
    for (const cmd of ['verifica', 'importa']) {
      const r = d.run([cmd, 'timesheet-rossi-2.csv', '--json']);
      expect(r.status).toBe(1);
      const errors = r.json().diagnostics.filter((x: { severity: string }) => x.severity === 'error');
      expect(errors.map((x: { line: number; rule: string; message: string }) => `${x.line} ${x.rule} ${x.message}`)).toEqual([
        '2 timesheet/overlap P01 impegnato il 02/03/2022 dalle 09:30 alle 10:30 e nello stesso momento nella riga di timesheet già importata timesheet-rossi.csv:2 (09:00-10:00)',
      ]);
    }
    expect(dump(d.db)).toEqual(before);
  });

  it('a group session in the database: its rows again are no overlap; one participant turned individual overlaps the others', () => {
    const d = setup();
    d.ok(['destinatario', 'aggiungi', '--cf', 'VRDLGU95C15D150E', '--nome', 'Luigi', '--cognome', 'Verdi', '--disabilita', 'fisica', '--l68', '--did']);
    d.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', 'VRDLGU95C15D150E', '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-2']);
    const head = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;descrizione;gruppo\n';
    d.write('gruppo.csv', `${head}CR-1;QN7;02/03/2022;09:00;10:00;P01;Cremona;accoglienza;collettiva\nCR-2;QN7;02/03/2022;09:00;10:00;P01;Cremona;accoglienza;collettiva\n`);
    d.ok(['importa', 'gruppo.csv']);
    expect(d.run(['importa', 'gruppo.csv', '--json']).json().import.totale).toEqual({ importate: 0, presenti: 2, aggiornate: 0 });
    // CR-1's row again, now individual: its own group row is its earlier copy, CR-2's is still there.
    d.write('individuale.csv', `${head}CR-1;QN7;02/03/2022;09:00;10:00;P01;Cremona;accoglienza;individuale\n`);
    const r = d.run(['verifica', 'individuale.csv', '--json']);
    expect(r.status).toBe(1);
    expect(r.json().diagnostics.filter((x: { rule: string }) => x.rule === 'timesheet/overlap').map((x: { line: number; message: string }) => `${x.line} ${x.message}`)).toEqual([
      "2 P01 impegnato il 02/03/2022 dalle 09:00 alle 10:00 e nello stesso momento nell'erogazione 2 (09:00-10:00)",
    ]);
  });

  it('a concluded dote takes no rows (import/conflict), unless they are already there', () => {
    const d = setup();
    d.write('calendario.csv', CAL);
    d.ok(['importa', 'calendario.csv']);
    d.ok(['concludi', 'CR-1', '--data', '2022-03-05']);
    // The same file again: already present, not a conflict.
    expect(d.run(['importa', 'calendario.csv', '--json']).json().import.totale.presenti).toBe(2);
    d.write('nuove.csv', `${H}CR-1;QD3;04/03/2022;09:00;10:00;P01;Cremona;percorso\n`);
    const before = dump(d.db);
    const r = d.run(['importa', 'nuove.csv', '--json']);
    expect(r.status).toBe(1);
    expect(r.json().diagnostics.map((x: { line: number; rule: string }) => `${x.line} ${x.rule}`)).toEqual(['2 import/conflict']);
    expect(dump(d.db)).toEqual(before);
  });

  it('Job Coach activities: imported deliveries start a PROPOSTA activity; a TERMINATA one takes no new or changed rows', () => {
    const d = setup();
    const env = { DOTE_OGGI: '2022-07-01', DOTE_OPERATORE: 'test' };
    const ok = (args: string[]) => {
      const r = d.run(args, env);
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    };
    ok(['sede', 'aggiungi', 'Padova', '--comune', 'Padova', '--patrono', '13/06']);
    ok(['destinatario', 'aggiungi', '--cf', 'VRDLGU95C15D150E', '--nome', 'Luigi', '--cognome', 'Verdi', '--disabilita', 'psichica', '--l68', '--did']);
    ok(['nuova', '--tipo', 'JC-BASE', '--id', 'JC-1', '--destinatario', 'VRDLGU95C15D150E', '--data', '2022-06-20', '--oggi', '2022-06-20']);
    ok(['ammetti', 'JC-1', '--oggi', '2022-06-21']);
    const jh = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede\n';
    d.write('jc.csv', `${jh}JC-1;JC-AN;28/06/2022;10:00;11:00;P01;Padova\n`);
    ok(['importa', 'jc.csv']);
    const states = () => Object.fromEntries(ok(['attivita', 'elenco', 'JC-1', '--json']).json().map((a: { servizio: string; stato: string }) => [a.servizio, a.stato]));
    expect(states()).toMatchObject({ 'JC-AN': 'INIZIATA', 'JC-DE': 'PROPOSTA' });
    expect(query(d.db, "SELECT azione, operatore, prima, dopo FROM storia WHERE entita = 'attivita' AND azione = 'inizia'")).toEqual([
      { azione: 'inizia', operatore: 'test', prima: '{"stato":"PROPOSTA"}', dopo: '{"stato":"INIZIATA","origine":"importa"}' },
    ]);
    ok(['attivita', 'concludi', 'JC-1', 'JC-AN']);
    // The same file again: already present, not a conflict.
    expect(ok(['importa', 'jc.csv', '--json']).json().import.totale).toEqual({ importate: 0, presenti: 1, aggiornate: 0 });
    // A new delivery, or a change to the one there, of the concluded activity: refused, nothing changes.
    d.write('jc2.csv', `${jh}JC-1;JC-AN;30/06/2022;10:00;11:00;P01;Padova\nJC-1;JC-AN;28/06/2022;10:00;11:30;P01;Padova\nJC-1;JC-DE;30/06/2022;14:00;15:00;P01;Padova\n`);
    const before = dump(d.db);
    for (const cmd of ['importa', 'verifica']) {
      const r = d.run([cmd, 'jc2.csv', '--json'], env);
      expect(r.status).toBe(1);
      const found = r.json().diagnostics.map((x: { line: number; rule: string; message: string }) => `${x.line} ${x.rule} ${x.message}`);
      expect(found).toEqual([
        "2 import/conflict l'attività JC-AN della dote JC-1 è TERMINATA: non si aggiungono né cambiano erogazioni",
        "3 import/conflict l'attività JC-AN della dote JC-1 è TERMINATA: non si aggiungono né cambiano erogazioni",
      ]);
    }
    expect(dump(d.db)).toEqual(before);
  });

  it('a changed row updates its delivery, with history; in a liquidation request it is refused', () => {
    const d = setup();
    d.write('calendario.csv', CAL);
    d.ok(['importa', 'calendario.csv']);
    d.write('calendario.csv', CAL.replace('CR-1;QD2;03/03/2022;09:00;10:00', 'CR-1;QD2;03/03/2022;09:00;10:30'));
    const r = d.run(['importa', 'calendario.csv', '--json']);
    expect(r.status).toBe(0);
    expect(r.json().import.totale).toEqual({ importate: 0, presenti: 1, aggiornate: 1 });
    expect(query(d.db, "SELECT fine FROM erogazione WHERE servizio = 'QD2'")).toEqual([{ fine: 630 }]);
    const h = query<{ prima: string; dopo: string }>(d.db, "SELECT prima, dopo FROM storia WHERE azione = 'modificata da importa'");
    expect(JSON.parse(h[0]!.prima).fine).toBe('10:00');
    expect(JSON.parse(h[0]!.dopo).fine).toBe('10:30');

    // Lock the deliveries as a liquidation request does.
    const liq = sql<{ id: number }>(d.db, "INSERT INTO liquidazione (dote_id, data, creata_il) VALUES ('CR-1', '2022-03-09', 'x') RETURNING id")[0]!.id;
    sql(d.db, 'UPDATE erogazione SET liquidazione_id = ?', liq);
    d.write('calendario.csv', CAL.replace('CR-1;QD2;03/03/2022;09:00;10:00', 'CR-1;QD2;03/03/2022;09:00;11:00'));
    const before = dump(d.db);
    const locked = d.run(['importa', 'calendario.csv']);
    expect(locked.status).toBe(1);
    expect(locked.stdout).toMatch(/calendario\.csv:3: errore import\/conflict: l'erogazione \d+ del 03\/03\/2022 alle 09:00 è già in una richiesta di liquidazione .*fine 10:30 nel database, 11:00 nel file/);
    expect(dump(d.db)).toEqual(before);
  });

  it("a changed timesheet row of a dote in a liquidation request is refused like its calendar row", () => {
    const d = setup();
    d.write('timesheet-p01.csv', TS);
    d.ok(['importa', 'timesheet-p01.csv']);
    sql(d.db, "INSERT INTO liquidazione (dote_id, data, creata_il) VALUES ('CR-1', '2022-03-09', 'x')");
    // The same file: already present, fine. A changed end: refused, nothing changes.
    expect(d.run(['importa', 'timesheet-p01.csv', '--json']).json().import.totale).toEqual({ importate: 0, presenti: 2, aggiornate: 0 });
    d.write('timesheet-p01.csv', TS.replace('CR-1;QD2;03/03/2022;09:00;10:00', 'CR-1;QD2;03/03/2022;09:00;10:30'));
    const before = dump(d.db);
    const r = d.run(['importa', 'timesheet-p01.csv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/timesheet-p01\.csv:3: errore import\/conflict: la riga di timesheet del 03\/03\/2022 alle 09:00 è della dote CR-1, già in una richiesta di liquidazione: non si può cambiare \(fine 10:00 nel database, 10:30 nel file\)/);
    expect(dump(d.db)).toEqual(before);
  });

  it('a row written twice in one call is one delivery', () => {
    const d = setup();
    const row = 'CR-1;QD1;02/03/2022;09:00;10:00;P01;Cremona;accoglienza\n';
    d.write('calendario.csv', H + row + row.replace('QD1', 'QD2').replace('09:00;10:00', '10:00;11:00') + row);
    const r = d.run(['importa', 'calendario.csv', '--json']);
    expect(r.status).toBe(1); // the professional is twice at the same time: timesheet/overlap
    const g = 'CR-1;QT6;02/03/2022;14:00;15:00;P01;Cremona;gruppo\n';
    d.write('gruppo.csv', 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;descrizione;gruppo\n' + [g, g].map((x) => x.replace('\n', ';collettiva\n')).join(''));
    const r2 = d.run(['importa', 'gruppo.csv', '--json']);
    expect(r2.status).toBe(0);
    expect(r2.json().import.totale).toEqual({ importate: 1, presenti: 1, aggiornate: 0 });
    expect(query(d.db, "SELECT count(*) AS n FROM erogazione WHERE servizio = 'QT6'")).toEqual([{ n: 1 }]);
  });

  it('the same key twice in one call: identical is one delivery; other hours are an overlap; a later file updates (calendar and timesheet), with history', () => {
    const d = setup();
    const g = (fine: string, desc: string) => `CR-1;QT6;02/03/2022;14:00;${fine};P01;Cremona;${desc};collettiva\n`;
    const head = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;descrizione;gruppo\n';
    // Two group sessions of P01 starting together but ending apart are two slots at once.
    d.write('doppio.csv', head + g('15:00', 'gruppo') + g('15:30', 'gruppo lungo'));
    const before = dump(d.db);
    const bad = d.run(['importa', 'doppio.csv', '--json']);
    expect(bad.status).toBe(1);
    const errors = bad.json().diagnostics.filter((x: { severity: string }) => x.severity === 'error');
    expect(errors.map((x: { line: number; rule: string }) => `${x.line} ${x.rule}`)).toEqual(['3 timesheet/overlap']);
    expect(dump(d.db)).toEqual(before);
    d.write('cal.csv', head + g('15:00', 'gruppo') + g('15:00', 'gruppo'));
    d.write('cal2.csv', head + g('15:30', 'gruppo lungo'));
    const tsHead = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;gruppo\n';
    d.write('timesheet-p01.csv', tsHead + 'CR-1;QT6;02/03/2022;14:00;15:00;P01;collettiva\n');
    d.write('timesheet2-p01.csv', tsHead + 'CR-1;QT6;02/03/2022;14:00;15:30;P01;collettiva\n');
    // Apart: in one call a calendar row would have no timesheet row to match.
    for (const [file, totale] of [
      ['cal.csv', { importate: 1, presenti: 1, aggiornate: 0 }],
      ['cal2.csv', { importate: 0, presenti: 0, aggiornate: 1 }],
      ['timesheet-p01.csv', { importate: 1, presenti: 0, aggiornate: 0 }],
      ['timesheet2-p01.csv', { importate: 0, presenti: 0, aggiornate: 1 }],
    ] as const) {
      const r = d.run(['importa', file, '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.json().import.totale).toEqual(totale);
    }
    expect(query(d.db, "SELECT fine, descrizione, riga FROM erogazione WHERE servizio = 'QT6'")).toEqual([{ fine: 930, descrizione: 'gruppo lungo', riga: 2 }]);
    // The group session's key as `erogazione aggiungi --collettiva` makes it (from the first row's hours).
    expect(query(d.db, "SELECT sessione FROM erogazione WHERE servizio = 'QT6'")).toEqual([{ sessione: 'S-2022-03-02-14:00-15:00-QT6-P01' }]);
    expect(query(d.db, "SELECT fine, riga FROM timesheet_riga WHERE servizio = 'QT6'")).toEqual([{ fine: 930, riga: 2 }]);
    const h = query<{ azione: string; entita: string }>(d.db, "SELECT azione, entita FROM storia WHERE dote_id = 'CR-1' AND operatore = 'test' AND azione LIKE '%importa%' ORDER BY id");
    expect(h.map((x) => `${x.entita}: ${x.azione}`)).toEqual([
      'erogazione: importate 1 erogazione (EROGATA)',
      'erogazione: modificata da importa',
      'timesheet: importate 1 riga di timesheet',
      'timesheet: modificata da importa',
    ]);
  });

  it('a database locked by another writer: clear message, nothing imported', { timeout: 20_000 }, () => {
    const d = setup();
    d.write('calendario.csv', CAL);
    const before = dump(d.db);
    const release = holdWriteLock(d.db);
    try {
      const r = d.run(['importa', 'calendario.csv']); // waits for the busy timeout (5 s), then gives up
      expect(r.status).not.toBe(0);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/importazione non riuscita, nessuna riga importata: il database è in uso da un altro processo/);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    } finally {
      release();
    }
    expect(dump(d.db)).toEqual(before);
  });

  it('rows out of date order, with a repeat: counted once, the others imported', () => {
    const d = setup();
    const row = (day: number, h: string) => `CR-1;QF0;${String(day).padStart(2, '0')}/03/2022;${h}:00;${h}:30;P01;Cremona;collettiva`;
    // Days 10, 2, 20, 5 (out of order), then day 5 again (a repeat), then 25 and 15.
    const rows = [row(10, '09'), row(2, '09'), row(20, '09'), row(5, '09'), row(5, '09'), row(25, '09'), row(15, '10')];
    d.write('cal.csv', ['id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;gruppo', ...rows].join('\n') + '\n');
    const r = d.run(['importa', 'cal.csv', '--json'], { DOTE_OGGI: '2022-04-30', DOTE_OPERATORE: 'test' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.json().import.totale).toEqual({ importate: 6, presenti: 1, aggiornate: 0 });
    expect(query(d.db, 'SELECT data FROM erogazione ORDER BY data, inizio').map((x: any) => x.data)).toEqual(['2022-03-02', '2022-03-05', '2022-03-10', '2022-03-15', '2022-03-20', '2022-03-25']);
  });

  it('rows the key filter is unsure about are settled by the writer: exact counts, rows and history', () => {
    const d = setup();
    // 120 deliveries on 30 days, each with its timesheet row; a 64-bit filter says "maybe" for
    // nearly all of them after the first few, so the writer looks each one up and inserts it.
    const days = Array.from({ length: 30 }, (_, i) => `${String((i % 28) + 1).padStart(2, '0')}/0${3 + Math.floor(i / 28)}/2022`);
    const cal = ['id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;gruppo'];
    const ts = ['id_dote;servizio;data;ora_inizio;ora_fine;professionista;gruppo'];
    for (const day of days) {
      for (const h of ['09', '10', '11', '12']) {
        cal.push(`CR-1;QF0;${day};${h}:00;${h}:30;P01;Cremona;collettiva`);
        ts.push(`CR-1;QF0;${day};${h}:00;${h}:30;P01;collettiva`);
      }
    }
    d.write('cal.csv', cal.join('\n') + '\n');
    d.write('timesheet-p01.csv', ts.join('\n') + '\n');
    const env = { DOTE_OGGI: '2022-04-30', DOTE_OPERATORE: 'test', DOTE_TEST_BLOOM_BITS: '64' };
    const r = d.run(['importa', 'cal.csv', 'timesheet-p01.csv', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json().import.files.map((f: any) => [f.importate, f.presenti, f.aggiornate])).toEqual([
      [120, 0, 0],
      [120, 0, 0],
    ]);
    expect(query(d.db, "SELECT count(*) AS n, sum(fine - inizio) AS m FROM erogazione WHERE servizio = 'QF0'")).toEqual([{ n: 120, m: 3600 }]);
    expect(query(d.db, "SELECT count(*) AS n FROM timesheet_riga WHERE servizio = 'QF0'")).toEqual([{ n: 120 }]);
    const h = query<{ azione: string; dopo: string }>(d.db, "SELECT azione, dopo FROM storia WHERE dote_id = 'CR-1' AND azione LIKE 'importate%'");
    expect(h.map((x) => x.azione)).toEqual(['importate 120 erogazioni (EROGATA) e 120 righe di timesheet']);
    expect(JSON.parse(h[0]!.dopo)).toMatchObject({ erogazioni: 120, minutiErogazioni: 3600, righeTimesheet: 120, minutiTimesheet: 3600, dal: '2022-03-01', al: '2022-04-02' });
    // Again, with the same tiny filter: everything is already there.
    const again = d.run(['importa', 'cal.csv', 'timesheet-p01.csv', '--json'], env);
    expect(again.json().import.totale).toEqual({ importate: 0, presenti: 240, aggiornate: 0 });
  });
});
