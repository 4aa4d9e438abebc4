/**
 * A person's data: `destinatario esporta` gives everything held about them; `destinatario
 * anonimizza` refuses while the data must be kept (retention not set, a dote open or not yet
 * claimed, the period not over) and afterwards removes identity everywhere, the history too,
 * keeping hours, counts and amounts. On the Cremona dote of the liquidation tests, claimed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { dote, dumpDb, sql, withDb } from '../helpers.js';
import { cremonaProntaPerLiquidazione } from './liquidazione-setup.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const CF = 'RSSMRA80A01D150J';
const IDENTITY = [CF, 'Mario', 'Rossi', 'mario.rossi@example.it', '0372 123456', 'Via Po 3', '1980-01-01'];

/** The claimed dote, with the person's contacts and a measure whose note names them. */
function claimed() {
  const p = cremonaProntaPerLiquidazione((c) => cleanups.push(c));
  p.ok(['destinatario', 'modifica', CF, '--email', 'mario.rossi@example.it', '--telefono', '0372 123456', '--residenza', 'Via Po 3, Cremona']);
  p.ok(['destinatario', 'misura', CF, '--tipo', 'DUL', '--dal', '2019-01-15', '--al', '2019-06-30', '--note', 'Mario Rossi, segnalato dal CPI']);
  return p;
}

/** What inspectors need: hours, states, amounts, counts. */
function numbers(db: string) {
  return {
    erogazioni: sql(db, 'SELECT id, dote_id, servizio, data, inizio, fine, stato, professionista_id FROM erogazione ORDER BY id'),
    timesheet: sql(db, 'SELECT dote_id, servizio, data, inizio, fine FROM timesheet_riga ORDER BY id'),
    pip: sql(db, 'SELECT * FROM pip_voce ORDER BY rowid'),
    doti: sql(db, 'SELECT id, stato, fascia, data_attivazione, data_conclusione FROM dote'),
    liquidazione: sql(db, 'SELECT data, importo_cent FROM liquidazione'),
    contratti: sql(db, 'SELECT tipo, dal, al, minuti_settimanali, minuti_ccnl FROM contratto ORDER BY id'),
    flags: sql(db, 'SELECT disabilita, l68, did FROM destinatario'),
    storia: sql<{ n: number }>(db, 'SELECT count(*) AS n FROM storia')[0]!.n,
  };
}

