/**
 * Issue 12 point 11 and issue 13 point 3: every command that changes a dote leaves exactly one
 * history entry per change, with the operator, the time and the full before and after; the
 * commands are the registry's (src/commands/index.ts), so a new command must be put in one of
 * the lists below; `dote storia` reads as Italian text, `--json` keeps the raw values.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { COMMANDS } from '../../src/commands/index.js';
import { dumpDb, sql, withDb, type RunResult } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Commands that never change the database (checked below on a real one for those with a dote). */
const READ_ONLY = [
  'bandi', 'catalogo', 'regole', 'ente mostra', 'sede elenco', 'sede mostra', 'professionista elenco', 'professionista mostra',
  'destinatario elenco', 'destinatario mostra', 'elenco', 'mostra', 'scadenze', 'erogazione elenco', 'attivita elenco', 'storia',
  'verifica', 'contratto elenco', 'output elenco', 'liquidazione verifica', 'liquidazione impronte', 'liquidazione elenco',
  'liquidazione mostra', 'stampa pip', 'stampa registro', 'stampa variazione', 'stampa registro-formativo', 'stampa avvio-formazione',
  'stampa attestazione', 'stampa timesheet', 'modelli esporta', 'relazione', 'impresa mostra', 'backup', 'destinatario esporta',
  // Copies the file to a server; the file is only read (test/cli/postgres-migra.test.ts).
  'migra-a',
];
/** Creates the database: nothing to record yet. */
const SETUP = ['init'];

