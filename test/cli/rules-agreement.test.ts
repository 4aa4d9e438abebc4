/**
 * One rule, one implementation (issue "the house", point 1): the same candidate delivery put
 * through the interactive path (`erogazione aggiungi` then `programma`) and through the batch path
 * (`importa --prova` and `verifica` of a one-row calendar) gives the same (rule, severity)
 * findings, for every rule both paths apply. Each candidate also states the findings it must give,
 * so that two paths agreeing on nothing cannot pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyDb, dote, sql, tempDir, withDb, type RunResult } from '../helpers.js';

const OGGI = '2022-03-20';
const CF = 'RSSMRA80A01H501U';
const HEADER = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista;sede;modalita;gruppo;registrata_il;descrizione';

/** The rules a single delivery goes through on both paths. */
const SHARED_RULES = new Set([
  'time/order', 'time/window', 'time/daily-max', 'time/weekly-max', 'time/weekly-service-max',
  'calendar/holiday', 'calendar/outside-dote', 'calendar/late-entry', 'hours/service-cap',
  'service/not-in-dote', 'service/mode', 'service/repeat', 'timesheet/overlap', 'import/conflict',
]);

interface Candidate {
  name: string;
  dote: string;
  servizio: string;
  data: string;
  inizio: string;
  fine: string;
  modalita?: string;
  collettiva?: boolean;
  /** The (rule severity) findings both paths must give, sorted. */
  expected: string[];
}

// Base: dote CR-1 (D1-INS, fascia 3, from 01/03/2022) with a PIP varied to QT8 = 18 hours and
// 17 hours of QT8 delivered; dote CR-2 of another person, in a liquidation request.
const CANDIDATES: Candidate[] = [
  { name: 'a clean delivery', dote: 'CR-1', servizio: 'QD2', data: '2022-03-22', inizio: '09:00', fine: '10:00', expected: [] },
  { name: 'QT8 to 20,5 hours against a PIP of 18', dote: 'CR-1', servizio: 'QT8', data: '2022-03-22', inizio: '10:00', fine: '13:30', expected: ['hours/service-cap error'] },
  { name: 'QD1, a service of the type the PIP does not plan', dote: 'CR-1', servizio: 'QD1', data: '2022-03-23', inizio: '09:00', fine: '10:00', expected: ['hours/service-cap error'] },
  { name: 'a group delivery of a service without group hours', dote: 'CR-1', servizio: 'QD2', data: '2022-03-23', inizio: '11:00', fine: '12:00', collettiva: true, expected: ['hours/service-cap error'] },
  { name: 'on a Sunday', dote: 'CR-1', servizio: 'QD2', data: '2022-03-27', inizio: '09:00', fine: '10:00', expected: ['calendar/holiday warning'] },
  { name: 'before the dote started', dote: 'CR-1', servizio: 'QD2', data: '2022-02-25', inizio: '09:00', fine: '10:00', expected: ['calendar/late-entry warning', 'calendar/outside-dote error'] },
  { name: 'recorded 10 days late', dote: 'CR-1', servizio: 'QD2', data: '2022-03-10', inizio: '09:00', fine: '10:00', expected: ['calendar/late-entry warning'] },
  { name: 'a mode the service does not allow', dote: 'CR-1', servizio: 'QD2', data: '2022-03-24', inizio: '09:00', fine: '10:00', modalita: 'telefonica', expected: ['service/mode error'] },
  { name: 'a service not of the dote type', dote: 'CR-1', servizio: 'QTJ', data: '2022-03-24', inizio: '11:00', fine: '12:00', expected: ['service/not-in-dote error'] },
  { name: 'the professional busy with another delivery', dote: 'CR-1', servizio: 'QD2', data: '2022-03-21', inizio: '09:30', fine: '10:30', expected: ['timesheet/overlap error'] },
  { name: 'a dote in a liquidation request', dote: 'CR-2', servizio: 'QD2', data: '2022-03-25', inizio: '09:00', fine: '10:00', expected: ['import/conflict error'] },
];

