/** Doti, PIP and deadlines through bin/dote (issue 2, items 5-8): exit codes, JSON, and refusals that change nothing. */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { DOTE, dumpDb, sql, withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const TABLES = ['destinatario', 'misura_esterna', 'dote', 'pip_versione', 'pip_voce', 'attivita', 'erogazione', 'liquidazione', 'storia'];

/** Every row of the tables these commands touch, to compare before and after a refused command. */
const dump = (file: string) => dumpDb(file, TABLES);

// Valid codici fiscali (check character computed): Mario Rossi 01/01/1980, Luigi Verdi 15/03/1995,
// Anna Bianchi 10/12/1960 (F), Paolo Ferrari 10/05/2003.
const ROSSI = 'RSSMRA80A01D150J';
const VERDI = 'VRDLGU95C15D150E';
const BIANCHI = 'BNCNNA60T50D150R';
const FERRARI = 'FRRPLA03E10D150D';

function setup(oggi = '2021-06-30') {
  const t = withDb();
  cleanups.push(t.cleanup);
  const env = { DOTE_OGGI: oggi, DOTE_OPERATORE: 'test' };
  const run = (args: string[], e: Record<string, string> = {}) => t.run(args, { ...env, ...e });
  const ok = (args: string[], e: Record<string, string> = {}) => {
    const r = run(args, e);
    expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r;
  };
  ok(['ente', 'imposta', '--nome', 'Cooperativa Esempio', '--codice', '1234']);
  ok(['destinatario', 'aggiungi', '--cf', ROSSI, '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did']);
  ok(['destinatario', 'aggiungi', '--cf', VERDI, '--nome', 'Luigi', '--cognome', 'Verdi', '--disabilita', 'psichica', '--l68', '--did']);
  ok(['destinatario', 'aggiungi', '--cf', BIANCHI, '--nome', 'Anna', '--cognome', 'Bianchi', '--disabilita', 'fisica', '--l68', '--occupato', '--ammortizzatori-covid']);
  ok(['destinatario', 'aggiungi', '--cf', FERRARI, '--nome', 'Paolo', '--cognome', 'Ferrari', '--disabilita', 'fisica', '--l68', '--did']);
  ok(['professionista', 'aggiungi', 'P01', '--nome', 'Giulia Neri']);
  const refused = (args: string[], status: 1 | 2, message: RegExp, e: Record<string, string> = {}) => {
    const before = dump(t.db);
    const r = run(args, e);
    expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(status);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js/);
    expect(r.stdout).toBe('');
    expect(dump(t.db)).toEqual(before);
    return r;
  };
  return { ...t, run, ok, refused };
}

/** A delivery row as the delivery commands would store it (they are another issue's). */
function erogazione(db: string, doteId: string, servizio: string, data: string, ore: number, stato: string, collettiva = 0) {
  const prof = sql<{ id: number }>(db, "SELECT id FROM professionista WHERE codice = 'P01'")[0]!.id;
  sql(
    db,
    `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, collettiva, stato, registrata_il, creata_il, aggiornata_il)
     VALUES (?, ?, ?, 540, ?, ?, ?, ?, ?, 'x', 'x')`,
    doteId, servizio, data, 540 + ore * 60, prof, collettiva, stato, data,
  );
}

