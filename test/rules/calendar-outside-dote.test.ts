import { describe, expect, it } from 'vitest';
import { calendarOutsideDote } from '../../src/rules/calendar-outside-dote.js';
import { at, doteInfo, row, runRows } from './delivery-rows.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { withDb } from '../helpers.js';

const rules = [calendarOutsideDote];
const day = (data: string, line: number) => row({ data, inizio: '09:00', fine: '10:00', doteId: 'JC-1', line });

describe('calendar/outside-dote', () => {
  it('allows the first and last day of the dote, reports the days outside', () => {
    const doti = [doteInfo({ id: 'JC-1', inizio: '2022-06-01', fine: '2022-06-30' })];
    const res = runRows(rules, [day('2022-05-31', 2), day('2022-06-01', 3), day('2022-06-30', 4), day('2022-07-01', 5)], { doti });
    expect(at(res)).toEqual(['calendario.csv:2 calendar/outside-dote', 'calendario.csv:5 calendar/outside-dote']);
    expect(res.findings[0]!.message).toBe("attività il 31/05/2022, prima dell'inizio della dote JC-1 (01/06/2022)");
    expect(res.findings[1]!.message).toBe('attività il 01/07/2022, dopo la fine della dote JC-1 (30/06/2022)');
  });

  it('reports a dote not started yet', () => {
    const res = runRows(rules, [day('2022-06-01', 2)], { doti: [doteInfo({ id: 'JC-1', inizio: null, fine: null, stato: 'PROPOSTA' })] });
    expect(at(res)).toEqual(['calendario.csv:2 calendar/outside-dote']);
  });

  it('is skipped, with its reason, without a database or for a dote the database does not know', () => {
    const noDb = runRows(rules, [day('2022-06-01', 2), day('2022-06-02', 3)]);
    expect(noDb.findings).toEqual([]);
    expect(noDb.skipped).toEqual([{ rule: 'calendar/outside-dote', reason: 'date della dote sconosciute: nessun database' }]);
    const unknown = runRows(rules, [day('2022-06-01', 2)], { hasDatabase: true });
    expect(unknown.skipped).toEqual([{ rule: 'calendar/outside-dote', reason: 'dote sconosciuta nel database' }]);
  });
});

describe('calendar/outside-dote with the database', () => {
  it('a dote concluded before its end date takes nothing after its conclusion (the database\'s view, not only the planned end)', () => {
    const t = withDb();
    try {
      const env = { DOTE_OGGI: '2021-07-10', DOTE_OPERATORE: 'test' };
      const ok = (args: string[]) => expect(t.run(args, env).status, args.join(' ')).toBe(0);
      ok(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did']);
      ok(['nuova', '--tipo', 'D1-INS', '--id', 'CR-A', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2021-04-01']);
      ok(['professionista', 'aggiungi', 'P1', '--nome', 'Anna Neri']);
      ok(['concludi', 'CR-A', '--data', '2021-06-30']);
      const csv = path.join(t.dir, 'calendario.csv');
      writeFileSync(csv, 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\nCR-A;QD2;30/06/2021;09:00;10:00;P1\nCR-A;QD2;05/07/2021;09:00;10:00;P1\n');
      const r = t.run(['verifica', csv, '--json'], env);
      const outside = JSON.parse(r.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'calendar/outside-dote');
      expect(outside).toEqual([expect.objectContaining({ line: 3, message: 'attività il 05/07/2021, dopo la conclusione della dote CR-A (30/06/2021)' })]);
    } finally {
      t.cleanup();
    }
  });
});