describe('destinatario esporta', () => {
  it('gives every row held about the person, to stdout or to an owner-only file', () => {
    const p = claimed();
    p.ok(['liquidazione', 'prepara', 'CR-A', '-o', path.join(p.t.dir, 'pacchetto-rossi'), '--bollo', '01234567890123']);
    const v = p.ok(['destinatario', 'esporta', CF]).json();
    expect(v.destinatario).toMatchObject({ cf: CF, nome: 'Mario', cognome: 'Rossi', email: 'mario.rossi@example.it', data_nascita: '1980-01-01' });
    expect(v.esportatoIl).toBe('2021-04-20');
    expect(v.misureEsterne).toEqual([expect.objectContaining({ tipo: 'DUL', note: 'Mario Rossi, segnalato dal CPI' })]);
    expect(v.doti.map((d: { id: string }) => d.id)).toEqual(['CR-A']);
    const count = (table: string) => sql<{ n: number }>(p.t.db, `SELECT count(*) AS n FROM ${table}`)[0]!.n;
    expect(v.erogazioni).toHaveLength(count('erogazione'));
    expect(v.erogazioni[0].file).toMatch(/cal\.csv$/);
    expect(v.timesheet).toHaveLength(count('timesheet_riga'));
    expect(v.pipVoci).toHaveLength(count('pip_voce'));
    expect(v.contratti).toHaveLength(2);
    expect(v.output).toHaveLength(2);
    expect(v.liquidazioni).toEqual([expect.objectContaining({ dote_id: 'CR-A', importo_cent: 299400 })]);
    expect(v.fileLiquidazioni).toHaveLength(count('liquidazione_file'));
    // The entries of their doti, and their own in the registry history (not the ente's or the professionals').
    const suaStoria = sql<{ n: number }>(p.t.db, "SELECT count(*) AS n FROM storia WHERE dote_id <> '' OR entita IN ('destinatario', 'misura')")[0]!.n;
    expect(v.storia).toHaveLength(suaStoria);
    expect(v.storia.filter((h: { dote_id: string }) => h.dote_id === '').map((h: { entita: string; azione: string }) => `${h.entita} ${h.azione}`)).toEqual(expect.arrayContaining(['destinatario aggiungi', 'misura aggiungi']));
    expect(v.storia.find((h: { azione: string }) => h.azione === 'prepara').dopo).toMatchObject({ importoCent: 299400 });

    const r = dote(['destinatario', 'esporta', CF, '-o', 'rossi.json', '--db', p.t.db], { cwd: p.t.dir, env: { DOTE_OGGI: '2021-04-20' }, umask: 0 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Dati di RSSMRA80A01D150J esportati in rossi\.json: 1 dote, \d+ erogazioni, \d+ voci di storico\.\n$/);
    const file = path.join(p.t.dir, 'rossi.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(v);
  });

  it('refuses an unknown person (exit 1)', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    const r = d.run(['destinatario', 'esporta', CF]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^dote: destinatario non trovato: nessuno con codice fiscale RSSMRA80A01D150J\n/);
  });
});

describe('destinatario anonimizza', () => {
  it('refuses until the retention is set, the dote claimed and the period over; then removes identity everywhere, numbers kept', () => {
    const p = claimed();
    const at = (oggi: string) => p.run(['destinatario', 'anonimizza', CF], oggi);
    const unchanged = dumpDb(p.t.db);

    const notSet = at('2021-04-20');
    expect(notSet.status).toBe(1);
    expect(notSet.stderr).toBe(
      "dote: periodo di conservazione dei dati non impostato: non anonimizzo nessuno finché l'ente non lo stabilisce\n" +
        'suggerimento: impostalo con "dote ente imposta --conservazione-anni N" (gli anni dalla fine dell\'ultima dote)\n',
    );
    p.ok(['ente', 'imposta', '--conservazione-anni', '10']);
    const setUp = dumpDb(p.t.db);

    const unclaimed = at('2040-01-01');
    expect(unclaimed.status).toBe(1);
    expect(unclaimed.stderr).toBe(
      'dote: RSSMRA80A01D150J: la dote CR-A è conclusa ma non ancora liquidata; i dati servono alla domanda di liquidazione\nsuggerimento: dote liquidazione prepara CR-A -o CARTELLA\n',
    );
    p.ok(['liquidazione', 'prepara', 'CR-A', '-o', path.join(p.t.dir, 'pacchetto-rossi'), '--bollo', '01234567890123']);
    const early = at('2031-04-19');
    expect(early.status).toBe(1);
    expect(early.stderr).toBe(
      "dote: RSSMRA80A01D150J: i dati vanno ancora conservati, si potranno anonimizzare dal 20/04/2031 (10 anni dalla fine dell'ultima dote, CR-A, il 20/04/2021)\n",
    );
    expect(dumpDb(p.t.db, ['destinatario', 'misura_esterna', 'erogazione', 'storia']).destinatario).toEqual(setUp.destinatario);
    expect(unchanged.destinatario).toEqual(setUp.destinatario);

    const before = numbers(p.t.db);
    const done = at('2031-04-20');
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    const id = (sql<{ id: number }>(p.t.db, 'SELECT id FROM destinatario')[0]!).id;
    expect(done.stdout).toBe(`Destinatario anonimizzato: ora è ANON-${id} (1 dote, fine dell'ultima il 20/04/2021; conservazione 10 anni).\n`);

    // No trace of the person in any table, history snapshots included.
    const all = JSON.stringify(dumpDb(p.t.db));
    for (const value of IDENTITY) expect(all, value).not.toContain(value);
    expect(sql(p.t.db, 'SELECT cf, nome, cognome, sesso, data_nascita, email, telefono, residenza, anonimizzato_il FROM destinatario')).toEqual([
      { cf: `ANON-${id}`, nome: '(anonimizzato)', cognome: '(anonimizzato)', sesso: null, data_nascita: null, email: null, telefono: null, residenza: null, anonimizzato_il: '2031-04-20' },
    ]);
    expect(sql(p.t.db, 'SELECT note FROM misura_esterna')).toEqual([{ note: null }]);
    expect(sql(p.t.db, 'SELECT cartella FROM liquidazione')).toEqual([{ cartella: path.join(p.t.dir, `pacchetto-ANON-${id}`) }]);
    // What inspectors need is all there; the history has one entry more, the anonymisation.
    expect(numbers(p.t.db)).toEqual({ ...before, storia: before.storia + 1 });
    const last = sql<{ entita: string; azione: string; dopo: string }>(p.t.db, 'SELECT entita, azione, dopo FROM storia ORDER BY id DESC LIMIT 1')[0]!;
    expect(last).toMatchObject({ entita: 'destinatario', azione: 'anonimizza' });
    expect(JSON.parse(last.dopo)).toMatchObject({ destinatario: `ANON-${id}`, anonimizzatoIl: '2031-04-20', conservazioneAnni: 10, fineUltimaDote: '2021-04-20' });

    // The person is found by the pseudonym; a second time is refused.
    expect(p.run(['destinatario', 'mostra', `ANON-${id}`], '2031-04-20').status).toBe(0);
    expect(p.run(['storia', 'CR-A'], '2031-04-20').status).toBe(0);
    const again = p.run(['destinatario', 'anonimizza', `ANON-${id}`], '2031-04-21');
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`dote: ANON-${id}: già anonimizzato il 20/04/2031\n`);
  });

  it('refuses while a dote of the person is open, changing nothing', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    const ok = (args: string[]) => expect(d.run(args, { DOTE_OGGI: '2021-04-01' }).status).toBe(0);
    ok(['ente', 'imposta', '--nome', 'Cooperativa Esempio', '--conservazione-anni', '1']);
    ok(['destinatario', 'aggiungi', '--cf', CF, '--nome', 'Mario', '--cognome', 'Rossi', '--l68', '--did']);
    ok(['nuova', '--tipo', 'D1-INS', '--id', 'CR-A', '--destinatario', CF, '--fascia', '3', '--data', '2021-04-01']);
    const before = dumpDb(d.db);
    const r = d.run(['destinatario', 'anonimizza', CF], { DOTE_OGGI: '2030-01-01' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('dote: RSSMRA80A01D150J: la dote CR-A è ancora aperta (ATTIVA); i dati servono finché non è conclusa e liquidata\n');
    expect(dumpDb(d.db)).toEqual(before);
  });

  it('a person with no doti: the period runs from their registration', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    const run = (args: string[], oggi: string) => d.run(args, { DOTE_OGGI: oggi });
    expect(run(['ente', 'imposta', '--nome', 'Coop', '--conservazione-anni', '1'], '2022-03-10').status).toBe(0);
    expect(run(['destinatario', 'aggiungi', '--cf', CF, '--nome', 'Mario', '--cognome', 'Rossi'], '2022-03-10').status).toBe(0);
    const early = run(['destinatario', 'anonimizza', CF], '2023-03-09');
    expect(early.status).toBe(1);
    expect(early.stderr).toBe('dote: RSSMRA80A01D150J: i dati vanno ancora conservati, si potranno anonimizzare dal 10/03/2023 (1 anno dalla registrazione, il 10/03/2022)\n');
    const done = run(['destinatario', 'anonimizza', CF], '2023-03-10');
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toBe('Destinatario anonimizzato: ora è ANON-1 (nessuna dote, registrato il 10/03/2022; conservazione 1 anno).\n');
    expect(sql(d.db, 'SELECT cf, data_nascita, anonimizzato_il FROM destinatario')).toEqual([{ cf: 'ANON-1', data_nascita: null, anonimizzato_il: '2023-03-10' }]);
  });

  it('ente imposta --conservazione-anni: shown, checked, cleared with ""', () => {
    const d = withDb();
    cleanups.push(d.cleanup);
    expect(d.run(['ente', 'imposta', '--nome', 'Coop', '--conservazione-anni', '10']).stdout).toContain("Conservazione dei dati:  10 anni dalla fine dell'ultima dote di ogni persona");
    expect(d.run(['ente', 'mostra', '--json']).json()).toMatchObject({ conservazioneAnni: 10 });
    const bad = d.run(['ente', 'imposta', '--conservazione-anni', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^dote: --conservazione-anni: "0" non valido \(un numero intero di anni, da 1 a 100\)\n/);
    expect(d.run(['ente', 'imposta', '--conservazione-anni', '']).status).toBe(0);
    expect(d.run(['ente', 'mostra', '--json']).json()).toMatchObject({ conservazioneAnni: null });
  });
});