describe('dote nuova (Cremona)', () => {
  it('creates an ATTIVA dote with a generated id, the line chosen from the priority categories and its end date', () => {
    const t = setup();
    const r = t.ok(['nuova', '--bando', 'cremona-2021', '--tipo', 'D1-INS', '--destinatario', VERDI, '--fascia', '3', '--data', '2021-04-01', '--json']);
    const j = r.json();
    expect(j.dote).toMatchObject({
      id: 'CR-2021-0001',
      bando: 'cremona-2021',
      tipo: 'D1-INS',
      stato: 'ATTIVA',
      fascia: 3,
      linea: 'a',
      destinatario: { cf: VERDI, nome: 'Luigi', cognome: 'Verdi' },
      date: { richiesta: '2021-04-01', attivazione: '2021-04-01', fine: '2022-04-01' },
      pip: null,
      risultato: { nome: 'inserimento lavorativo', importoCent: 280000, raggiunto: null },
    });
    expect(j.categoriePrioritarie.map((c: { codice: string }) => c.codice)).toEqual(['disabilita-psichica', 'eta-18-29']);
    // 10 working days from Thursday 01/04/2021, Easter Monday (05/04/2021) skipped.
    expect(j.dote.scadenze[0]).toMatchObject({ id: 'invio-pip', entro: '2021-04-16', stato: 'scaduta' });
    // Without --bando, the type says it; a person in no priority category gets line b.
    const r2 = t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '1', '--data', '2021-06-30']);
    expect(r2.stdout).toMatch(/Dote CR-2021-0002 ATTIVA: D1-INS fascia 1, linea b per Rossi Mario/);
    expect(r2.stdout).toMatch(/termina il 30\/12\/2021/);
    const hist = sql<{ azione: string; entita: string }>(t.db, "SELECT entita, azione FROM storia WHERE dote_id = 'CR-2021-0002'");
    expect(hist).toEqual([{ entita: 'dote', azione: 'nuova' }]);
  });

  it('--id is kept; ids are never reused', () => {
    const t = setup();
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '2', '--id', 'CR-TEST-1', '--data', '2021-04-01']);
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', VERDI, '--fascia', '2', '--id', 'CR-TEST-1'], 1, /esiste già una dote con id CR-TEST-1/);
  });

  it('refuses, changing nothing: one active dote, eligibility, line a without a priority category, dates outside the bando', () => {
    const t = setup();
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '2', '--data', '2021-04-01']);
    t.refused(['nuova', '--tipo', 'D1-IMP', '--destinatario', ROSSI, '--fascia', '2'], 1, /dote\/one-active: RSSMRA80A01D150J ha già la dote CR-2021-0001/);
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', BIANCHI, '--fascia', '2'], 1, /dote\/eligibility: .*è occupato.*non ha la DID/);
    t.refused(['nuova', '--tipo', 'D2-MAN', '--destinatario', VERDI, '--fascia', '2', '--azienda', 'Rossi SRL'], 1, /dote\/eligibility: .*non è occupato/);
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', FERRARI, '--fascia', '2', '--linea', 'a', '--data', '2021-05-09'], 1, /linea a .*categorie prioritarie/);
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', VERDI, '--fascia', '2', '--data', '2021-03-21'], 1, /prima dell'apertura del bando cremona-2021 \(22\/03\/2021\)/);
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', VERDI, '--fascia', '2', '--data', '2022-07-01'], 1, /dopo la fine del bando/, { DOTE_OGGI: '2022-07-10' });
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', 'XXXXXX80A01D150R', '--fascia', '2'], 1, /destinatario sconosciuto/);
    // A mistyped code is named as destinatario aggiungi names it, not as an unknown person.
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', 'XXXXXX80A01D150J', '--fascia', '2'], 1, /codice fiscale non valido: carattere di controllo errato: "J", atteso "R"/);
  });

  it('line a for a person who turns 18 on the request date, not the day before', () => {
    const t = setup();
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', FERRARI, '--fascia', '2', '--linea', 'a', '--data', '2021-05-09'], 1, /linea a/);
    const r = t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', FERRARI, '--fascia', '2', '--linea', 'a', '--data', '2021-05-10', '--json']);
    expect(r.json().dote.linea).toBe('a');
  });

  it('usage errors (exit 2): bad fascia, line on a type without lines, missing employer, future date', () => {
    const t = setup();
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '5'], 2, /--fascia: "5" non valida/);
    t.refused(['nuova', '--tipo', 'D2-MAN', '--destinatario', BIANCHI, '--fascia', '2', '--azienda', 'Rossi', '--linea', 'a'], 2, /--linea: il tipo D2-MAN non ha linee/);
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '2', '--data', '2021-07-01'], 2, /nel futuro/);
    t.refused(['nuova', '--tipo', 'D9-XXX', '--destinatario', ROSSI], 2, /tipo di dote sconosciuto: D9-XXX/);
    t.refused(['nuova', '--bando', 'veneto-jc-2022', '--tipo', 'D1-INS', '--destinatario', ROSSI], 2, /non previsto dal bando veneto-jc-2022/);
  });

  it('without a terminal and with required options missing: exit 2 at once, one line and the hint to the help', () => {
    const t = setup();
    for (const args of [[], ['--tipo', 'D1-INS', '--destinatario', ROSSI], ['--tipo', 'D2-MAN', '--destinatario', BIANCHI, '--fascia', '2'], ['--tipo', 'JC-BASE', '--destinatario', ROSSI]]) {
      const started = Date.now();
      const r = spawnSync(process.execPath, [DOTE, 'nuova', ...args, '--db', t.db], { stdio: ['pipe', 'pipe', 'pipe'], input: '', encoding: 'utf8', timeout: 10_000, env: { PATH: process.env.PATH ?? '', DOTE_OGGI: '2021-06-30' } });
      expect(r.status, r.stderr).toBe(2);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(r.stderr).toMatch(/^dote: opzioni obbligatorie mancanti: [^\n]+\nsuggerimento: dote nuova --help\n$/);
    }
    expect(dump(t.db).dote).toEqual([]);
  });

  it('one active dote counts external measures (DUL, Garanzia Giovani) whose period covers the date', () => {
    const t = setup();
    t.ok(['destinatario', 'misura', ROSSI, '--tipo', 'DUL', '--dal', '2021-01-15', '--al', '2021-05-31']);
    t.refused(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '2', '--data', '2021-05-31'], 1, /dote\/one-active: .*misura DUL dal 15\/01\/2021 al 31\/05\/2021/);
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '2', '--data', '2021-06-01']);
  });

  it('repeat rules: no second inserimento/mantenimento at the same employer, no D2-COV after them', () => {
    const t = setup();
    // An earlier disability dote of ours, recorded as external, with mantenimento at Rossi S.r.l.
    t.ok(['destinatario', 'misura', BIANCHI, '--tipo', 'dote-disabili', '--annualita', '2019-2020', '--dal', '2019-10-01', '--al', '2020-09-30', '--operatore-misura', 'Cooperativa Esempio', '--azienda', 'Rossi S.r.l.', '--servizi', 'QD2,mantenimento']);
    t.refused(['nuova', '--tipo', 'D2-MAN', '--destinatario', BIANCHI, '--fascia', '2', '--azienda', 'ROSSI SRL'], 1, /mantenimento presso Rossi S\.r\.l\. già erogato da questo operatore/);
    t.refused(['nuova', '--tipo', 'D2-COV', '--destinatario', BIANCHI, '--fascia', '2', '--azienda', 'Rossi srl'], 1, /non ripetibile/);
    // At another employer it is fine; then D2-COV there is refused once the mantenimento is ours.
    t.ok(['nuova', '--tipo', 'D2-MAN', '--destinatario', BIANCHI, '--fascia', '2', '--azienda', 'Bianchi SpA', '--data', '2021-04-01']);
    t.ok(['concludi', 'CR-2021-0001', '--data', '2021-05-31']);
    const r = t.refused(['nuova', '--tipo', 'D2-COV', '--destinatario', BIANCHI, '--fascia', '2', '--azienda', 'Bianchi S.p.A.'], 1, /mantenimento presso Bianchi SpA già erogato .*CR-2021-0001/);
    expect(r.stderr).toMatch(/dote\/eligibility/);
    const ok = t.ok(['nuova', '--tipo', 'D2-COV', '--destinatario', BIANCHI, '--fascia', '2', '--azienda', 'Verdi snc', '--json']);
    expect(ok.json().dote).toMatchObject({ tipo: 'D2-COV', linea: null, azienda: 'Verdi snc' });
  });
});

