/**
 * The Cremona D1-INS dote of liquidazione.test.ts taken up to a claim that nothing blocks (on
 * 2021-04-20), made with the real commands: for the packet tests and the personal-data tests.
 */
import { expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { withDb } from '../helpers.js';

export const IBAN = 'IT60X0542811101000000123456';

/** The Cremona D1-INS dote of liquidazione.test.ts, up to a claim that nothing blocks (on 2021-04-20). */
export function cremonaProntaPerLiquidazione(onCleanup: (cleanup: () => void) => void) {
  const t = withDb();
  onCleanup(t.cleanup);
  const run = (args: string[], oggi = '2021-04-20') => t.run(args, { DOTE_OGGI: oggi, DOTE_OPERATORE: 'test' });
  const ok = (args: string[], oggi?: string) => {
    const r = run(args, oggi);
    expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r;
  };
  ok(['ente', 'imposta', '--nome', 'Cooperativa Esempio', '--codice', '1234', '--pec', 'coop@pec.it', '--iban', IBAN, '--rappresentante', 'Luigi Bianchi'], '2021-04-01');
  ok(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'], '2021-04-01');
  ok(['nuova', '--tipo', 'D1-INS', '--id', 'CR-A', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2021-04-01'], '2021-04-01');
  ok(['professionista', 'aggiungi', 'P1', '--nome', 'Anna Neri'], '2021-04-05');
  ok(['pip', 'imposta', 'CR-A', '--servizio', 'QD2=2', '--servizio', 'QT8=10', '--data', '2021-04-05'], '2021-04-05');
  const header = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\n';
  const rows = 'CR-A;QD2;06/04/2021;09:00;11:00;P1\nCR-A;QT8;07/04/2021;09:00;13:00;P1\n';
  writeFileSync(path.join(t.dir, 'cal.csv'), header + rows);
  writeFileSync(path.join(t.dir, 'ts.csv'), header + rows);
  ok(['importa', '--calendario', path.join(t.dir, 'cal.csv')], '2021-04-08');
  ok(['importa', '--timesheet', path.join(t.dir, 'ts.csv')], '2021-04-08');
  ok(['concludi', 'CR-A', '--data', '2021-04-08'], '2021-04-08');
  ok(['contratto', 'aggiungi', 'CR-A', '--tipo', 'tirocinio', '--dal', '2021-05-01', '--al', '2021-10-31', '--ore-settimanali', '30', '--ore-ccnl', '40', '--azienda', 'Rossi & C.']);
  ok(['contratto', 'aggiungi', 'CR-A', '--tipo', 'subordinato', '--dal', '2021-05-01', '--al', '2021-12-31', '--ore-settimanali', '37,5', '--ore-ccnl', '37,5', '--azienda', 'Bianchi srl']);
  ok(['output', 'aggiungi', 'CR-A', 'QD2']);
  ok(['output', 'aggiungi', 'CR-A', 'QT8']);
  return { t, run, ok, header };
}
