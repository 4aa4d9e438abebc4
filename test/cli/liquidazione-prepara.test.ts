/**
 * `dote liquidazione prepara` and `impronte` on a real database and real PDFs: the D1-INS dote of
 * liquidazione.test.ts taken to the packet (names, PDF/A, text, SHA256SUMS, the PEC split), a
 * refused prepara that writes nothing, and the lock afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql, withDb } from '../helpers.js';
import { IBAN, cremonaProntaPerLiquidazione } from './liquidazione-setup.js';
import { allText, pdfPages, preflight, PREFLIGHT_MISSING } from '../documents/pdf-helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** The Cremona D1-INS dote of liquidazione.test.ts, up to a claim that nothing blocks (on 2021-04-20). */
const cremonaPronta = () => cremonaProntaPerLiquidazione((c) => cleanups.push(c));

const NAMES = [
  '00-indice.pdf',
  '01-domanda-liquidazione.pdf',
  '02-relazione-attivita-risultati.pdf',
  '03-comunicazione-conclusione.pdf',
  '04-dichiarazione-esercizio-impresa.pdf',
  '05-dichiarazione-estremi-pagamento.pdf',
  '06-pip.pdf',
  '07-registro-attivita.pdf',
  '08-timesheet-p1-2021-04.pdf',
  'SHA256SUMS',
];

