/** The registry: dote ente, sede, professionista, destinatario (issue 2, item 4). */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dote, dumpDb, sql, withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup() {
  const t = withDb();
  cleanups.push(t.cleanup);
  return t;
}

const TABLES = ['ente', 'sede', 'professionista', 'destinatario', 'misura_esterna', 'dote'];

/** Every row of the registry tables, to compare before and after a refused command. */
const dump = (file: string) => dumpDb(file, TABLES);

function expectRefused(t: ReturnType<typeof setup>, args: string[], status: 1 | 2, message: RegExp) {
  const before = dump(t.db);
  const r = t.run(args);
  expect(r.status, r.stderr).toBe(status);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/at .*\.js/);
  expect(r.stdout).toBe('');
  expect(dump(t.db)).toEqual(before);
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe('dote ente', () => {
  it('sets the operator data: IBAN normalised and checked, logo stored as an absolute path', () => {
    const t = setup();
    writeFileSync(path.join(t.dir, 'logo.png'), PNG);
    const r = t.run([
      'ente', 'imposta', '--nome', 'Cooperativa  Esempio', '--codice', '1234', '--indirizzo', 'Via Dante 1, Cremona',
      '--pec', 'esempio@pec.it', '--iban', 'it60 x054 2811 1010 0000 0123 456', '--logo', 'logo.png',
      '--rappresentante', 'Maria Bianchi', '--oggi', '2022-06-28', '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json()).toEqual({
      nome: 'Cooperativa Esempio',
      codice: '1234',
      indirizzo: 'Via Dante 1, Cremona',
      pec: 'esempio@pec.it',
      iban: 'IT60X0542811101000000123456',
      logo: path.join(t.dir, 'logo.png'),
      rappresentante: 'Maria Bianchi',
      conservazioneAnni: null,
      aggiornatoIl: '2022-06-28',
    });
    const text = t.run(['ente', 'mostra']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/IBAN:\s+IT60 X054 2811 1010 0000 0123 456/);
    expect(text.stdout).toMatch(/Aggiornato il:\s+28\/06\/2022/);
    expect(t.run(['ente', 'mostra', '--json']).json().iban).toBe('IT60X0542811101000000123456');
  });

  it('updates only the options given; "" clears an optional field', () => {
    const t = setup();
    expect(t.run(['ente', 'imposta', '--nome', 'Coop', '--pec', 'a@pec.it', '--iban', 'IT60X0542811101000000123456']).status).toBe(0);
    const r = t.run(['ente', 'imposta', '--pec', '', '--codice', 'X9', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ nome: 'Coop', pec: null, codice: 'X9', iban: 'IT60X0542811101000000123456' });
  });

  it('refuses a wrong IBAN with exit 1 and changes nothing', () => {
    const t = setup();
    expect(t.run(['ente', 'imposta', '--nome', 'Coop', '--iban', 'IT60X0542811101000000123456']).status).toBe(0);
    expectRefused(t, ['ente', 'imposta', '--nome', 'Altro nome', '--iban', 'IT61X0542811101000000123456'], 1, /IBAN non valido: cifre di controllo/);
    expectRefused(t, ['ente', 'imposta', '--iban', 'IT60X054281110100000012345'], 1, /27 caratteri/);
  });

  it('refuses a missing or non-image logo, a bad PEC, a first call without --nome (exit 2)', () => {
    const t = setup();
    expectRefused(t, ['ente', 'imposta', '--iban', 'IT60X0542811101000000123456'], 2, /--nome è obbligatorio la prima volta/);
    expect(t.run(['ente', 'imposta', '--nome', 'Coop']).status).toBe(0);
    writeFileSync(path.join(t.dir, 'logo.txt'), 'non sono un logo');
    expectRefused(t, ['ente', 'imposta', '--logo', 'manca.png'], 2, /--logo: file non trovato/);
    expectRefused(t, ['ente', 'imposta', '--logo', 'logo.txt'], 2, /non è un'immagine PNG o JPEG/);
    expectRefused(t, ['ente', 'imposta', '--pec', 'non-una-pec'], 2, /--pec: indirizzo non valido/);
    expectRefused(t, ['ente', 'imposta', '--nome', ''], 2, /--nome: valore vuoto/);
    expectRefused(t, ['ente', 'imposta'], 2, /niente da impostare/);
  });

  it('mostra before imposta: exit 1, non trovato', () => {
    const t = setup();
    const r = t.run(['ente', 'mostra']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ente non trovato/);
  });
});

describe('dote sede', () => {
  it('adds sedi with the patron day as MM-DD; elenco and mostra (any case)', () => {
    const t = setup();
    const r = t.run(['sede', 'aggiungi', 'Cremona centro', '--comune', 'Cremona', '--patrono', '13/11', '--indirizzo', 'Via Dante 1', '--responsabile', 'Luca Verdi', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json()).toEqual({ nome: 'Cremona centro', comune: 'Cremona', patrono: '11-13', indirizzo: 'Via Dante 1', responsabile: 'Luca Verdi' });
    expect(t.run(['sede', 'aggiungi', 'Padova', '--comune', 'Padova', '--patrono', '13/6']).stdout).toMatch(/Sede "Padova" aggiunta: Padova, patrono 13\/06/);
    expect(t.run(['sede', 'aggiungi', 'Sportello Crema', '--comune', 'Crema']).status).toBe(0);
    const list = t.run(['sede', 'elenco', '--json']).json();
    expect(list.map((s: { nome: string; patrono: string | null }) => [s.nome, s.patrono])).toEqual([
      ['Cremona centro', '11-13'],
      ['Padova', '06-13'],
      ['Sportello Crema', null],
    ]);
    expect(t.run(['sede', 'elenco']).stdout).toMatch(/Cremona centro\s+Cremona\s+13\/11/);
    const one = t.run(['sede', 'mostra', 'CREMONA CENTRO', '--json']);
    expect(one.status).toBe(0);
    expect(one.json().patrono).toBe('11-13');
    expect(t.run(['sede', 'mostra', 'padova']).stdout).toMatch(/Patrono:\s+13\/06/);
  });

  it('refuses impossible patron days (exit 2), duplicates (exit 1), unknown sede (exit 1)', () => {
    const t = setup();
    expect(t.run(['sede', 'aggiungi', 'Cremona centro', '--comune', 'Cremona', '--patrono', '13/11']).status).toBe(0);
    expectRefused(t, ['sede', 'aggiungi', 'Treviso', '--comune', 'Treviso', '--patrono', '31/04'], 2, /31\/04 non esiste \(aprile ha 30 giorni\)/);
    expectRefused(t, ['sede', 'aggiungi', 'Treviso', '--comune', 'Treviso', '--patrono', '27-13'], 2, /mese non valido/);
    expectRefused(t, ['sede', 'aggiungi', 'Treviso', '--comune', 'Treviso', '--patrono', 'aprile'], 2, /formato GG\/MM/);
    expectRefused(t, ['sede', 'aggiungi', 'cremona  CENTRO', '--comune', 'Cremona'], 1, /esiste già/);
    expectRefused(t, ['sede', 'aggiungi', 'Verona'], 2, /opzione obbligatoria mancante: --comune/);
    const r = t.run(['sede', 'mostra', 'Verona']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/sede non trovata: "Verona"/);
  });
});

describe('dote professionista', () => {
  it('adds professionals and finds them by code or by full name, either order', () => {
    const t = setup();
    const r = t.run(['professionista', 'aggiungi', 'PR01', '--nome', 'Anna Neri', '--ruolo', 'job coach', '--qualifica', 'psicologa', '--anni-esperienza', '8', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json()).toEqual({ codice: 'PR01', nome: 'Anna Neri', ruolo: 'job coach', ente: null, qualifica: 'psicologa', anniEsperienza: 8 });
    expect(t.run(['professionista', 'aggiungi', 'COOP02', '--nome', 'Paolo Gialli', '--ente', 'Cooperativa Il Ponte']).status).toBe(0);
    for (const key of ['PR01', 'pr01', 'Anna Neri', 'anna  neri', 'Neri Anna']) {
      const m = t.run(['professionista', 'mostra', key, '--json']);
      expect(m.status, `${key}: ${m.stderr}`).toBe(0);
      expect(m.json().codice).toBe('PR01');
    }
    expect(t.run(['professionista', 'mostra', 'Paolo Gialli']).stdout).toMatch(/Organizzazione partner:\s+Cooperativa Il Ponte/);
    const list = t.run(['professionista', 'elenco', '--json']).json();
    expect(list.map((p: { codice: string }) => p.codice)).toEqual(['PR01', 'COOP02']);
    expect(t.run(['professionista', 'elenco']).stdout).toMatch(/COOP02\s+Paolo Gialli\s+—\s+Cooperativa Il Ponte/);
  });

  it('refuses a code or name that already identifies someone (exit 1), bad values (exit 2), unknown (exit 1)', () => {
    const t = setup();
    expect(t.run(['professionista', 'aggiungi', 'PR01', '--nome', 'Anna Neri']).status).toBe(0);
    expectRefused(t, ['professionista', 'aggiungi', 'pr01', '--nome', 'Altra Persona'], 1, /identifica già il professionista PR01/);
    expectRefused(t, ['professionista', 'aggiungi', 'PR02', '--nome', 'Neri Anna'], 1, /identifica già il professionista PR01/);
    expectRefused(t, ['professionista', 'aggiungi', 'PR03', '--nome', 'Carlo Blu', '--anni-esperienza', 'tre'], 2, /--anni-esperienza: "tre" non valido/);
    expectRefused(t, ['professionista', 'aggiungi', 'PR 03', '--nome', 'Carlo Blu'], 2, /contiene spazi/);
    expectRefused(t, ['professionista', 'aggiungi', 'PR03'], 2, /--nome/);
    const r = t.run(['professionista', 'mostra', 'Mario Bianchi']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/professionista non trovato: "Mario Bianchi"/);
  });
});

describe('dote destinatario', () => {
  const OGGI = ['--oggi', '2024-05-10'];

  it('registers a person: birth date and sex from the CF, age at --oggi, flags', () => {
    const t = setup();
    const r = t.run([
      'destinatario', 'aggiungi', '--cf', 'rssmra85t10a562s', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'psichica',
      '--l68', '--did', '--nuovo-iscritto', '--email', 'mario.rossi@example.it', '--telefono', '0372 123456', '--residenza', 'Via Roma 1, Cremona',
      '--titolo-studio', 'licenza media', '--luogo-nascita', 'Ancona', ...OGGI, '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json()).toEqual({
      cf: 'RSSMRA85T10A562S', nome: 'Mario', cognome: 'Rossi', sesso: 'M', dataNascita: '1985-12-10', eta: 38,
      codiceComuneNascita: 'A562', luogoNascita: 'Ancona', disabilita: 'psichica',
      l68: true, did: true, occupato: false, ammortizzatoriCovid: false, nuovoIscritto: true,
      email: 'mario.rossi@example.it', telefono: '0372 123456', residenza: 'Via Roma 1, Cremona', domicilio: null,
      titoloStudio: 'licenza media', creatoIl: '2024-05-10', anonimizzatoIl: null, misureEsterne: [], doti: [],
    });
    const f = t.run(['destinatario', 'aggiungi', '--cf', 'VRDLRA90A41H501V', '--nome', 'Laura', '--cognome', 'Verdi', '--occupato', '--ammortizzatori-covid', ...OGGI]);
    expect(f.status, f.stderr).toBe(0);
    expect(f.stdout).toMatch(/Verdi Laura, nata il 01\/01\/1990 \(34 anni\)/);
    // An omocode variant is a different, valid code.
    const o = t.run(['destinatario', 'aggiungi', '--cf', 'RSSMRA85T10A56NH', '--nome', 'Mario', '--cognome', 'Rossi', ...OGGI, '--json']);
    expect(o.status, o.stderr).toBe(0);
    expect(o.json()).toMatchObject({ cf: 'RSSMRA85T10A56NH', dataNascita: '1985-12-10', codiceComuneNascita: 'A562' });

    const list = t.run(['destinatario', 'elenco', '--oggi', '2024-12-10', '--json']).json();
    expect(list.map((d: { cf: string; eta: number }) => [d.cf, d.eta])).toEqual([
      ['RSSMRA85T10A562S', 39],
      ['RSSMRA85T10A56NH', 39],
      ['VRDLRA90A41H501V', 34],
    ]);
    expect(list[2]).toMatchObject({ sesso: 'F', occupato: true, ammortizzatoriCovid: true, numeroDoti: 0, numeroMisureEsterne: 0 });
    expect(t.run(['destinatario', 'elenco', ...OGGI]).stdout).toMatch(/RSSMRA85T10A562S\s+Rossi\s+Mario\s+M\s+10\/12\/1985\s+38\s+psichica\s+L68 DID nuovo/);
  });

  it('refuses an invalid CF with the reason (exit 1), a CF already registered (exit 1), bad values (exit 2)', () => {
    const t = setup();
    expect(t.run(['destinatario', 'aggiungi', '--cf', 'RSSMRA85T10A562S', '--nome', 'Mario', '--cognome', 'Rossi']).status).toBe(0);
    const base = ['destinatario', 'aggiungi', '--nome', 'Ugo', '--cognome', 'Blu'];
    expectRefused(t, [...base, '--cf', 'RSSMRA85T10A562X'], 1, /codice fiscale non valido: carattere di controllo errato: "X", atteso "S"/);
    expectRefused(t, [...base, '--cf', 'BNCGLI00B30F205M'], 1, /data di nascita impossibile: 30 febbraio 2000/);
    expectRefused(t, [...base, '--cf', 'RSSMRA85T10A56'], 1, /16 caratteri \(ne ha 14\)/);
    expectRefused(t, [...base, '--cf', ' rssmra85t10a562s'], 1, /RSSMRA85T10A562S è già registrato \(Rossi Mario\)/);
    expectRefused(t, [...base, '--cf', 'VRDLRA90A41H501V', '--disabilita', 'lieve'], 2, /--disabilita: "lieve" non valida/);
    expectRefused(t, [...base, '--cf', 'VRDLRA90A41H501V', '--email', 'non-una-mail'], 2, /--email: indirizzo non valido/);
    expectRefused(t, ['destinatario', 'aggiungi', '--cf', 'VRDLRA90A41H501V', '--nome', 'Laura'], 2, /--cognome/);
    const r = t.run(['destinatario', 'mostra', 'VRDLRA90A41H501V']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/destinatario non trovato: nessuno con codice fiscale VRDLRA90A41H501V/);
  });

  it('records external measures, shown in mostra with the doti', () => {
    const t = setup();
    expect(t.run(['destinatario', 'aggiungi', '--cf', 'RSSMRA85T10A562S', '--nome', 'Mario', '--cognome', 'Rossi', '--l68']).status).toBe(0);
    const m = t.run([
      'destinatario', 'misura', 'rssmra85t10a562s', '--tipo', 'dote-disabili', '--annualita', '2019/2020', '--dal', '01/10/2019', '--al', '30/09/2020',
      '--operatore-misura', 'Cooperativa Altra', '--azienda', 'Rossi Srl', '--servizi', 'qd2, Q0C,Inserimento', '--note', 'da fascicolo', '--json',
    ]);
    expect(m.status, m.stderr).toBe(0);
    expect(m.json()).toEqual({
      cf: 'RSSMRA85T10A562S', id: 1, tipo: 'dote-disabili', dal: '2019-10-01', al: '2020-09-30', annualita: '2019-2020',
      operatore: 'Cooperativa Altra', azienda: 'Rossi Srl', servizi: ['QD2', 'Q0C', 'inserimento'], note: 'da fascicolo',
    });
    const dul = t.run(['destinatario', 'misura', 'RSSMRA85T10A562S', '--tipo', 'dul', '--dal', '2021-01-15']);
    expect(dul.status, dul.stderr).toBe(0);
    expect(dul.stdout).toMatch(/Misura esterna DUL registrata per RSSMRA85T10A562S, dal 15\/01\/2021, senza data di fine/);
    // The servizi column is read by the repeat rules as a comma-separated list.
    expect(sql(t.db, 'SELECT servizi FROM misura_esterna WHERE id = 1')).toEqual([{ servizi: 'QD2,Q0C,inserimento' }]);
    // A dote of this person (created by `dote nuova` in real use).
    sql(
      t.db,
      `INSERT INTO dote (id, bando, tipo, destinatario_id, fascia, stato, data_richiesta, creata_il)
       VALUES ('CR-2021-001', 'cremona-2021', 'D1-INS', 1, 3, 'ATTIVA', '2021-03-22', '2021-03-22')`,
    );

    const v = t.run(['destinatario', 'mostra', 'RSSMRA85T10A562S', '--oggi', '2021-03-22', '--json']);
    expect(v.status, v.stderr).toBe(0);
    const j = v.json();
    expect(j.eta).toBe(35);
    expect(j.misureEsterne.map((x: { tipo: string }) => x.tipo)).toEqual(['dote-disabili', 'DUL']);
    expect(j.doti).toEqual([
      { id: 'CR-2021-001', bando: 'cremona-2021', tipo: 'D1-INS', stato: 'ATTIVA', fascia: 3, linea: null, azienda: null, dataRichiesta: '2021-03-22', dataAttivazione: null, dataConclusione: null, dataFine: null },
    ]);
    const text = t.run(['destinatario', 'mostra', 'RSSMRA85T10A562S', '--oggi', '2021-03-22']).stdout;
    expect(text).toMatch(/Nato\/a il:\s+10\/12\/1985 \(35 anni\)/);
    expect(text).toMatch(/dote-disabili\s+dal 01\/10\/2019 al 30\/09\/2020\s+2019-2020\s+Cooperativa Altra\s+Rossi Srl\s+QD2, Q0C, inserimento/);
    expect(text).toMatch(/CR-2021-001\s+cremona-2021\s+D1-INS\s+3\s+ATTIVA\s+22\/03\/2021/);
    expect(t.run(['destinatario', 'elenco', '--json']).json()[0]).toMatchObject({ numeroDoti: 1, numeroMisureEsterne: 2 });
  });

  it('refuses bad measures: unknown CF (exit 1), bad type, dates, --al before --dal (exit 2)', () => {
    const t = setup();
    expect(t.run(['destinatario', 'aggiungi', '--cf', 'RSSMRA85T10A562S', '--nome', 'Mario', '--cognome', 'Rossi']).status).toBe(0);
    const m = ['destinatario', 'misura', 'RSSMRA85T10A562S'];
    expectRefused(t, ['destinatario', 'misura', 'VRDLRA90A41H501V', '--tipo', 'DUL', '--dal', '2021-01-15'], 1, /destinatario non trovato/);
    expectRefused(t, [...m, '--tipo', 'reddito', '--dal', '2021-01-15'], 2, /--tipo: "reddito" non valido \(dote-disabili, DUL, garanzia-giovani\)/);
    expectRefused(t, [...m, '--tipo', 'DUL', '--dal', '31/04/2021'], 2, /--dal: data non valida "31\/04\/2021"/);
    expectRefused(t, [...m, '--tipo', 'DUL', '--dal', '15/01/2021', '--al', '14/01/2021'], 2, /--al 14\/01\/2021 è prima di --dal 15\/01\/2021/);
    expectRefused(t, [...m, '--tipo', 'DUL', '--dal', '15/01/2021', '--annualita', '2019-2021'], 2, /--annualita/);
    expectRefused(t, [...m, '--tipo', 'DUL', '--dal', '15/01/2021', '--servizi', 'QD2,Q 0C'], 2, /--servizi: "Q 0C"/);
    expectRefused(t, [...m, '--tipo', 'DUL'], 2, /--dal/);
  });

  it('modifica changes the given fields only; the CF never changes', () => {
    const t = setup();
    expect(t.run(['destinatario', 'aggiungi', '--cf', 'RSSMRA85T10A562S', '--nome', 'Mario', '--cognome', 'Rossi', '--l68', '--email', 'a@b.it']).status).toBe(0);
    const r = t.run(['destinatario', 'modifica', 'RSSMRA85T10A562S', '--no-l68', '--did', '--domicilio', 'Via Po 3', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ cf: 'RSSMRA85T10A562S', l68: false, did: true, email: 'a@b.it', domicilio: 'Via Po 3', dataNascita: '1985-12-10' });
    expectRefused(t, ['destinatario', 'modifica', 'RSSMRA85T10A562S'], 2, /niente da modificare/);
    expectRefused(t, ['destinatario', 'modifica', 'RSSMRA85T10A562S', '--disabilita', 'boh'], 2, /--disabilita/);
    expectRefused(t, ['destinatario', 'modifica', 'VRDLRA90A41H501V', '--did'], 1, /destinatario non trovato/);
  });
});

describe('help', () => {
  it('every registry command has an example', () => {
    const cmds = [
      ['ente', 'imposta'], ['ente', 'mostra'],
      ['sede', 'aggiungi'], ['sede', 'elenco'], ['sede', 'mostra'],
      ['professionista', 'aggiungi'], ['professionista', 'elenco'], ['professionista', 'mostra'],
      ['destinatario', 'aggiungi'], ['destinatario', 'modifica'], ['destinatario', 'elenco'], ['destinatario', 'mostra'], ['destinatario', 'misura'],
    ];
    for (const c of cmds) {
      const r = dote([...c, '--help']);
      expect(r.status, c.join(' ')).toBe(0);
      expect(r.stdout, c.join(' ')).toMatch(new RegExp(`Esemp(io|i):\\n  dote ${c[0]} ${c[1]}`));
    }
  });

  it('heads one example "Esempio:" and several "Esempi:"', () => {
    const one = dote(['sede', 'mostra', '--help']).stdout;
    const several = dote(['ammetti', '--help']).stdout;
    expect(several).toMatch(/^Esempi:\n  dote ammetti JC-1-1103\/022\n  dote ammetti JC-1-1103\/022 --data 2022-06-30$/m);
    expect(several).not.toMatch(/Esempio:/);
    expect(dote(['--help']).stdout).toMatch(/^Esempi:\n  dote init/m);
    const lines = (text: string) => text.slice(text.indexOf('Esempio:')).split('\n').filter((l) => l.startsWith('  dote ')).length;
    expect(lines(one)).toBe(1);
  });
});
