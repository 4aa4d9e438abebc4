/**
 * The dote imprenditorialità (D1-IMP) on a real database and real PDFs: its result ("avvio
 * d'impresa") rests on the business registered with `dote impresa imposta` (Registro Imprese
 * entry or partita IVA), never on employment contracts; the claim says so line by line, and the
 * packet's Registro Imprese declaration carries the business's particulars.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql, withDb } from '../helpers.js';
import { allText, pdfPages, preflight, PREFLIGHT_MISSING } from '../documents/pdf-helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function imprenditoriale() {
  const t = withDb();
  cleanups.push(t.cleanup);
  const run = (args: string[], oggi = '2021-04-20') => t.run(args, { DOTE_OGGI: oggi, DOTE_OPERATORE: 'test' });
  const ok = (args: string[], oggi?: string) => {
    const r = run(args, oggi);
    expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r;
  };
  ok(['ente', 'imposta', '--nome', 'Cooperativa Esempio', '--codice', '1234', '--pec', 'coop@pec.it', '--iban', 'IT60X0542811101000000123456', '--rappresentante', 'Luigi Bianchi'], '2021-04-01');
  ok(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'], '2021-04-01');
  ok(['nuova', '--tipo', 'D1-IMP', '--id', 'CR-I', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '2', '--data', '2021-04-01'], '2021-04-01');
  ok(['professionista', 'aggiungi', 'P1', '--nome', 'Anna Neri'], '2021-04-05');
  ok(['pip', 'imposta', 'CR-I', '--servizio', 'QD2=2', '--servizio', 'QT5=4', '--data', '2021-04-05'], '2021-04-05');
  const csv = 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\nCR-I;QD2;06/04/2021;09:00;11:00;P1\nCR-I;QT5;07/04/2021;09:00;13:00;P1\n';
  writeFileSync(path.join(t.dir, 'cal.csv'), csv);
  writeFileSync(path.join(t.dir, 'ts.csv'), csv);
  ok(['importa', '--calendario', path.join(t.dir, 'cal.csv')], '2021-04-08');
  ok(['importa', '--timesheet', path.join(t.dir, 'ts.csv')], '2021-04-08');
  ok(['concludi', 'CR-I', '--data', '2021-04-08'], '2021-04-08');
  ok(['output', 'aggiungi', 'CR-I', 'QD2']);
  return { t, run, ok };
}

describe('D1-IMP: the business started earns the result', () => {
  it('refuses contracts and a bad partita IVA, weighs the registration date, and prints the business in the packet', async () => {
    const { t, run, ok } = imprenditoriale();

    // No business yet: the result is left out, and the warning says what to record.
    let r = run(['liquidazione', 'verifica', 'CR-I']);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain("CR-I: avviso liquidazione/result-180: risultato (avvio d'impresa) non raggiunto: nessuna impresa registrata (dote impresa imposta)");
    expect(r.stdout).toMatch(/risultato: avvio d'impresa +non raggiunto +0,00 €/);
    expect(ok(['impresa', 'mostra', 'CR-I']).stdout).toContain("La dote CR-I non ha un'impresa registrata");

    // A contract does not earn a start-up's result.
    r = run(['contratto', 'aggiungi', 'CR-I', '--tipo', 'subordinato', '--dal', '2021-05-01', '--ore-settimanali', '40', '--ore-ccnl', '40', '--azienda', 'Bianchi srl']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("il risultato (avvio d'impresa) si prova con l'impresa avviata, non con un contratto");
    expect(r.stderr).toContain('dote impresa imposta CR-I');
    expect(sql(t.db, 'SELECT count(*) AS n FROM contratto')).toEqual([{ n: 0 }]);

    // A mistyped partita IVA, a date in the future: usage errors, nothing stored.
    r = run(['impresa', 'imposta', 'CR-I', '--denominazione', 'Rossi Servizi', '--partita-iva', '01234567890', '--iscrizione', '2021-04-10']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--partita-iva 01234567890: partita IVA non valida: cifra di controllo errata: l'ultima cifra dovrebbe essere 7");
    r = run(['impresa', 'imposta', 'CR-I', '--denominazione', 'Rossi Servizi', '--partita-iva', '01234567897', '--iscrizione', '2021-05-10']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--iscrizione: 10/05/2021 è nel futuro');
    expect(sql(t.db, 'SELECT count(*) AS n FROM impresa')).toEqual([{ n: 0 }]);

    // Registered before the dote started: not a start-up of the dote.
    ok(['impresa', 'imposta', 'CR-I', '--denominazione', 'Rossi Servizi', '--partita-iva', '012 3456 7897', '--iscrizione', '2021-03-01']);
    r = run(['liquidazione', 'verifica', 'CR-I']);
    expect(r.stdout).toContain("risultato (avvio d'impresa) non raggiunto: Rossi Servizi è iscritta dal 01/03/2021, prima dell'avvio della dote (01/04/2021): la richiesta lo esclude");
    expect(ok(['impresa', 'mostra', 'CR-I']).stdout).toContain("Iscritta prima dell'avvio della dote (01/04/2021): non vale il risultato.");

    // Corrected: the result is met, 3.860 € for fascia 2 on top of the services.
    r = ok(['impresa', 'imposta', 'CR-I', '--denominazione', 'Rossi Servizi di Mario Rossi', '--partita-iva', 'IT01234567897', '--iscrizione', '2021-04-12', '--rea', 'CR-198765']);
    expect(r.stdout).toContain('Impresa della dote CR-I: Rossi Servizi di Mario Rossi, partita IVA 01234567897, REA CR-198765, iscritta dal 12/04/2021.');
    expect(r.stdout).toContain('Sostituisce: Rossi Servizi, partita IVA 01234567897, iscritta dal 01/03/2021.');
    r = run(['liquidazione', 'verifica', 'CR-I']);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).not.toContain('result-180');
    expect(r.stdout).toMatch(/risultato: avvio d'impresa +raggiunto +3\.860,00 €/);
    expect(r.stdout).toMatch(/^totale +[\d.,]+ €\nImpresa: Rossi Servizi di Mario Rossi, partita IVA 01234567897, REA CR-198765, iscritta dal 12\/04\/2021\.$/m);
    const j = JSON.parse(ok(['liquidazione', 'verifica', 'CR-I', '--json']).stdout);
    expect(j.importo.risultato).toEqual({ nome: "avvio d'impresa", importoCent: 386000, raggiunto: true });
    expect(j.impresa).toEqual({ denominazione: 'Rossi Servizi di Mario Rossi', partitaIva: '01234567897', rea: 'CR-198765', iscrizione: '2021-04-12' });

    // Both settings are in the history, the replaced one as the "before" of the second.
    const storia = JSON.parse(ok(['storia', 'CR-I', '--json']).stdout) as { entita: string; azione: string; prima: unknown; dopo: unknown }[];
    const imprese = (Array.isArray(storia) ? storia : (storia as { voci: typeof storia }).voci).filter((v) => v.entita === 'impresa');
    expect(imprese.map((v) => v.azione)).toEqual(['aggiungi', 'modifica']);
    expect(imprese[1]!.prima).toMatchObject({ denominazione: 'Rossi Servizi', iscrizione: '2021-03-01' });

    // The packet: the Registro Imprese declaration with the business, the relazione with the result.
    const dir = path.join(t.dir, 'pacchetto');
    ok(['liquidazione', 'prepara', 'CR-I', '-o', dir, '--esente-bollo']);
    const files = readdirSync(dir);
    expect(files).toContain('06-registro-imprese.pdf');
    const registro = allText(await pdfPages(path.join(dir, '06-registro-imprese.pdf')));
    expect(registro).toContain('Rossi Servizi di Mario Rossi');
    expect(registro).toContain('01234567897');
    expect(registro).toContain('CR-198765');
    expect(registro).toContain('12/04/2021');
    expect(registro).not.toContain('(da compilare)');
    const relazione = allText(await pdfPages(path.join(dir, files.find((f) => f.includes('relazione'))!)));
    expect(relazione).toContain("Risultato raggiunto: l'impresa è stata avviata durante la dote");
    const domanda = allText(await pdfPages(path.join(dir, '01-domanda-liquidazione.pdf')));
    expect(domanda).toContain("Risultato: avvio d'impresa raggiunto, 3.860,00 €");
    if (!PREFLIGHT_MISSING) expect(preflight(path.join(dir, '06-registro-imprese.pdf')).valid).toBe(true);

    // From the request on, the business is locked with the rest of the dote.
    r = run(['impresa', 'imposta', 'CR-I', '--denominazione', 'Altra', '--partita-iva', '01234567897', '--iscrizione', '2021-04-12']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/import\/conflict|liquidazione/);
    expect(sql(t.db, 'SELECT count(*) AS n FROM impresa WHERE sostituita_il IS NULL')).toEqual([{ n: 1 }]);
  });

  it('is refused for a dote whose result is employment', () => {
    const { t, run, ok } = imprenditoriale();
    ok(['destinatario', 'aggiungi', '--cf', 'VRDLCU85M01D150R', '--nome', 'Luca', '--cognome', 'Verdi', '--disabilita', 'fisica', '--l68', '--did'], '2021-04-01');
    ok(['nuova', '--tipo', 'D1-INS', '--id', 'CR-J', '--destinatario', 'VRDLCU85M01D150R', '--fascia', '2', '--data', '2021-04-01'], '2021-04-01');
    const r = run(['impresa', 'imposta', 'CR-J', '--denominazione', 'X', '--partita-iva', '01234567897', '--iscrizione', '2021-04-12']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("la dote CR-J (D1-INS) non ha come risultato l'avvio d'impresa");
    expect(r.stderr).toContain('dote contratto aggiungi CR-J');
    expect(sql(t.db, 'SELECT count(*) AS n FROM impresa')).toEqual([{ n: 0 }]);
  });
});