let base: { dir: string; db: string; cleanup: () => void };

function must(r: RunResult, what: string): RunResult {
  if (r.status !== 0) throw new Error(`${what}: ${r.status}\n${r.stderr}`);
  return r;
}

beforeAll(() => {
  const d = withDb();
  base = d;
  const ok = (args: string[]) => must(d.run([...args, '--oggi', '2022-03-01']), args.join(' '));
  ok(['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--patrono', '13/11']);
  ok(['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi']);
  ok(['destinatario', 'aggiungi', '--cf', CF, '--nome', 'Mario', '--cognome', 'Rossi', '--l68', '--did']);
  ok(['destinatario', 'aggiungi', '--cf', 'VRDLGU85M01L736M', '--nome', 'Luigi', '--cognome', 'Verdi', '--l68', '--did']);
  ok(['nuova', '--tipo', 'D1-INS', '--destinatario', CF, '--id', 'CR-1', '--fascia', '3', '--data', '2022-03-01']);
  ok(['nuova', '--tipo', 'D1-INS', '--destinatario', 'VRDLGU85M01L736M', '--id', 'CR-2', '--fascia', '3', '--data', '2022-03-01']);
  ok(['pip', 'imposta', 'CR-1', '--servizio', 'QD2=2', '--servizio', 'QT8=30']);
  ok(['pip', 'imposta', 'CR-2', '--servizio', 'QD2=2']);
  // 17 hours of QT8 delivered, then the PIP varied down to 18 (no lower than what is delivered).
  const rows = [HEADER];
  const days = ['2022-03-02', '2022-03-03', '2022-03-04', '2022-03-07', '2022-03-08', '2022-03-09'];
  days.forEach((day, i) => rows.push(`CR-1;QT8;${day};09:00;${i < 5 ? '12:00' : '11:00'};P01;Cremona;presenza;individuale;${day};tutoring`));
  // The delivery the overlap candidate meets.
  rows.push('CR-1;QD2;2022-03-21;09:00;10:00;P01;Cremona;presenza;individuale;2022-03-18;colloquio');
  writeFileSync(path.join(d.dir, 'base.csv'), `${rows.join('\n')}\n`);
  must(d.run(['importa', 'base.csv', '--oggi', '2022-03-18']), 'importa base.csv');
  must(d.run(['pip', 'varia', 'CR-1', '--motivo', 'meno tirocinio', '--servizio', 'QD2=2', '--servizio', 'QT8=18', '--oggi', '2022-03-18']), 'pip varia');
  sql(d.db, "INSERT INTO liquidazione (dote_id, data, creata_il) VALUES ('CR-2', '2022-03-19', '2022-03-19T10:00:00Z')");
});

afterAll(() => base?.cleanup());

function csvRow(c: Candidate): string {
  return `${c.dote};${c.servizio};${c.data};${c.inizio};${c.fine};P01;Cremona;${c.modalita ?? 'presenza'};${c.collettiva ? 'collettiva' : 'individuale'};${OGGI};colloquio`;
}

function sortedFindings(list: readonly { rule?: string; regola?: string; severity?: string; severita?: string }[]): string[] {
  return list
    .map((f) => `${f.rule ?? f.regola} ${f.severity ?? f.severita}`)
    .filter((k) => SHARED_RULES.has(k.split(' ')[0]!))
    .sort();
}

/** A copy of the base database, for one candidate's interactive run. */
function copyOfBase(): { db: string; cleanup: () => void } {
  const t = tempDir();
  return { db: copyDb(base.db, path.join(t.dir, 'dote.db')), cleanup: t.cleanup };
}

