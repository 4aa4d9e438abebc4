/**
 * Issue 13: a timesheet named like a calendar (`ore-rossi-marzo.csv`) was read as a calendar and
 * silently overwrote recorded deliveries. Now the file gets a warning naming --timesheet, importa
 * refuses it under --strict, every field an update changes is listed (text, --json, --prova), and
 * the history entry of the update has the row's previous file and line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dumpDb, type RunResult } from '../helpers.js';
import { CF1, cremona, setup as registry } from './erogazione-setup.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const CAL =
  'id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;descrizione\n' +
  'CR-1;QD1;02/03/2022;09:00;10:00;Mario Rossi;Cremona;Accoglienza e presa in carico\n' +
  'CR-1;QD2;03/03/2022;09:00;10:00;P01;Cremona;colloquio\n';
// A timesheet: one professional, no sede, modalita or registrata_il.
const ORE = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;descrizione\nCR-1;QD1;02/03/2022;09:00;10:00;P01;Accoglienza\nCR-1;QD2;03/03/2022;09:00;10:00;P01;colloquio\n';

/** The registry of the delivery tests (sede Cremona, P01 Mario Rossi), dote CR-1 and a calendar imported. */
function setup() {
  const d = registry();
  cleanups.push(d.cleanup);
  cremona(d, 'CR-1', CF1);
  const env = { DOTE_OGGI: '2022-03-10', DOTE_OPERATORE: 'test' };
  const run = (args: string[], more: Record<string, string> = {}): RunResult => d.run(args, { ...env, ...more });
  const ok = (args: string[], more: Record<string, string> = {}): RunResult => {
    const r = run(args, more);
    if (r.status !== 0) throw new Error(`dote ${args.join(' ')}: ${r.stderr}`);
    return r;
  };
  writeFileSync(path.join(d.dir, 'calendario-marzo.csv'), CAL);
  writeFileSync(path.join(d.dir, 'ore-rossi-marzo.csv'), ORE);
  ok(['importa', 'calendario-marzo.csv']);
  return { ...d, run, ok };
}