/** Each command that changes a dote, as run below in order, with the history entries it adds. */
type Step = { cmd: string; args: string[]; oggi: string; entries: number };
const CF = 'RSSMRA80A01D150J';
const CF2 = 'VRDLGU85M01L736M';
const CF3 = 'BNCNNA90A41H501T';
const CF4 = 'VRDLCU85M01D150R';
const STEPS: Step[] = [
  // The registry: its entries belong to no dote (`dote storia --anagrafica`).
  { cmd: 'ente imposta', args: ['ente', 'imposta', '--nome', 'Cooperativa Esempio'], oggi: '2022-03-01', entries: 1 },
  { cmd: 'ente imposta', args: ['ente', 'imposta', '--iban', 'IT60X0542811101000000123456'], oggi: '2022-03-01', entries: 1 },
  { cmd: 'sede aggiungi', args: ['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--patrono', '13/11'], oggi: '2022-03-01', entries: 1 },
  { cmd: 'professionista aggiungi', args: ['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi'], oggi: '2022-03-01', entries: 1 },
  ...([[CF, 'Mario', 'Rossi'], [CF2, 'Luigi', 'Verdi'], [CF3, 'Anna', 'Bianca']] as const).map(([cf, nome, cognome]) => ({
    cmd: 'destinatario aggiungi',
    args: ['destinatario', 'aggiungi', '--cf', cf, '--nome', nome, '--cognome', cognome, '--disabilita', 'fisica', '--l68', '--did'],
    oggi: '2022-03-01',
    entries: 1,
  })),
  { cmd: 'destinatario modifica', args: ['destinatario', 'modifica', CF, '--email', 'mario.rossi@example.it'], oggi: '2022-03-01', entries: 1 },
  { cmd: 'destinatario misura', args: ['destinatario', 'misura', CF, '--tipo', 'DUL', '--dal', '2021-01-15', '--al', '2021-06-30'], oggi: '2022-03-01', entries: 1 },
  { cmd: 'nuova', args: ['nuova', '--tipo', 'D1-INS', '--destinatario', CF, '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-1'], oggi: '2022-03-01', entries: 1 },
  { cmd: 'pip imposta', args: ['pip', 'imposta', 'CR-1', '--servizio', 'QD2=2', '--servizio', 'QT8=10', '--data', '2022-03-02'], oggi: '2022-03-02', entries: 1 },
  { cmd: 'pip invia', args: ['pip', 'invia', 'CR-1'], oggi: '2022-03-02', entries: 1 },
  { cmd: 'pip valida', args: ['pip', 'valida', 'CR-1'], oggi: '2022-03-02', entries: 1 },
  { cmd: 'pip varia', args: ['pip', 'varia', 'CR-1', '--servizio', 'QT8=8', '--motivo', 'meno ore', '--data', '2022-03-03'], oggi: '2022-03-03', entries: 1 },
  { cmd: 'erogazione aggiungi', args: ['erogazione', 'aggiungi', 'CR-1', '--servizio', 'QD2', '--data', '2022-03-07', '--inizio', '09:00', '--fine', '10:00', '--professionista', 'P01', '--sede', 'Cremona'], oggi: '2022-03-04', entries: 1 },
  { cmd: 'erogazione modifica', args: ['erogazione', 'modifica', '1', '--fine', '10:30'], oggi: '2022-03-04', entries: 1 },
  { cmd: 'erogazione programma', args: ['erogazione', 'programma', '1'], oggi: '2022-03-04', entries: 1 },
  { cmd: 'erogazione avvia', args: ['erogazione', 'avvia', '1'], oggi: '2022-03-07', entries: 1 },
  { cmd: 'erogazione concludi', args: ['erogazione', 'concludi', '1'], oggi: '2022-03-07', entries: 1 },
  { cmd: 'erogazione aggiungi', args: ['erogazione', 'aggiungi', 'CR-1', '--servizio', 'QT8', '--data', '2022-03-08', '--inizio', '09:00', '--fine', '10:00', '--professionista', 'P01'], oggi: '2022-03-07', entries: 1 },
  { cmd: 'erogazione annulla', args: ['erogazione', 'annulla', '2'], oggi: '2022-03-07', entries: 1 },
  { cmd: 'erogazione aggiungi', args: ['erogazione', 'aggiungi', 'CR-1', '--servizio', 'QT8', '--data', '2022-03-08', '--inizio', '11:00', '--fine', '12:00', '--professionista', 'P01'], oggi: '2022-03-07', entries: 1 },
  { cmd: 'erogazione programma', args: ['erogazione', 'programma', '3'], oggi: '2022-03-07', entries: 1 },
  { cmd: 'erogazione chiudi-negativamente', args: ['erogazione', 'chiudi-negativamente', '3'], oggi: '2022-03-08', entries: 1 },
  // A calendar row of a new delivery: one summary entry for the dote; a changed row: one entry more.
  { cmd: 'importa', args: ['importa', 'calendario.csv'], oggi: '2022-03-10', entries: 1 },
  { cmd: 'importa', args: ['importa', 'calendario-corretto.csv'], oggi: '2022-03-10', entries: 1 },
  { cmd: 'contratto aggiungi', args: ['contratto', 'aggiungi', 'CR-1', '--tipo', 'subordinato', '--dal', '2022-05-01', '--al', '2022-12-31', '--ore-settimanali', '37,5', '--ore-ccnl', '37,5', '--azienda', 'Bianchi srl'], oggi: '2022-04-20', entries: 1 },
  { cmd: 'contratto aggiungi', args: ['contratto', 'aggiungi', 'CR-1', '--tipo', 'tirocinio', '--dal', '2022-05-01', '--al', '2022-10-31', '--ore-settimanali', '30', '--ore-ccnl', '40', '--azienda', 'Rossi'], oggi: '2022-04-20', entries: 1 },
  { cmd: 'contratto rimuovi', args: ['contratto', 'rimuovi', 'CR-1', '2'], oggi: '2022-04-20', entries: 1 },
  { cmd: 'output aggiungi', args: ['output', 'aggiungi', 'CR-1', 'QD2'], oggi: '2022-04-20', entries: 1 },
  { cmd: 'concludi', args: ['concludi', 'CR-1', '--data', '2022-04-20'], oggi: '2022-04-20', entries: 1 },
  // Job Coach: a request (the dote and its five activities), admitted; another refused.
  { cmd: 'nuova', args: ['nuova', '--tipo', 'JC-BASE', '--destinatario', CF2, '--id', 'JC-1', '--data', '2022-06-20'], oggi: '2022-06-20', entries: 6 },
  { cmd: 'ammetti', args: ['ammetti', 'JC-1'], oggi: '2022-06-21', entries: 1 },
  { cmd: 'nuova', args: ['nuova', '--tipo', 'JC-BASE', '--destinatario', CF3, '--id', 'JC-2', '--data', '2022-06-20'], oggi: '2022-06-20', entries: 6 },
  { cmd: 'rifiuta', args: ['rifiuta', 'JC-2', '--motivo', 'requisiti mancanti'], oggi: '2022-06-21', entries: 1 },
  // The first delivery starts the activity (PROPOSTA → INIZIATA): two entries.
  { cmd: 'erogazione aggiungi', args: ['erogazione', 'aggiungi', 'JC-1', '--servizio', 'JC-AN', '--data', '2022-06-28', '--inizio', '10:00', '--fine', '12:00', '--professionista', 'P01'], oggi: '2022-06-27', entries: 1 },
  { cmd: 'erogazione programma', args: ['erogazione', 'programma', '5'], oggi: '2022-06-28', entries: 1 },
  { cmd: 'erogazione avvia', args: ['erogazione', 'avvia', '5'], oggi: '2022-06-28', entries: 2 },
  { cmd: 'erogazione concludi', args: ['erogazione', 'concludi', '5'], oggi: '2022-06-28', entries: 1 },
  { cmd: 'attivita concludi', args: ['attivita', 'concludi', 'JC-1', 'JC-AN'], oggi: '2022-06-30', entries: 1 },
  // A D1-IMP dote: its result is the business started, set and then corrected.
  { cmd: 'destinatario aggiungi', args: ['destinatario', 'aggiungi', '--cf', CF4, '--nome', 'Luca', '--cognome', 'Verdi', '--disabilita', 'fisica', '--l68', '--did'], oggi: '2022-03-01', entries: 1 },
  { cmd: 'nuova', args: ['nuova', '--tipo', 'D1-IMP', '--destinatario', CF4, '--fascia', '2', '--data', '2022-03-01', '--id', 'CR-2'], oggi: '2022-03-01', entries: 1 },
  { cmd: 'impresa imposta', args: ['impresa', 'imposta', 'CR-2', '--denominazione', 'Verdi Servizi', '--partita-iva', '01234567897', '--iscrizione', '2022-02-01'], oggi: '2022-04-01', entries: 1 },
  { cmd: 'impresa imposta', args: ['impresa', 'imposta', 'CR-2', '--denominazione', 'Verdi Servizi di Luca Verdi', '--partita-iva', '01234567897', '--iscrizione', '2022-03-15', '--rea', 'CR-1'], oggi: '2022-04-01', entries: 1 },
];
/** Changes a dote and records history, exercised by test/cli/liquidazione-prepara.test.ts (it needs a claim ready to send). */
const TESTED_ELSEWHERE = [
  'liquidazione prepara',
  // Its history entries (one per dote of the person, naming no removed value): test/cli/destinatario-dati.test.ts.
  'destinatario anonimizza',
  // Puts a whole database back (test/cli/backup.test.ts): the history is the restored one's.
  'ripristina',
];