describe('dote pip', () => {
  const PIP = ['--servizio', 'QD2=2', '--servizio', 'QD3=3', '--servizio', 'Q0C=5', '--servizio', 'QT8=30', '--servizio', 'QF0=40:coll'];

  function withDote(fascia = '3') {
    const t = setup();
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', fascia, '--data', '2021-04-01']);
    return t;
  }

  it('imposta: version 1 with its value in cents (1.841,60 €) and the result (2.800,00 €)', () => {
    const t = withDote();
    const r = t.ok(['pip', 'imposta', 'CR-2021-0001', ...PIP, '--data', '2021-04-09', '--json']);
    const j = r.json();
    expect(j.pip).toMatchObject({ doteId: 'CR-2021-0001', versione: 1, data: '2021-04-09', motivo: null, valoreCent: 184160, risultatoCent: 280000 });
    expect(j.pip.voci.map((v: { servizio: string; valoreCent: number }) => [v.servizio, v.valoreCent])).toEqual([
      ['QD2', 6600], ['QD3', 11700], ['Q0C', 16500], ['QT8', 96000], ['QF0', 53360],
    ]);
    expect(j.dote.totali).toMatchObject({ pianificatiMinuti: 80 * 60, valorePianificatoCent: 184160 });
    const text = t.ok(['mostra', 'CR-2021-0001']).stdout;
    expect(text).toMatch(/v1 del 09\/04\/2021: 1\.841,60 €/);
    expect(text).toMatch(/Risultato \(inserimento lavorativo\): 2\.800,00 €, se raggiunto/);
    expect(sql(t.db, "SELECT entita, azione, entita_id FROM storia WHERE entita = 'pip'")).toEqual([{ entita: 'pip', azione: 'imposta', entita_id: '1' }]);
  });

  it('imposta refuses, changing nothing: over the caps, group hours without a group rate, a service the type lacks, a second version', () => {
    const t = withDote('1');
    t.refused(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QD2=2'], 1, /hours\/service-cap: QD2 individuali: 2 ore, oltre il massimo di 1 ora per la fascia 1/);
    t.refused(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QF0=40,5:coll'], 1, /QF0 collettive: 40 ore e 30 minuti, oltre il massimo di 40 ore/);
    t.refused(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QD3=1:coll'], 1, /QD3 non ha una tariffa collettiva/);
    t.refused(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QT5=1'], 1, /service\/not-in-dote: servizio QT5 non previsto dal tipo di dote D1-INS/);
    t.refused(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QT6=4', '--servizio', 'QT6=6:coll', '--servizio', 'QT8=11'], 1, /QT8 individuali: 11 ore/);
    t.ok(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QT6=4', '--servizio', 'QT6=6:coll']);
    t.refused(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QD2=1'], 1, /ha già un PIP \(versione 1/);
    t.refused(['pip', 'imposta', 'CR-2021-0099', '--servizio', 'QD2=1'], 1, /dote sconosciuta: CR-2021-0099/);
    t.refused(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QD2'], 2, /formato CODICE=ORE/);
    t.refused(['pip', 'imposta', 'CR-2021-0001'], 2, /almeno un --servizio/);
  });

  it('varia: new versions with reason and date, unnamed services kept, never above the value of version 1', () => {
    const t = withDote();
    t.ok(['pip', 'imposta', 'CR-2021-0001', ...PIP, '--data', '2021-04-09']);
    t.refused(['pip', 'varia', 'CR-2021-0001', '--servizio', 'QT8=20'], 2, /--motivo/);
    t.refused(['pip', 'varia', 'CR-2021-0001', '--motivo', 'più formazione', '--servizio', 'QF0=10'], 1, /valore 2\.161,60 € oltre il valore della dote, 1\.841,60 €/);
    t.refused(['pip', 'varia', 'CR-2021-0001', '--motivo', 'uguale', '--servizio', 'QT8=30'], 1, /non cambia il PIP/);
    t.refused(['pip', 'varia', 'CR-2021-0001', '--motivo', 'prima', '--servizio', 'QT8=20', '--data', '2021-04-08'], 1, /prima della versione 1/);
    const r = t.ok(['pip', 'varia', 'CR-2021-0001', '--motivo', 'tirocinio più breve, un po\' di formazione', '--servizio', 'QT8=20', '--servizio', 'QF0=5', '--servizio', 'QD3=0', '--data', '2021-05-10', '--json']);
    expect(r.json().pip).toMatchObject({ versione: 2, data: '2021-05-10', valoreCent: 6600 + 16500 + 64000 + 16000 + 53360, valoreDoteCent: 184160 });
    const j = t.ok(['mostra', 'CR-2021-0001', '--json']).json();
    expect(j.pip.versioneCorrente).toBe(2);
    expect(j.pip.versioni.map((v: { versione: number; motivo: string | null; valoreCent: number }) => [v.versione, v.motivo, v.valoreCent])).toEqual([
      [1, null, 184160],
      [2, "tirocinio più breve, un po' di formazione", 156460],
    ]);
    expect(j.servizi.map((s: { servizio: string; modalita: string; pianificatiMinuti: number }) => `${s.servizio}/${s.modalita}/${s.pianificatiMinuti}`)).toEqual([
      'QD2/individuale/120', 'Q0C/individuale/300', 'QT8/individuale/1200', 'QF0/individuale/300', 'QF0/collettiva/2400',
    ]);
    expect(t.ok(['mostra', 'CR-2021-0001']).stdout).toMatch(/v2 del 10\/05\/2021: 1\.564,60 € — tirocinio più breve/);
  });

  it('service/repeat: QD2 and Q0C refused for a person who had a disability dote in a previous annualità', () => {
    const t = setup();
    t.ok(['destinatario', 'misura', ROSSI, '--tipo', 'dote-disabili', '--annualita', '2019-2020', '--dal', '2019-10-01', '--al', '2020-09-30', '--servizi', 'QD2,Q0C']);
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '3', '--data', '2021-04-01']);
    t.refused(['pip', 'imposta', 'CR-2021-0001', ...PIP], 1, /service\/repeat: QD2 non ripetibile.*service\/repeat: Q0C non ripetibile/);
    t.ok(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QD3=3', '--servizio', 'QT8=30']);
    t.refused(['pip', 'varia', 'CR-2021-0001', '--motivo', 'colloquio', '--servizio', 'QD2=1', '--servizio', 'QT8=25'], 1, /service\/repeat: QD2/);
  });

  it('invia and valida: order, dates, and the end recomputed from the validation', () => {
    const t = withDote('1');
    t.refused(['pip', 'invia', 'CR-2021-0001', '--data', '2021-04-12'], 1, /non ha un PIP da inviare/);
    t.ok(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QD2=1', '--data', '2021-04-09']);
    t.refused(['pip', 'valida', 'CR-2021-0001', '--data', '2021-05-03'], 1, /non è ancora stato inviato/);
    t.refused(['pip', 'invia', 'CR-2021-0001', '--data', '2021-03-31'], 1, /prima dell'attivazione/);
    t.ok(['pip', 'invia', 'CR-2021-0001', '--data', '2021-04-12']);
    t.refused(['pip', 'invia', 'CR-2021-0001', '--data', '2021-04-13'], 1, /già stato inviato il 12\/04\/2021/);
    t.refused(['pip', 'valida', 'CR-2021-0001', '--data', '2021-04-11'], 1, /prima dell'invio/);
    const r = t.ok(['pip', 'valida', 'CR-2021-0001', '--data', '2021-05-03']);
    expect(r.stdout).toMatch(/validato il 03\/05\/2021: la dote termina il 03\/11\/2021/);
    const j = t.ok(['mostra', 'CR-2021-0001', '--json']).json();
    expect(j.date).toMatchObject({ attivazione: '2021-04-01', invioPip: '2021-04-12', validazionePip: '2021-05-03', fine: '2021-11-03' });
    expect(j.scadenze.map((s: { id: string; stato: string }) => `${s.id}:${s.stato}`)).toEqual(['invio-pip:rispettata', 'validazione-pip:rispettata', 'fine:in-corso']);
    expect(sql(t.db, "SELECT azione FROM storia WHERE entita = 'pip' ORDER BY id")).toEqual([{ azione: 'imposta' }, { azione: 'invia' }, { azione: 'valida' }]);
  });
});

describe('dote mostra: hours and value from the deliveries', () => {
  it('planned, programmed (PROGRAMMATA + AVVIATA), delivered (EROGATA), left; group hours apart', () => {
    const t = setup();
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '3', '--data', '2021-04-01']);
    t.ok(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QT8=30', '--servizio', 'QF0=10', '--servizio', 'QF0=40:coll', '--data', '2021-04-02']);
    erogazione(t.db, 'CR-2021-0001', 'QT8', '2021-04-06', 3, 'EROGATA');
    erogazione(t.db, 'CR-2021-0001', 'QT8', '2021-04-07', 2, 'EROGATA');
    erogazione(t.db, 'CR-2021-0001', 'QT8', '2021-04-08', 4, 'PROGRAMMATA');
    erogazione(t.db, 'CR-2021-0001', 'QT8', '2021-04-09', 1, 'AVVIATA');
    erogazione(t.db, 'CR-2021-0001', 'QT8', '2021-04-12', 2, 'ANNULLATA');
    erogazione(t.db, 'CR-2021-0001', 'QT8', '2021-04-13', 2, 'INSERITA');
    erogazione(t.db, 'CR-2021-0001', 'QF0', '2021-04-14', 4, 'EROGATA', 1);
    const j = t.ok(['mostra', 'CR-2021-0001', '--json']).json();
    const row = (s: string, m: string) => j.servizi.find((x: { servizio: string; modalita: string }) => x.servizio === s && x.modalita === m);
    expect(row('QT8', 'individuale')).toMatchObject({ pianificatiMinuti: 1800, programmatiMinuti: 300, erogatiMinuti: 300, inseritiMinuti: 120, residuiMinuti: 1200, valorePianificatoCent: 96000, valoreErogatoCent: 16000 });
    expect(row('QF0', 'individuale')).toMatchObject({ pianificatiMinuti: 600, erogatiMinuti: 0, residuiMinuti: 600 });
    expect(row('QF0', 'collettiva')).toMatchObject({ pianificatiMinuti: 2400, erogatiMinuti: 240, residuiMinuti: 2160, tariffaCent: 1334, valoreErogatoCent: 5336 });
    expect(j.totali).toMatchObject({ erogatiMinuti: 540, programmatiMinuti: 300, valoreErogatoCent: 21336 });
    const text = t.ok(['mostra', 'CR-2021-0001']).stdout;
    expect(text).toMatch(/QF0 \(coll\.\)\s+40\s+0\s+4\s+36\s+533,60 €\s+53,36 €/);
    expect(text).toMatch(/2 ore in erogazioni INSERITE/);
  });

  it('unknown dote: exit 1', () => {
    const t = setup();
    const r = t.run(['mostra', 'NOPE']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/dote sconosciuta: NOPE/);
  });
});

describe('dote concludi', () => {
  it('refuses while a delivery is open, listing it; then concludes; no PIP change afterwards', () => {
    const t = setup();
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '3', '--data', '2021-04-01']);
    t.ok(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QT8=30', '--data', '2021-04-02']);
    erogazione(t.db, 'CR-2021-0001', 'QT8', '2021-04-06', 3, 'EROGATA');
    erogazione(t.db, 'CR-2021-0001', 'QT8', '2021-04-08', 2, 'PROGRAMMATA');
    const id = sql<{ id: number }>(t.db, "SELECT id FROM erogazione WHERE stato = 'PROGRAMMATA'")[0]!.id;
    t.refused(['concludi', 'CR-2021-0001', '--data', '2021-06-30'], 1, new RegExp(`1 erogazione ancora aperta: ${id} 08/04/2021 QT8 PROGRAMMATA`));
    sql(t.db, "UPDATE erogazione SET stato = 'EROGATA' WHERE id = ?", id);
    t.refused(['concludi', 'CR-2021-0001', '--data', '2021-04-07'], 1, /EROGATA il 08\/04\/2021, dopo/);
    t.refused(['concludi', 'CR-2021-0001', '--data', '2021-03-31'], 1, /prima dell'inizio della dote/);
    const r = t.ok(['concludi', 'CR-2021-0001', '--data', '2021-06-15', '--json']);
    expect(r.json().dote).toMatchObject({ stato: 'CONCLUSA', date: { conclusione: '2021-06-15' } });
    expect(r.json().dote.scadenze.find((s: { id: string }) => s.id === 'liquidazione')).toMatchObject({ entro: '2021-07-15', stato: 'in-corso' });
    t.refused(['pip', 'varia', 'CR-2021-0001', '--motivo', 'x', '--servizio', 'QT8=10'], 1, /stato CONCLUSA: l'azione "pip varia" non è consentita/);
    t.refused(['concludi', 'CR-2021-0001'], 1, /stato CONCLUSA/);
  });
});

describe('Job Coach requests', () => {
  function withRequest(oggi = '2022-07-01') {
    const t = setup(oggi);
    const r = t.ok(['nuova', '--tipo', 'JC-BASE', '--id', 'jc-1-1103/022', '--destinatario', VERDI, '--data', '2022-06-28', '--json']);
    return { t, j: r.json() };
  }

  it('nuova: PROPOSTA from the notification, five activities with their hours', () => {
    const { t, j } = withRequest();
    expect(j.dote).toMatchObject({ id: 'JC-1-1103/022', bando: 'veneto-jc-2022', stato: 'PROPOSTA', fascia: null, date: { richiesta: '2022-06-28', notifica: '2022-06-28', fine: null } });
    expect(sql(t.db, 'SELECT servizio, minuti, stato FROM attivita ORDER BY rowid')).toEqual([
      { servizio: 'JC-AN', minuti: 240, stato: 'PROPOSTA' },
      { servizio: 'JC-DE', minuti: 480, stato: 'PROPOSTA' },
      { servizio: 'JC-PU', minuti: 240, stato: 'PROPOSTA' },
      { servizio: 'JC-SU', minuti: 240, stato: 'PROPOSTA' },
      { servizio: 'JC-AL', minuti: 2640, stato: 'PROPOSTA' },
    ]);
    expect(j.dote.totali.valorePianificatoCent).toBe(243200);
    expect(sql(t.db, "SELECT count(*) AS n FROM storia WHERE entita = 'attivita' AND azione = 'nuova'")).toEqual([{ n: 5 }]);
    t.refused(['nuova', '--tipo', 'JC-RINF', '--destinatario', ROSSI, '--id', 'CR-1'], 2, /non è un codice OPAL/);
    const rinf = t.ok(['nuova', '--tipo', 'JC-RINF', '--destinatario', ROSSI, '--id', 'JC-1-1103/002', '--data', '2022-06-29']);
    expect(rinf.stdout).toMatch(/JC-AL-R 52 ore/);
  });

  it('ammetti within 7 days: AMMESSO AL SERVIZIO until the bando end', () => {
    const { t } = withRequest('2022-07-05');
    t.refused(['ammetti', 'JC-1-1103/022', '--data', '2022-06-27'], 1, /precede la notifica/);
    const r = t.ok(['ammetti', 'JC-1-1103/022', '--json']);
    expect(r.json().dote).toMatchObject({ stato: 'AMMESSO AL SERVIZIO', date: { ammissione: '2022-07-05', fine: '2023-12-31' } });
    t.refused(['ammetti', 'JC-1-1103/022'], 1, /stato AMMESSO AL SERVIZIO: l'azione "ammetti" non è consentita \(azioni consentite: concludi\)/);
    t.refused(['rifiuta', 'JC-1-1103/022', '--motivo', 'x'], 1, /non è consentita/);
  });

  it('within the 7 days an answer given on an earlier day is recorded with its date', () => {
    const { t } = withRequest();
    const r = t.ok(['ammetti', 'JC-1-1103/022', '--data', '2022-06-30'], { DOTE_OGGI: '2022-07-05' });
    // The state as the Job Coach manual writes it ("ammesso al servizio"), never "AMMESSA".
    expect(r.stdout).toMatch(/^Voucher JC-1-1103\/022 AMMESSO AL SERVIZIO il 30\/06\/2022: vale fino al 31\/12\/2023\.$/m);
    expect(r.stdout).not.toMatch(/AMMESSA/);
    expect(sql(t.db, "SELECT stato, data_ammissione FROM dote WHERE id = 'JC-1-1103/022'")).toEqual([{ stato: 'AMMESSO AL SERVIZIO', data_ammissione: '2022-06-30' }]);
  });

  it('after 7 days with no answer: shown CANCELLATA, admission refused naming the deadline, nothing stored until a later write', () => {
    const { t } = withRequest();
    const late = { DOTE_OGGI: '2022-07-06' };
    t.refused(['ammetti', 'JC-1-1103/022'], 1, /CANCELLATA: .*entro il 05\/07\/2022, 7 giorni dalla notifica del 28\/06\/2022/, late);
    t.refused(['rifiuta', 'JC-1-1103/022', '--motivo', 'tardi'], 1, /CANCELLATA/, late);
    const list = t.ok(['elenco', '--json'], late).json();
    expect(list[0]).toMatchObject({ id: 'JC-1-1103/022', stato: 'CANCELLATA', statoRegistrato: 'PROPOSTA', statoAutomatico: expect.stringMatching(/05\/07\/2022/) });
    expect(t.ok(['elenco', '--stato', 'cancellata'], late).stdout).toMatch(/JC-1-1103\/022 .*CANCELLATA \*/);
    expect(t.ok(['elenco', '--stato', 'PROPOSTA', '--json'], late).json()).toEqual([]);
    // Past the deadline an earlier --data does not reopen it: the request is CANCELLATA.
    t.refused(['ammetti', 'JC-1-1103/022', '--data', '2022-07-01'], 1, /CANCELLATA: non si può più ammetterla/, late);
    expect(sql(t.db, 'SELECT stato FROM dote')).toEqual([{ stato: 'PROPOSTA' }]);
    // A new request for the same person is allowed (the cancelled one is not active) and stores the cancellation.
    t.ok(['nuova', '--tipo', 'JC-BASE', '--id', 'JC-1-1103/030', '--destinatario', VERDI, '--data', '2022-07-06'], late);
    expect(sql(t.db, "SELECT stato FROM dote WHERE id = 'JC-1-1103/022'")).toEqual([{ stato: 'CANCELLATA' }]);
    expect(sql(t.db, "SELECT azione, operatore FROM storia WHERE dote_id = 'JC-1-1103/022' AND entita = 'dote' ORDER BY id")).toEqual([
      { azione: 'nuova', operatore: 'test' },
      { azione: 'cancellazione-automatica', operatore: 'test' },
    ]);
  });

  it('an answer given in time must be recorded by the deadline: afterwards even its own date is refused', () => {
    const { t } = withRequest();
    t.refused(['ammetti', 'JC-1-1103/022', '--data', '2022-07-05'], 1, /richiesta JC-1-1103\/022 CANCELLATA: non si può più ammetterla/, { DOTE_OGGI: '2022-07-08' });
    const r = t.ok(['ammetti', 'JC-1-1103/022', '--data', '2022-07-05', '--json'], { DOTE_OGGI: '2022-07-05' });
    expect(r.json().dote.stato).toBe('AMMESSO AL SERVIZIO');
  });

  it('rifiuta: the reason is required', () => {
    const { t } = withRequest();
    t.refused(['rifiuta', 'JC-1-1103/022'], 2, /--motivo/);
    t.refused(['rifiuta', 'JC-1-1103/022', '--motivo', '  '], 2, /--motivo obbligatorio/);
    const r = t.ok(['rifiuta', 'JC-1-1103/022', '--motivo', 'bisogni non coerenti con la specializzazione', '--json']);
    expect(r.json().dote).toMatchObject({ stato: 'RIFIUTATA', motivoRifiuto: 'bisogni non coerenti con la specializzazione', date: { rifiuto: '2022-07-01' } });
    expect(r.json().dote.scadenze).toEqual([expect.objectContaining({ id: 'ammissione', stato: 'rispettata' })]);
  });

  it('one active request per person; a PIP is refused for a voucher', () => {
    const { t } = withRequest();
    t.refused(['nuova', '--tipo', 'JC-RINF', '--id', 'JC-1-1103/023', '--destinatario', VERDI, '--data', '2022-06-30'], 1, /dote\/one-active: .*JC-1-1103\/022 \(JC-BASE, PROPOSTA\)/);
    t.refused(['pip', 'imposta', 'JC-1-1103/022', '--servizio', 'JC-AN=4'], 1, /non ha un PIP/);
  });

  it('concludi: activities with an EROGATA delivery become TERMINATA, the others are reported', () => {
    const { t } = withRequest();
    t.ok(['ammetti', 'JC-1-1103/022']);
    erogazione(t.db, 'JC-1-1103/022', 'JC-AN', '2022-07-04', 2, 'EROGATA');
    erogazione(t.db, 'JC-1-1103/022', 'JC-DE', '2022-07-05', 3, 'EROGATA');
    erogazione(t.db, 'JC-1-1103/022', 'JC-DE', '2022-07-06', 1, 'CHIUSA NEGATIVAMENTE');
    sql(t.db, "UPDATE attivita SET stato = 'INIZIATA' WHERE servizio IN ('JC-AN', 'JC-DE')");
    const r = t.ok(['concludi', 'JC-1-1103/022', '--data', '2022-07-20'], { DOTE_OGGI: '2022-07-20' });
    expect(r.stdout).toMatch(/Attività TERMINATE: JC-AN, JC-DE/);
    expect(r.stdout).toMatch(/senza ore erogate.*JC-PU, JC-SU, JC-AL/);
    expect(r.stdout).toMatch(/Prossima scadenza: Caricamento dei documenti di rendicontazione, entro il 18\/09\/2022/);
    expect(sql(t.db, 'SELECT servizio, stato, data_conclusione FROM attivita ORDER BY rowid')).toEqual([
      { servizio: 'JC-AN', stato: 'TERMINATA', data_conclusione: '2022-07-20' },
      { servizio: 'JC-DE', stato: 'TERMINATA', data_conclusione: '2022-07-20' },
      { servizio: 'JC-PU', stato: 'PROPOSTA', data_conclusione: null },
      { servizio: 'JC-SU', stato: 'PROPOSTA', data_conclusione: null },
      { servizio: 'JC-AL', stato: 'PROPOSTA', data_conclusione: null },
    ]);
    expect(sql(t.db, "SELECT entita_id, azione FROM storia WHERE entita = 'attivita' AND azione = 'concludi' ORDER BY id")).toEqual([
      { entita_id: 'JC-AN', azione: 'concludi' },
      { entita_id: 'JC-DE', azione: 'concludi' },
    ]);
  });
});

describe('dote scadenze', () => {
  it('lists unmet deadlines soonest first, overdue ones marked, --entro keeps those within N days plus the overdue', () => {
    const t = setup('2022-04-20');
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '3', '--data', '2022-04-08']);
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', VERDI, '--fascia', '1', '--data', '2022-03-01']);
    const all = t.ok(['scadenze', '--json']).json();
    expect(all.oggi).toBe('2022-04-20');
    expect(all.scadenze.map((s: { doteId: string; id: string; entro: string; stato: string; giorniMancanti: number }) => [s.doteId, s.id, s.entro, s.stato, s.giorniMancanti])).toEqual([
      ['CR-2022-0002', 'invio-pip', '2022-03-15', 'scaduta', -36],
      ['CR-2022-0001', 'invio-pip', '2022-04-26', 'in-corso', 6],
      ['CR-2022-0001', 'fine', '2022-06-30', 'in-corso', 71],
      ['CR-2022-0002', 'fine', '2022-06-30', 'in-corso', 71],
    ]);
    expect(all.riepilogo).toEqual({ totale: 4, scadute: 1 });
    const soon = t.ok(['scadenze', '--entro', '10', '--json']).json();
    expect(soon.scadenze.map((s: { doteId: string; id: string }) => `${s.doteId} ${s.id}`)).toEqual(['CR-2022-0002 invio-pip', 'CR-2022-0001 invio-pip']);
    const text = t.ok(['scadenze', '--entro', '10']).stdout;
    expect(text).toMatch(/15\/03\/2022\s+SCADUTA da 36 giorni\s+CR-2022-0002/);
    expect(text).toMatch(/26\/04\/2022\s+tra 6 giorni\s+CR-2022-0001/);
    t.refused(['scadenze', '--entro', 'dieci'], 2, /--entro/);
  });

  it('refused and cancelled requests have none; liquidation closes a dote', () => {
    const t = setup('2022-07-01');
    t.ok(['nuova', '--tipo', 'JC-BASE', '--id', 'JC-1-1103/022', '--destinatario', VERDI, '--data', '2022-06-28']);
    t.ok(['nuova', '--tipo', 'JC-BASE', '--id', 'JC-1-1103/023', '--destinatario', ROSSI, '--data', '2022-06-28']);
    t.ok(['rifiuta', 'JC-1-1103/023', '--motivo', 'specializzazione']);
    expect(t.ok(['scadenze', '--json']).json().scadenze.map((s: { doteId: string; id: string }) => `${s.doteId} ${s.id}`)).toEqual(['JC-1-1103/022 ammissione']);
    expect(t.ok(['scadenze', '--json'], { DOTE_OGGI: '2022-07-06' }).json().scadenze).toEqual([]);
    expect(t.ok(['scadenze'], { DOTE_OGGI: '2022-07-06' }).stdout).toMatch(/Nessuna scadenza al 06\/07\/2022/);
  });

  it('liquidation met by a row in liquidazione', () => {
    const t = setup('2021-07-01');
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '1', '--data', '2021-04-01']);
    t.ok(['pip', 'imposta', 'CR-2021-0001', '--servizio', 'QD2=1', '--data', '2021-04-02']);
    t.ok(['pip', 'invia', 'CR-2021-0001', '--data', '2021-04-06']);
    t.ok(['pip', 'valida', 'CR-2021-0001', '--data', '2021-04-20']);
    t.ok(['concludi', 'CR-2021-0001', '--data', '2021-06-15']);
    const before = t.ok(['scadenze', '--json']).json().scadenze;
    expect(before.map((s: { id: string; entro: string; stato: string }) => [s.id, s.entro, s.stato])).toEqual([['liquidazione', '2021-07-15', 'in-corso']]);
    sql(t.db, "INSERT INTO liquidazione (dote_id, data, creata_il) VALUES ('CR-2021-0001', '2021-07-10', 'x')");
    expect(t.ok(['scadenze', '--json']).json().scadenze).toEqual([]);
  });
});

describe('dote elenco', () => {
  it('filters by bando and state; unknown state is a usage error', () => {
    const t = setup('2022-07-01');
    t.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '1', '--data', '2022-03-01']);
    t.ok(['nuova', '--tipo', 'JC-BASE', '--id', 'JC-1-1103/022', '--destinatario', VERDI, '--data', '2022-06-28']);
    expect(t.ok(['elenco', '--json']).json().map((d: { id: string }) => d.id)).toEqual(['CR-2022-0001', 'JC-1-1103/022']);
    expect(t.ok(['elenco', '--bando', 'veneto-jc-2022', '--json']).json().map((d: { id: string }) => d.id)).toEqual(['JC-1-1103/022']);
    expect(t.ok(['elenco', '--stato', 'attiva', '--json']).json().map((d: { id: string }) => d.id)).toEqual(['CR-2022-0001']);
    t.refused(['elenco', '--stato', 'boh'], 2, /--stato: "boh" non valido/);
    t.refused(['elenco', '--bando', 'nessuno'], 2, /bando sconosciuto/);
    const text = t.ok(['elenco']).stdout;
    expect(text).toMatch(/CR-2022-0001\s+D1-INS\s+ATTIVA\s+Rossi Mario\s+RSSMRA80A01D150J\s+1 b\s+01\/03\/2022\s+30\/06\/2022/);
    expect(text).toMatch(/2 doti\./);
  });
});