function interactive(c: Candidate): string[] {
  const copy = copyOfBase();
  try {
    const run = (args: string[]) => dote([...args, '--db', copy.db, '--oggi', OGGI, '--json']);
    const add = run([
      'erogazione', 'aggiungi', c.dote, '--servizio', c.servizio, '--data', c.data, '--inizio', c.inizio, '--fine', c.fine,
      '--professionista', 'P01', '--sede', 'Cremona', '--modalita', c.modalita ?? 'presenza', ...(c.collettiva ? ['--collettiva'] : []),
    ]);
    if (add.status !== 0) return sortedFindings(add.json().errore.regole);
    const prog = run(['erogazione', 'programma', String(add.json().id)]);
    if (prog.status !== 0) return sortedFindings(prog.json().errore.regole);
    // This step's own warnings are on stderr (the record's `avvisi` keep those of every step).
    const warnings = [...prog.stderr.matchAll(/^avviso (\S+): /gm)].map((m) => ({ rule: m[1], severity: 'warning' }));
    return sortedFindings(warnings);
  } finally {
    copy.cleanup();
  }
}

function batch(c: Candidate, command: 'importa' | 'verifica'): string[] {
  const file = path.join(base.dir, `candidato-${command}.csv`);
  writeFileSync(file, `${HEADER}\n${csvRow(c)}\n`);
  const args = command === 'importa' ? ['importa', file, '--prova'] : ['verifica', file];
  const r = dote([...args, '--db', base.db, '--oggi', OGGI, '--json']);
  expect(r.status, r.stderr).toBe(c.expected.some((e) => e.endsWith(' error')) ? 1 : 0);
  const doc = r.json();
  const findings = doc.diagnostics as { rule: string; severity: string }[];
  if (!Array.isArray(findings)) throw new Error(`no findings list in ${JSON.stringify(doc).slice(0, 300)}`);
  return sortedFindings(findings);
}

describe('the same candidate through both paths', () => {
  for (const c of CANDIDATES) {
    it(`${c.name}: ${c.expected.join(', ') || 'no finding'}`, () => {
      const inter = interactive(c);
      const imp = batch(c, 'importa');
      const ver = batch(c, 'verifica');
      expect(inter).toEqual([...c.expected].sort());
      expect(imp).toEqual(inter);
      expect(ver).toEqual(imp);
    });
  }

  it('the refused import changed nothing, and mostra never shows negative hours left', () => {
    const m = must(dote(['mostra', 'CR-1', '--db', base.db, '--oggi', OGGI, '--json']), 'mostra').json();
    for (const s of m.servizi as { servizio: string; residuiMinuti: number }[]) expect(s.residuiMinuti, s.servizio).toBeGreaterThanOrEqual(0);
    expect(m.servizi.find((s: { servizio: string }) => s.servizio === 'QD1')).toBeUndefined();
  });

  it('without registrata_il, importa measures late entry from today and says so; verifica skips the rule', () => {
    const file = path.join(base.dir, 'senza-registrazione.csv');
    writeFileSync(file, 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\nCR-1;QD2;2022-03-10;09:00;10:00;P01\n');
    const imp = dote(['importa', file, '--prova', '--db', base.db, '--oggi', OGGI]);
    expect(imp.status).toBe(0);
    expect(imp.stdout).toMatch(/senza-registrazione\.csv:2: avviso calendar\/late-entry: /);
    expect(imp.stdout).toContain('senza-registrazione.csv: 1 riga senza data di registrazione (colonna registrata_il), registrata oggi (20/03/2022): il ritardo di inserimento (calendar/late-entry) si misura da oggi');
    const impJson = dote(['importa', file, '--prova', '--db', base.db, '--oggi', OGGI, '--json']).json();
    expect(impJson.files[0].registrateOggi).toBe(1);
    const ver = dote(['verifica', file, '--db', base.db, '--oggi', OGGI, '--json']).json();
    expect(ver.diagnostics).toEqual([]);
    expect(ver.skipped).toContainEqual({ rule: 'calendar/late-entry', reason: 'data di registrazione sconosciuta: colonna registrata_il assente o vuota' });
  });
});
