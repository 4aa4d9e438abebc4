/**
 * Terminal escapes and unbounded text (issue 12, item 4): a control character in a text option
 * (names, codes, descriptions) is a usage error (exit 2) naming the option, and nothing is stored;
 * a text longer than its limit (README "Testi": codes 40, names 200, descriptions 2000) likewise.
 * And a database that already holds an escape sequence (written by an older dote, or by hand)
 * never sends it raw to the terminal: `elenco` and `mostra` show it as `\x1b`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dumpDb, sql, withDb } from '../helpers.js';

const ESCAPES = '\x1b[2J\x1b[31mX\x07';
/** Any raw control character but the line breaks of the output itself. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

let d: ReturnType<typeof withDb>;
beforeAll(() => {
  d = withDb();
});
afterAll(() => d.cleanup());

describe('a control character or an overlong text is refused at input', () => {
  it('professionista aggiungi --nome with an escape sequence: exit 2, one line, nothing stored', () => {
    const before = dumpDb(d.db, ['professionista']);
    const r = d.run(['professionista', 'aggiungi', 'P06', '--nome', ESCAPES]);
    expect(r.status).toBe(2);
    // One line, and the usage hint every command-line mistake gets.
    expect(r.stderr).toBe('dote: --nome: carattere di controllo \\x1b non ammesso (posizione 1)\nsuggerimento: dote professionista aggiungi --help\n');
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(dumpDb(d.db, ['professionista'])).toEqual(before);
  });

  it('names, codes and descriptions have their limits, with the count in the message', () => {
    const cases: [string[], string][] = [
      [['professionista', 'aggiungi', 'P07', '--nome', 'A'.repeat(201)], 'dote: --nome: testo troppo lungo: 201 caratteri, al massimo 200'],
      [['professionista', 'aggiungi', 'P'.repeat(41), '--nome', 'Anna Neri'], 'dote: codice: testo troppo lungo: 41 caratteri, al massimo 40'],
      [['professionista', 'aggiungi', 'P\tO8', '--nome', 'Anna Neri'], 'dote: codice: carattere di controllo \\x09 non ammesso (posizione 2)'],
      [['professionista', 'aggiungi', 'P08', '--nome', 'Anna Neri', '--ruolo', 'job\ncoach'], 'dote: --ruolo: carattere di controllo \\x0a non ammesso (posizione 4)'],
      [['sede', 'aggiungi', 'Cremona\x1b', '--comune', 'Cremona'], 'dote: nome della sede: carattere di controllo \\x1b non ammesso (posizione 8)'],
      [['destinatario', 'aggiungi', '--cf', 'BNCLGU75B12D150X', '--nome', 'Luigi', '--cognome', 'B\u202eianchi'], 'dote: --cognome: carattere di controllo \\u202e non ammesso (posizione 2)'],
      [['ente', 'imposta', '--nome', 'Coop', '--pec', 'coop\x07@pec.it'], 'dote: --pec: carattere di controllo \\x07 non ammesso (posizione 5)'],
      [
        ['erogazione', 'aggiungi', 'CR-1', '--servizio', 'QD2', '--data', '07/03/2022', '--inizio', '09:00', '--fine', '10:00', '--professionista', 'P01', '--descrizione', 'x'.repeat(2001)],
        'dote: --descrizione: testo troppo lungo: 2001 caratteri, al massimo 2000',
      ],
      [['pip', 'varia', 'CR-1', '--servizio', 'QD2=1', '--motivo', 'ridotto\x1b[0m'], 'dote: --motivo: carattere di controllo \\x1b non ammesso (posizione 8)'],
    ];
    const before = dumpDb(d.db);
    for (const [args, message] of cases) {
      const r = d.run(args);
      const label = args.join(' ').slice(0, 120);
      expect(r.status, label).toBe(2);
      const [first, ...rest] = r.stderr.trim().split('\n');
      expect(first, label).toBe(message);
      // At most the hint after it (option mistakes get "dote COMANDO --help").
      expect(rest.every((l) => l.startsWith('suggerimento: ')), label).toBe(true);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
    }
    expect(dumpDb(d.db)).toEqual(before);
  });

  it('at the limit is accepted: a name of 200 characters, a code of 40', () => {
    const r = d.run(['professionista', 'aggiungi', 'C'.repeat(40), '--nome', `${'N'.repeat(199)}a`]);
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('stored text is never printed raw', () => {
  it('an escape sequence typed as an id comes back visible in the error message', () => {
    const r = d.run(['mostra', ESCAPES]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('\\x1b[2J\\x1b[31mX\\x07');
  });

  it('a name holding an escape sequence in an old database is shown as \\x1b by elenco and mostra', () => {
    sql(d.db, "INSERT INTO professionista (codice, nome, ruolo) VALUES ('P09', ?, ?)", ESCAPES, 'tutor\u202e');
    const elenco = d.run(['professionista', 'elenco']);
    expect(elenco.status, elenco.stderr).toBe(0);
    expect(elenco.stdout).not.toMatch(RAW_CONTROL);
    expect(elenco.stdout).toMatch(/^P09 +\\x1b\[2J\\x1b\[31mX\\x07 +tutor\\u202e /m);
    const mostra = d.run(['professionista', 'mostra', 'P09']);
    expect(mostra.status, mostra.stderr).toBe(0);
    expect(mostra.stdout).toMatch(/^Nome: +\\x1b\[2J\\x1b\[31mX\\x07$/m);
    expect(mostra.stdout).not.toMatch(RAW_CONTROL);
    // JSON keeps the value as stored (JSON escapes it itself).
    expect(d.run(['professionista', 'mostra', 'P09', '--json']).json().nome).toBe(ESCAPES);
  });
});

describe('importa: a stored CSV cell with a control character is a field/text finding, nothing is stored', () => {
  it('the description with an escape sequence: file:line, the column, the character made visible', () => {
    const oggi = { DOTE_OGGI: '2022-03-15' };
    for (const args of [
      ['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--patrono', '13/11'],
      ['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi'],
      ['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'],
      ['nuova', '--tipo', 'D1-INS', '--destinatario', 'RSSMRA80A01D150J', '--fascia', '3', '--data', '2022-03-01', '--id', 'CR-1'],
    ]) {
      const r = d.run(args, oggi);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const csv = path.join(d.dir, 'calendario.csv');
    writeFileSync(csv, `id_dote;servizio;data;ora_inizio;ora_fine;professionista;descrizione;sede\nCR-1;QD1;02/03/2022;09:00;10:00;P01;colloquio${ESCAPES};Cremona\n`);
    const r = d.run(['importa', csv], oggi);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('calendario.csv:2: errore field/text: descrizione: carattere di controllo \\x1b non ammesso (posizione 10)');
    expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    expect(sql(d.db, 'SELECT COUNT(*) AS n FROM erogazione')).toEqual([{ n: 0 }]);
  });
});
