/**
 * `dote contratto`, `dote output`, `dote liquidazione verifica` on a real database: a D1-INS dote
 * from the plan to a claim that nothing blocks, and a Job Coach voucher, with what blocks on the way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { sql, withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function cremona() {
  const t = withDb();
  cleanups.push(t.cleanup);
  const run = (args: string[], oggi = '2021-04-08') => t.run(args, { DOTE_OGGI: oggi, DOTE_OPERATORE: 'test' });
  const ok = (args: string[], oggi?: string) => {
    const r = run(args, oggi);
    expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r;
  };
  ok(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'], '2021-04-01');
  ok(['nuova', '--tipo', 'D1-INS', '--id', 'CR-A', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2021-04-01'], '2021-04-01');
  ok(['professionista', 'aggiungi', 'P1', '--nome', 'Anna Neri']);
  ok(['pip', 'imposta', 'CR-A', '--servizio', 'QD2=2', '--servizio', 'QT8=10', '--data', '2021-04-05'], '2021-04-05');
  const header = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\n';
  const rows = 'CR-A;QD2;06/04/2021;09:00;11:00;P1\nCR-A;QT8;07/04/2021;09:00;13:00;P1\n';
  writeFileSync(path.join(t.dir, 'cal.csv'), header + rows);
  writeFileSync(path.join(t.dir, 'ts.csv'), header + rows);
  return { t, run, ok };
}

describe('liquidazione verifica', () => {
  it('lists what blocks the claim with rule ids, exit 1; then nothing blocks, exit 0, with the amount line by line', () => {
    const { t, run, ok } = cremona();
    // Only the calendar: the dote is still active and the timesheet is missing.
    ok(['importa', '--calendario', path.join(t.dir, 'cal.csv')]);
    let r = run(['liquidazione', 'verifica', 'CR-A']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('CR-A: errore liquidazione/incomplete: la dote CR-A è ATTIVA: la richiesta si fa alla conclusione (dote concludi)');
    expect(r.stdout).toContain('CR-A: errore liquidazione/incomplete: nessuna riga di timesheet importata per la dote CR-A');
    expect(r.stdout).toContain('CR-A: avviso liquidazione/incomplete: QT8 individuali: pianificate 10 ore, erogate 4 ore; quelle non erogate non sono riconosciute');
    expect(r.stdout).toContain('CR-A: avviso liquidazione/incomplete: QD2: output obbligatorio non registrato: CV da inviare al collocamento (dote output aggiungi)');
    expect(r.stdout).toContain('CR-A: avviso liquidazione/result-180: risultato (inserimento lavorativo) non raggiunto: nessun contratto registrato');

    ok(['importa', '--timesheet', path.join(t.dir, 'ts.csv')]);
    ok(['concludi', 'CR-A', '--data', '2021-04-08']);
    ok(['contratto', 'aggiungi', 'CR-A', '--tipo', 'tirocinio', '--dal', '2021-05-01', '--al', '2021-10-31', '--ore-settimanali', '30', '--ore-ccnl', '40', '--azienda', 'Rossi & C.'], '2021-04-20');
    // A fixed-term contract signed during the dote may start and end after today.
    ok(['contratto', 'aggiungi', 'CR-A', '--tipo', 'subordinato', '--dal', '2021-05-01', '--al', '2021-12-31', '--ore-settimanali', '37,5', '--ore-ccnl', '37,5', '--azienda', 'Bianchi srl'], '2021-04-20');
    const contratti = JSON.parse(ok(['contratto', 'elenco', 'CR-A', '--json'], '2021-04-20').stdout);
    expect(contratti.occupazione).toMatchObject({ giorni: 245, raggiunto: true, esclusi: [{ numero: 1, motivo: 'tirocinio' }] });
    writeFileSync(path.join(t.dir, 'cv.pdf'), 'il CV');
    ok(['output', 'aggiungi', 'CR-A', 'QD2', '--file', path.join(t.dir, 'cv.pdf')], '2021-04-20');
    ok(['output', 'aggiungi', 'CR-A', 'qt8'], '2021-04-20');
    expect(sql(t.db, 'SELECT servizio, sha256 FROM output_servizio ORDER BY id')).toEqual([
      { servizio: 'QD2', sha256: createHash('sha256').update('il CV').digest('hex') },
      { servizio: 'QT8', sha256: null },
    ]);

    r = run(['liquidazione', 'verifica', 'CR-A'], '2021-04-20');
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).not.toMatch(/errore/);
    expect(r.stdout).toMatch(/QD2 +individuali +2 +2 +2 +33,00 € +66,00 €/);
    expect(r.stdout).toMatch(/QT8 +individuali +4 +10 +4 +32,00 € +128,00 €/);
    expect(r.stdout).toMatch(/risultato: inserimento lavorativo +raggiunto +2\.800,00 €/);
    expect(r.stdout).toMatch(/totale +2\.994,00 €/);
    expect(r.stdout).toContain('avviso liquidazione/result-180: contratto 1 (Rossi & C.): un tirocinio non conta per il risultato');
    const j = JSON.parse(run(['liquidazione', 'verifica', 'CR-A', '--json'], '2021-04-20').stdout);
    expect(j).toMatchObject({ doteId: 'CR-A', errori: 0, importo: { serviziCent: 19400, totaleCent: 299400, risultato: { raggiunto: true, importoCent: 280000 } } });

    // Past the 30 days from closure the claim is late: dote/deadline blocks it.
    r = run(['liquidazione', 'verifica', 'CR-A'], '2021-05-10');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('CR-A: errore dote/deadline: dote CR-A: Domanda di liquidazione via PEC entro il 08/05/2021: scaduta da 2 giorni');

    // Without the subordinate contract the result is left out of the amount.
    ok(['contratto', 'rimuovi', 'CR-A', '2'], '2021-04-20');
    expect(sql(t.db, 'SELECT numero, CASE WHEN rimosso_il IS NULL THEN 0 ELSE 1 END AS rimosso FROM contratto ORDER BY numero')).toEqual([{ numero: 1, rimosso: 0 }, { numero: 2, rimosso: 1 }]);
    const after = JSON.parse(run(['liquidazione', 'verifica', 'CR-A', '--json'], '2021-04-20').stdout);
    expect(after.importo).toMatchObject({ totaleCent: 19400, risultato: { raggiunto: false } });
    expect(sql(t.db, "SELECT entita, azione, entita_id FROM storia WHERE entita IN ('contratto', 'output') ORDER BY id")).toEqual([
      { entita: 'contratto', azione: 'aggiungi', entita_id: '1' },
      { entita: 'contratto', azione: 'aggiungi', entita_id: '2' },
      { entita: 'output', azione: 'aggiungi', entita_id: '1' },
      { entita: 'output', azione: 'aggiungi', entita_id: '2' },
      { entita: 'contratto', azione: 'rimuovi', entita_id: '2' },
    ]);
  });

  it('refuses bad input with Italian messages naming the option, writing nothing', () => {
    const { t, run } = cremona();
    const refused = (args: string[], status: number, re: RegExp) => {
      const r = run(args);
      expect(r.status, r.stderr).toBe(status);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/errore interno|at .*\.js/);
    };
    refused(['contratto', 'aggiungi', 'CR-A', '--tipo', 'stage', '--dal', '2021-05-01', '--ore-settimanali', '40', '--ore-ccnl', '40', '--azienda', 'X'], 2, /--tipo/);
    refused(['contratto', 'aggiungi', 'CR-A', '--tipo', 'subordinato', '--dal', '2021-05-01', '--ore-settimanali', 'tante', '--ore-ccnl', '40', '--azienda', 'X'], 2, /--ore-settimanali: "tante" non è un numero di ore/);
    refused(['contratto', 'aggiungi', 'CR-A', '--tipo', 'subordinato', '--dal', '2021-05-01', '--al', '2021-04-01', '--ore-settimanali', '40', '--ore-ccnl', '40', '--azienda', 'X'], 2, /--al: la fine del contratto è prima del suo inizio/);
    refused(['contratto', 'rimuovi', 'CR-A', '3'], 1, /la dote CR-A non ha il contratto 3/);
    refused(['contratto', 'rimuovi', 'CR-A', 'due'], 2, /numero del contratto non valido/);
    refused(['output', 'aggiungi', 'CR-A', 'QT5'], 1, /servizio QT5 non previsto dal tipo di dote D1-INS/);
    refused(['output', 'aggiungi', 'CR-A', 'QD2', '--file', path.join(t.dir, 'manca.pdf')], 2, /--file .*manca\.pdf: file inesistente/);
    refused(['liquidazione', 'verifica', 'CR-Z'], 1, /dote sconosciuta: CR-Z/);
    expect(sql(t.db, 'SELECT count(*) AS n FROM contratto')).toEqual([{ n: 0 }]);
    expect(sql(t.db, 'SELECT count(*) AS n FROM output_servizio')).toEqual([{ n: 0 }]);
  });

  it('a Job Coach voucher: no timesheet needed, no result; open deliveries block', () => {
    const t = withDb();
    cleanups.push(t.cleanup);
    const env = { DOTE_OGGI: '2022-07-05', DOTE_OPERATORE: 'test' };
    const ok = (args: string[]) => expect(t.run(args, env).status, args.join(' ')).toBe(0);
    ok(['destinatario', 'aggiungi', '--cf', 'VRDGPP90C41L736E', '--nome', 'Giuseppina', '--cognome', 'Verdi', '--disabilita', 'psichica', '--l68', '--did']);
    ok(['nuova', '--tipo', 'JC-BASE', '--id', 'JC-1-1103/022', '--destinatario', 'VRDGPP90C41L736E', '--data', '2022-06-28']);
    ok(['ammetti', 'JC-1-1103/022', '--data', '2022-06-30']);
    ok(['professionista', 'aggiungi', 'C1', '--nome', 'Carla Bassi']);
    ok(['erogazione', 'aggiungi', 'JC-1-1103/022', '--servizio', 'JC-AN', '--data', '2022-07-04', '--inizio', '09:00', '--fine', '11:00', '--professionista', 'C1']);
    const r = t.run(['liquidazione', 'verifica', 'JC-1-1103/022', '--json'], env);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    const ids = j.findings.map((f: { rule: string; messageId: string }) => `${f.rule} ${f.messageId}`);
    expect(ids).toContain('liquidazione/incomplete nonConclusa');
    expect(ids).toContain('liquidazione/incomplete erogazioneAperta');
    expect(ids).not.toContain('liquidazione/incomplete nessunTimesheet');
    expect(ids.filter((x: string) => x.startsWith('liquidazione/result-180'))).toEqual([]);
    expect(j.importo.risultato).toBeNull();
  });
});