function leaves(c: Command, prefix = ''): string[] {
  const name = prefix ? `${prefix} ${c.name()}` : c.name();
  return c.commands.length ? c.commands.flatMap((s) => leaves(s as Command, name)) : [name];
}

interface Row { id: number; dote_id: string; entita: string; azione: string; operatore: string; quando: string; prima: string | null; dopo: string | null }

function setup() {
  const d = withDb();
  cleanups.push(d.cleanup);
  const run = (args: string[], oggi = '2022-03-01'): RunResult => d.run(args, { DOTE_OGGI: oggi, DOTE_OPERATORE: 'giulia' });
  const ok = (args: string[], oggi?: string): RunResult => {
    const r = run(args, oggi);
    if (r.status !== 0) throw new Error(`dote ${args.join(' ')}: ${r.status}\n${r.stdout}${r.stderr}`);
    return r;
  };
  const cal = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;descrizione\nCR-1;QT8;09/03/2022;09:00;11:00;P01;Cremona;orientamento\n';
  writeFileSync(path.join(d.dir, 'calendario.csv'), cal);
  writeFileSync(path.join(d.dir, 'calendario-corretto.csv'), cal.replace('orientamento', 'orientamento al lavoro'));
  return { ...d, run, ok };
}

describe('the history is complete', () => {
  it('every command of the registry is listed: read-only, setup, or a change run below', async () => {
    const all = (await Promise.all(COMMANDS.map(async (e) => leaves((await e.load())())))).flat();
    const listed = [...READ_ONLY, ...SETUP, ...TESTED_ELSEWHERE, ...new Set(STEPS.map((s) => s.cmd))];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...all].sort()).toEqual([...listed].sort());
  });

  it('each change adds exactly its entries (a dote\'s or the registry\'s), with operator, time and the full before and after', () => {
    const s = setup();
    const started = Date.now();
    let seen = sql<Row>(s.db, 'SELECT * FROM storia ORDER BY id').length;
    for (const step of STEPS) {
      s.ok(step.args, step.oggi);
      const rows = sql<Row>(s.db, 'SELECT * FROM storia ORDER BY id');
      const added = rows.slice(seen);
      expect(added.length, step.args.join(' ')).toBe(step.entries);
      seen = rows.length;
      for (const h of added) {
        const what = `${step.args.join(' ')}: ${h.entita} ${h.azione}`;
        expect(h.operatore, what).toBe('giulia');
        expect(new Date(h.quando).toISOString(), what).toBe(h.quando);
        expect(Date.parse(h.quando), what).toBeGreaterThanOrEqual(started - 1000);
        expect(h.dopo, what).not.toBeNull();
        const dopo = JSON.parse(h.dopo!);
        // A registry change belongs to no dote (''); every other to its dote.
        if (/^(ente|sede|professionista|destinatario) /.test(step.cmd)) expect(h.dote_id, what).toBe('');
        else expect(h.dote_id, what).not.toBe('');
        if (h.prima !== null) {
          // An update: the same fields before and after, so each change reads "old → new"; only
          // what caused it (the delivery that started an activity, the import) is said after alone.
          const cause = new Set(['erogazione', 'origine']);
          expect(Object.keys(JSON.parse(h.prima)).sort(), what).toEqual(Object.keys(dopo).filter((k) => !cause.has(k)).sort());
        }
      }
    }
    // A refused change leaves no entry; a read-only command none either, and changes nothing.
    const before = dumpDb(s.db);
    expect(s.run(['erogazione', 'modifica', '1', '--fine', '11:00'], '2022-06-30').status).toBe(1);
    for (const args of [['storia', 'CR-1'], ['mostra', 'CR-1'], ['elenco'], ['erogazione', 'elenco', 'CR-1'], ['attivita', 'elenco', 'JC-1'], ['contratto', 'elenco', 'CR-1'], ['output', 'elenco', 'CR-1'], ['liquidazione', 'verifica', 'CR-1'], ['scadenze'], ['verifica', 'calendario.csv']]) {
      s.run(args, '2022-06-30');
    }
    expect(dumpDb(s.db)).toEqual(before);
  });

  it('no command edits or deletes history entries', async () => {
    const all = (await Promise.all(COMMANDS.map(async (e) => leaves((await e.load())())))).flat();
    expect(all.filter((c) => /storia/.test(c) && c !== 'storia')).toEqual([]);
  });
});