describe('liquidazione prepara', () => {
  it('writes the PEC packet, records the request, and then locks the dote', async () => {
    const { t, run, ok, header } = cremonaPronta();
    const dir = path.join(t.dir, 'pacchetto');

    // Cremona needs the stamp duty: the number or the exemption (verifica says so).
    expect(ok(['liquidazione', 'verifica', 'CR-A']).stdout).toContain('dote liquidazione prepara CR-A -o CARTELLA --bollo NUMERO (o --esente-bollo)');
    let r = run(['liquidazione', 'prepara', 'CR-A', '-o', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--bollo NUMERO, o --esente-bollo/);
    r = run(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--bollo', '1', '--limite-pec', 'tanto']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--limite-pec: valore non valido "tanto"/);
    expect(existsSync(dir)).toBe(false);
    expect(sql(t.db, 'SELECT count(*) AS n FROM liquidazione')).toEqual([{ n: 0 }]);

    const inScadenza = () => JSON.parse(ok(['scadenze', '--json']).stdout).scadenze.filter((s: { doteId: string; id: string }) => s.doteId === 'CR-A').map((s: { id: string; entro: string }) => `${s.id} ${s.entro}`);
    expect(inScadenza()).toContain('liquidazione 2021-05-08');
    const j = JSON.parse(ok(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--bollo', '01234567890123', '--json']).stdout);
    // The claim is made: its deadline leaves dote scadenze.
    expect(inScadenza()).not.toContain('liquidazione 2021-05-08');
    expect(readdirSync(dir).sort()).toEqual(NAMES);
    for (const n of NAMES) expect(n).toMatch(/^(\d\d-[a-z0-9-]+\.pdf|SHA256SUMS)$/);
    expect(j).toMatchObject({ doteId: 'CR-A', data: '2021-04-20', importoCent: 299400, limitePec: 30_000_000 });
    expect(j.pec).toHaveLength(1);
    expect(j.pec[0].file[0]).toBe('00-indice.pdf');

    // sha256sum reads SHA256SUMS.
    const c = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(c.status, c.stdout + c.stderr).toBe(0);
    expect(c.stdout.trim().split('\n')).toHaveLength(NAMES.length - 1);

    const domanda = allText(await pdfPages(path.join(dir, '01-domanda-liquidazione.pdf')));
    expect(domanda).toContain('RSSMRA80A01D150J');
    expect(domanda).toContain('2.994,00 €');
    expect(domanda).toContain('2.800,00 €');
    expect(domanda).toContain('66,00 €');
    expect(domanda).toContain('Marca da bollo n. 01234567890123');
    expect(domanda).toMatch(/art\. 76/);
    expect(domanda).toMatch(/art\. 75/);
    expect(allText(await pdfPages(path.join(dir, '05-dichiarazione-estremi-pagamento.pdf')))).toContain(IBAN);
    const relazione = allText(await pdfPages(path.join(dir, '02-relazione-attivita-risultati.pdf')));
    expect(relazione).toContain('Bianchi srl');
    expect(relazione).toContain('01/05/2021');
    expect(relazione).toMatch(/245 giorni/);
    expect(relazione).toMatch(/Bianchi srl subordinato 01\/05\/2021 31\/12\/2021 37,5 \/ 37,5 245 sì/);
    const indice = allText(await pdfPages(path.join(dir, '00-indice.pdf')));
    expect(indice).toContain('CR-A');
    expect(indice).toContain('2.994,00 €');
    expect(indice).toContain('PEC 1 di 1');
    expect(indice).toContain('07-registro-attivita.pdf');
    expect(indice).toMatch(/SHA256SUMS [\d.]+ le impronte di questo indice/);
    expect(indice.replace(/\s/g, '')).toContain(j.file.find((f: { nome: string }) => f.nome === '01-domanda-liquidazione.pdf').sha256);

    // Recorded: the row, the deliveries tied to it, the storia.
    expect(sql(t.db, 'SELECT dote_id, data, cartella FROM liquidazione')).toEqual([{ dote_id: 'CR-A', data: '2021-04-20', cartella: dir }]);
    expect(sql(t.db, "SELECT count(*) AS n FROM erogazione WHERE dote_id = 'CR-A' AND stato = 'EROGATA' AND liquidazione_id IS NULL")).toEqual([{ n: 0 }]);
    expect(sql(t.db, "SELECT entita, azione FROM storia WHERE entita = 'liquidazione'")).toEqual([{ entita: 'liquidazione', azione: 'prepara' }]);

    // elenco and mostra: the request with its amount, folder and every file's hash as prepared.
    const m = JSON.parse(ok(['liquidazione', 'mostra', 'CR-A', '--json']).stdout);
    expect(m).toMatchObject({ doteId: 'CR-A', data: '2021-04-20', cartella: dir, importoCent: 299400, limitePec: 30_000_000 });
    expect(m.file.map((f: { nome: string; sha256: string }) => `${f.sha256}  ${f.nome}\n`).join('')).toBe(readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8'));
    expect(ok(['liquidazione', 'elenco']).stdout).toMatch(/^dote +domanda del +importo +file +cartella\n[- ]+\nCR-A +20\/04\/2021 +2\.994,00 € +9 {2}\//);
    expect(ok(['liquidazione', 'mostra', 'CR-A']).stdout).toMatch(/^01-domanda-liquidazione\.pdf +[\d.]+ byte {2}[0-9a-f]{64} {2}1 di 1$/m);
    // The dote itself says it has been claimed, and where to look.
    expect(ok(['mostra', 'CR-A']).stdout).toContain(`Liquidazione: richiesta del 20/04/2021, 2.994,00 €, 9 file PDF in ${dir} (dote liquidazione mostra CR-A)`);
    expect(JSON.parse(ok(['mostra', 'CR-A', '--json']).stdout).liquidazione).toEqual({ data: '2021-04-20', importoCent: 299400, cartella: dir, file: 9 });

    // Afterwards: a second request, a delivery, an import touching the dote are refused.
    r = run(['liquidazione', 'prepara', 'CR-A', '-o', path.join(t.dir, 'altro'), '--bollo', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/import\/conflict/);
    expect(existsSync(path.join(t.dir, 'altro'))).toBe(false);
    r = run(['erogazione', 'aggiungi', 'CR-A', '--servizio', 'QT8', '--data', '2021-04-09', '--inizio', '09:00', '--fine', '10:00', '--professionista', 'P1']);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/import\/conflict|liquidazione/);
    writeFileSync(path.join(t.dir, 'cal2.csv'), header + 'CR-A;QT8;09/04/2021;09:00;10:00;P1\n');
    r = run(['importa', '--calendario', path.join(t.dir, 'cal2.csv')]);
    expect(r.stdout + r.stderr).toMatch(/import\/conflict/);
    expect(sql(t.db, "SELECT count(*) AS n FROM erogazione WHERE dote_id = 'CR-A'")).toEqual([{ n: 2 }]);

    // impronte: nothing changed; then a PAdES-signed PDF, a CAdES .p7m, a missing file.
    expect(JSON.parse(ok(['liquidazione', 'impronte', dir, '--json']).stdout)).toMatchObject({ modificati: [], nuovi: [], mancanti: [] });
    appendFileSync(path.join(dir, '01-domanda-liquidazione.pdf'), '% firma\n');
    writeFileSync(path.join(dir, '04-dichiarazione-esercizio-impresa.pdf.p7m'), 'cades');
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, '03-comunicazione-conclusione.pdf'));
    r = ok(['liquidazione', 'impronte', dir]);
    expect(r.stdout).toMatch(/^cambiato: 01-domanda-liquidazione\.pdf \(firmato PAdES\?\), SHA-256 [0-9a-f]{64} → [0-9a-f]{64}$/m);
    expect(r.stdout).toMatch(/^File rispetto a SHA256SUMS: \d+ invariati, 1 cambiato, 1 nuovo, 1 mancante\.$/m);
    expect(r.stdout).toMatch(/nuovo: 04-dichiarazione-esercizio-impresa\.pdf\.p7m \(firma CAdES\)/);
    expect(r.stdout).toMatch(/mancante: 03-comunicazione-conclusione\.pdf/);
  });

  it('refuses while something blocks: the same findings as verifica, nothing written', () => {
    const { t, run } = cremonaPronta();
    const dir = path.join(t.dir, 'pacchetto');
    // Past the 30 days from closure dote/deadline blocks the claim.
    const r = run(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--esente-bollo'], '2021-05-10');
    expect(r.status).toBe(1);
    // The same lines as verifica's.
    const v = run(['liquidazione', 'verifica', 'CR-A'], '2021-05-10');
    const righe = v.stdout.split('\n').filter((l) => l.startsWith('CR-A: '));
    expect(righe).toContain('CR-A: errore dote/deadline: dote CR-A: Domanda di liquidazione via PEC entro il 08/05/2021: scaduta da 2 giorni');
    for (const l of righe) expect(r.stderr).toContain(l);
    const j = run(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--esente-bollo', '--json'], '2021-05-10');
    expect(j.status).toBe(1);
    expect(JSON.parse(j.stdout).errore.regole).toContainEqual(expect.objectContaining({ rule: 'dote/deadline', severity: 'error' }));
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(t.dir).filter((f) => f.startsWith('.pacchetto'))).toEqual([]);
    expect(sql(t.db, 'SELECT count(*) AS n FROM liquidazione')).toEqual([{ n: 0 }]);
    expect(sql(t.db, "SELECT count(*) AS n FROM storia WHERE entita = 'liquidazione'")).toEqual([{ n: 0 }]);
    // A folder that exists and is not empty is refused too.
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'x'), 'x');
    const r2 = run(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--esente-bollo']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/non è vuota/);
    expect(sql(t.db, 'SELECT count(*) AS n FROM liquidazione')).toEqual([{ n: 0 }]);
  });

  it('a failure after the files are rendered rolls everything back; --bollo with --esente-bollo is refused; --modelli replaces a declaration', async () => {
    const { t, run, ok } = cremonaPronta();
    const dir = path.join(t.dir, 'pacchetto');
    // Every PDF is over a 1 KB message: refused once the files exist, and none of them stays.
    let r = run(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--esente-bollo', '--limite-pec', '1KB']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/oltre il limite PEC di 1 KB/);
    expect(readdirSync(t.dir).filter((f) => f.includes('pacchetto'))).toEqual([]);
    expect(sql(t.db, 'SELECT count(*) AS n FROM liquidazione')).toEqual([{ n: 0 }]);
    expect(sql(t.db, 'SELECT count(*) AS n FROM liquidazione_file')).toEqual([{ n: 0 }]);
    expect(sql(t.db, 'SELECT count(*) AS n FROM erogazione WHERE liquidazione_id IS NOT NULL')).toEqual([{ n: 0 }]);
    r = run(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--esente-bollo', '--bollo', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--bollo e --esente-bollo insieme/);

    const modelli = path.join(t.dir, 'modelli');
    mkdirSync(modelli);
    ok(['modelli', 'esporta', 'liquidazione-domanda', modelli]);
    const f = path.join(modelli, 'liquidazione-domanda.json');
    const tpl = JSON.parse(readFileSync(f, 'utf8'));
    tpl.testi.titolo = 'Richiesta di liquidazione del contributo';
    writeFileSync(f, JSON.stringify(tpl));
    ok(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--esente-bollo', '--modelli', modelli]);
    const domanda = allText(await pdfPages(path.join(dir, '01-domanda-liquidazione.pdf')));
    expect(domanda).toContain('Richiesta di liquidazione del contributo');
    expect(domanda).toContain('esente');
  });

  it('splits the packet into numbered PEC messages under a small limit, the domanda in the first', () => {
    const { t, ok } = cremonaPronta();
    const dir = path.join(t.dir, 'pacchetto');
    const j = JSON.parse(ok(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--esente-bollo', '--limite-pec', '120KB', '--json']).stdout);
    expect(j.limitePec).toBe(120_000);
    expect(j.pec.length).toBeGreaterThan(1);
    expect(j.pec[0].file).toContain('01-domanda-liquidazione.pdf');
    for (const m of j.pec) expect(m.bytesCodificati).toBeLessThanOrEqual(120_000);
    const nomi = j.file.map((f: { nome: string }) => f.nome);
    expect(j.pec.flatMap((m: { file: string[] }) => m.file)).toEqual([nomi[0], 'SHA256SUMS', ...nomi.slice(1)]);
    expect(readFileSync(path.join(dir, 'SHA256SUMS')).length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}00-indice\.pdf$/m);
  });

  it('a D1-IMP dote adds the Registro Imprese declaration after the estremi di pagamento', () => {
    const t = withDb();
    cleanups.push(t.cleanup);
    const ok = (args: string[], oggi: string) => {
      const r = t.run(args, { DOTE_OGGI: oggi, DOTE_OPERATORE: 'test' });
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    };
    ok(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'psichica', '--l68', '--did'], '2021-04-01');
    ok(['nuova', '--tipo', 'D1-IMP', '--linea', 'a', '--id', 'CR-I', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2021-04-01'], '2021-04-01');
    ok(['professionista', 'aggiungi', 'P1', '--nome', 'Anna Neri'], '2021-04-05');
    ok(['pip', 'imposta', 'CR-I', '--servizio', 'QD2=2', '--data', '2021-04-05'], '2021-04-05');
    writeFileSync(path.join(t.dir, 'c.csv'), 'id_dote;servizio;data;ora_inizio;ora_fine;professionista\nCR-I;QD2;06/04/2021;09:00;11:00;P1\n');
    ok(['importa', '--calendario', path.join(t.dir, 'c.csv')], '2021-04-08');
    ok(['importa', '--timesheet', path.join(t.dir, 'c.csv')], '2021-04-08');
    ok(['concludi', 'CR-I', '--data', '2021-04-08'], '2021-04-08');
    ok(['output', 'aggiungi', 'CR-I', 'QD2'], '2021-04-08');
    const dir = path.join(t.dir, 'imp');
    mkdirSync(dir); // an empty folder is taken
    ok(['liquidazione', 'prepara', 'CR-I', '-o', dir, '--esente-bollo'], '2021-04-08');
    expect(readdirSync(dir).filter((f) => /^0[5-9]/.test(f))).toEqual(['05-dichiarazione-estremi-pagamento.pdf', '06-registro-imprese.pdf', '07-pip.pdf', '08-registro-attivita.pdf', '09-timesheet-p1-2021-04.pdf']);
  });

  it('a Job Coach voucher: the registro, the attestazione and the coach\'s timesheet, no bollo needed', () => {
    const t = withDb();
    cleanups.push(t.cleanup);
    const env = { DOTE_OGGI: '2022-07-05', DOTE_OPERATORE: 'test' };
    const ok = (args: string[]) => {
      const r = t.run(args, env);
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
      return r;
    };
    const JC = 'JC-1-1103/022';
    ok(['destinatario', 'aggiungi', '--cf', 'VRDGPP90C41L736E', '--nome', 'Giuseppina', '--cognome', 'Verdi', '--disabilita', 'psichica', '--l68', '--did']);
    ok(['nuova', '--tipo', 'JC-BASE', '--id', JC, '--destinatario', 'VRDGPP90C41L736E', '--data', '2022-06-28']);
    ok(['ammetti', JC, '--data', '2022-06-30']);
    ok(['professionista', 'aggiungi', 'C1', '--nome', 'Carla Bassi']);
    ok(['erogazione', 'aggiungi', JC, '--servizio', 'JC-AN', '--data', '2022-07-04', '--inizio', '09:00', '--fine', '11:00', '--professionista', 'C1']);
    for (const a of ['programma', 'avvia', 'concludi']) ok(['erogazione', a, '1', '--oggi', '2022-07-04']);
    ok(['concludi', JC, '--data', '2022-07-05']);
    const dir = path.join(t.dir, 'jc');
    const j = JSON.parse(ok(['liquidazione', 'prepara', JC, '-o', dir, '--json']).stdout);
    expect(readdirSync(dir).sort()).toEqual(['00-indice.pdf', '01-registro-attivita.pdf', '02-attestazione.pdf', '03-timesheet-c1-2022-07.pdf', 'SHA256SUMS']);
    expect(j).toMatchObject({ doteId: JC, importoCent: 7600 });
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).status).toBe(0);
    const r = t.run(['erogazione', 'aggiungi', JC, '--servizio', 'JC-AN', '--data', '2022-07-05', '--inizio', '09:00', '--fine', '10:00', '--professionista', 'C1'], env);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/import\/conflict|liquidazione/);
  });

  it.skipIf(PREFLIGHT_MISSING)(`every PDF of the packet is PDF/A-1b for Apache PDFBox Preflight${PREFLIGHT_MISSING ? ` (saltato: ${PREFLIGHT_MISSING})` : ''}`, () => {
    const { t, ok } = cremonaPronta();
    const dir = path.join(t.dir, 'pacchetto');
    ok(['liquidazione', 'prepara', 'CR-A', '-o', dir, '--esente-bollo']);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.pdf'))) {
      const p = preflight(path.join(dir, f));
      expect(p.valid, `${f}\n${p.report}`).toBe(true);
    }
  }, 120_000);
});