describe('a file whose kind comes from its name and looks like the other kind', () => {
  const warning = 'ore-rossi-marzo.csv:1: avviso csv/header: sembra un timesheet (un solo professionista, P01';

  it('verifica and importa warn, naming --timesheet and --calendario', () => {
    const s = setup();
    for (const cmd of ['verifica', 'importa']) {
      const r = s.run([cmd, 'ore-rossi-marzo.csv', ...(cmd === 'importa' ? ['--prova'] : [])]);
      expect(r.status, cmd).toBe(0);
      expect(r.stdout, cmd).toContain(warning);
      expect(r.stdout, cmd).toContain('usa --timesheet ore-rossi-marzo.csv, se è un calendario --calendario ore-rossi-marzo.csv');
    }
  });

  it('importa --strict refuses it and changes nothing; with --timesheet there is no warning', () => {
    const s = setup();
    const before = dumpDb(s.db);
    const r = s.run(['importa', 'ore-rossi-marzo.csv', '--strict']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(warning);
    expect(r.stdout).toContain("Nessuna riga importata: con --strict anche gli avvisi fermano l'importazione.");
    expect(dumpDb(s.db)).toEqual(before);
    const t = s.run(['verifica', '--timesheet', 'ore-rossi-marzo.csv']);
    expect(t.stdout).not.toContain('csv/header');
  });

  it('a file named as a timesheet with calendar-only columns gets the warning the other way', () => {
    const s = setup();
    writeFileSync(path.join(s.dir, 'timesheet-marzo.csv'), CAL);
    const r = s.run(['--json', 'verifica', 'timesheet-marzo.csv']);
    const j = JSON.parse(r.stdout);
    expect(j.diagnostics.filter((d: { rule: string }) => d.rule === 'csv/header')).toEqual([
      expect.objectContaining({ line: 1, severity: 'warning', message: expect.stringContaining('sembra un calendario (ha la colonna sede') }),
    ]);
    // A real calendar (with a sede column) named as one has no such warning.
    expect(s.run(['verifica', 'calendario-marzo.csv']).stdout).not.toContain('csv/header');
  });
});

describe('importa lists what an update changes', () => {
  it('text: file:line, field, recorded value → the file\'s, and how many fields', () => {
    const s = setup();
    const r = s.run(['importa', 'ore-rossi-marzo.csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cambiato 1 campo di righe già registrate');
    expect(r.stdout).toContain('ore-rossi-marzo.csv:2: erogazione 1 della dote CR-1: descrizione: Accoglienza e presa in carico → Accoglienza');
  });

  it('--prova lists the same and changes nothing', () => {
    const s = setup();
    const before = dumpDb(s.db);
    const r = s.run(['importa', 'ore-rossi-marzo.csv', '--prova']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cambierebbe 1 campo');
    expect(r.stdout).toContain('ore-rossi-marzo.csv:2: erogazione 1 della dote CR-1: descrizione: Accoglienza e presa in carico → Accoglienza');
    expect(dumpDb(s.db)).toEqual(before);
  });

  it('--json has each change with its raw values', () => {
    const s = setup();
    const r = s.run(['--json', 'importa', 'ore-rossi-marzo.csv', '--prova']);
    const j = JSON.parse(r.stdout);
    expect(j.import.aggiornamenti).toEqual([
      { file: 'ore-rossi-marzo.csv', riga: 2, doteId: 'CR-1', entita: 'erogazione', entitaId: 1, campo: 'descrizione', prima: 'Accoglienza e presa in carico', dopo: 'Accoglienza' },
    ]);
  });

  it('a sede, an end time and the group are shown as people read them', () => {
    const s = setup();
    s.ok(['sede', 'aggiungi', 'Crema', '--comune', 'Crema', '--patrono', '15/02']);
    const changed = CAL.replace('Mario Rossi;Cremona;Accoglienza e presa in carico', 'Mario Rossi;Crema;Accoglienza e presa in carico').replace('10:00;P01;Cremona', '10:30;P01;Cremona');
    writeFileSync(path.join(s.dir, 'calendario-corretto.csv'), changed);
    const r = s.run(['importa', 'calendario-corretto.csv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cambiati 2 campi');
    expect(r.stdout).toContain('calendario-corretto.csv:2: erogazione 1 della dote CR-1: sede: Cremona → Crema');
    expect(r.stdout).toContain('calendario-corretto.csv:3: erogazione 2 della dote CR-1: ora di fine: 10:00 → 10:30');
    expect(r.stdout).not.toMatch(/sede_id|: [0-9]+ → [0-9]+$/m);
  });
});

describe('the history of an update', () => {
  it('has the row\'s previous file and line, and the complete before and after', () => {
    const s = setup();
    s.ok(['importa', 'ore-rossi-marzo.csv']);
    const j = JSON.parse(s.ok(['--json', 'storia', 'CR-1']).stdout);
    const upd = j.voci.filter((v: { azione: string }) => v.azione === 'modificata da importa');
    expect(upd).toHaveLength(1);
    expect(upd[0].prima).toMatchObject({ file: 'calendario-marzo.csv', riga: 2, descrizione: 'Accoglienza e presa in carico', fine: '10:00' });
    expect(upd[0].dopo).toMatchObject({ file: 'ore-rossi-marzo.csv', riga: 2, descrizione: 'Accoglienza', fine: '10:00' });
    expect(Object.keys(upd[0].prima).sort()).toEqual(Object.keys(upd[0].dopo).sort());
    const text = s.ok(['storia', 'CR-1']).stdout;
    expect(text).toContain('file: calendario-marzo.csv → ore-rossi-marzo.csv');
    expect(text).not.toContain('file: — →');
  });
});