describe('dote storia reads as Italian text', () => {
  it('labels, names, Italian dates and times, hours and money; --json keeps the raw values', () => {
    const s = setup();
    for (const step of STEPS.slice(0, STEPS.findIndex((x) => x.cmd === 'concludi'))) s.ok(step.args, step.oggi);
    const text = s.ok(['storia', 'CR-1']).stdout;
    expect(text).toContain('destinatario: Rossi Mario (RSSMRA80A01D150J)');
    expect(text).toMatch(/creata il: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
    expect(text).toContain('servizi: QD2 (ore individuali 2 ore, ore collettive 0 ore), QT8 (ore individuali 10 ore, ore collettive 0 ore)');
    expect(text).toMatch(/valore: \d{1,3}(\.\d{3})*,\d{2} €/);
    expect(text).toContain('sede: Cremona');
    expect(text).toContain('ora di fine: 10:00 → 10:30');
    expect(text).toContain('descrizione: orientamento → orientamento al lavoro');
    expect(text).toContain('ore settimanali: 37 ore e 30 minuti');
    expect(text).not.toMatch(/_id|_il:|Cent|minuti[A-Z]|\d{4}-\d{2}-\d{2}|\[\{|\{"/);
    const j = JSON.parse(s.ok(['--json', 'storia', 'CR-1']).stdout);
    const nuova = j.voci.find((v: { azione: string }) => v.azione === 'nuova');
    expect(nuova.dopo).toMatchObject({ destinatario_id: 1 });
    expect(typeof nuova.dopo.creata_il).toBe('string');
    const pip = j.voci.find((v: { entita: string; azione: string }) => v.entita === 'pip' && v.azione === 'imposta');
    expect(typeof pip.dopo.valoreCent).toBe('number');
  });

  it('--anagrafica: the registry\'s changes, by name and in Italian', () => {
    const s = setup();
    for (const step of STEPS.filter((x) => /^(ente|sede|professionista|destinatario) /.test(x.cmd))) s.ok(step.args, step.oggi);
    const text = s.ok(['storia', '--anagrafica']).stdout;
    expect(text).toMatch(/^Storia delle anagrafiche/);
    expect(text).toMatch(/giulia  ente: modifica\n    IBAN: — → IT60X0542811101000000123456\n/);
    expect(text).toMatch(/giulia  sede Cremona: aggiungi\n    nome: Cremona\n    comune: Cremona\n    patrono: 13\/11\n/);
    expect(text).toMatch(/giulia  destinatario RSSMRA80A01D150J: modifica\n    e-mail: — → mario.rossi@example.it\n/);
    expect(text).toContain('iscritto L. 68/99: sì');
    expect(text).toContain('disabilità: fisica');
    expect(text).not.toMatch(/^ {4}id: \d+$/m);
    expect(text).toContain('10 voci.');
    const j = JSON.parse(s.ok(['--json', 'storia', '--anagrafica']).stdout);
    expect(j.dote).toBeNull();
    expect(j.voci.map((v: { entita: string; azione: string }) => `${v.entita} ${v.azione}`)).toEqual([
      'ente imposta', 'ente modifica', 'sede aggiungi', 'professionista aggiungi',
      'destinatario aggiungi', 'destinatario aggiungi', 'destinatario aggiungi', 'destinatario modifica', 'misura aggiungi', 'destinatario aggiungi',
    ]);
    expect(s.run(['storia']).status).toBe(2);
    expect(s.run(['storia', 'CR-1', '--anagrafica']).status).toBe(2);
  });
});
