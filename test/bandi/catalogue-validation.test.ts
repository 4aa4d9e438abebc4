/**
 * A broken catalogue loaded with `--catalogo` must fail to load (exit 2) with an Italian message
 * naming the file and the field (the Cremona bando: A catalogue with an impossible date must fail to
 * load with a clear error); a valid one loads and its rule parameters are the ones applied.
 * Each case edits a shipped catalogue, writes it to a temp dir and runs the real CLI.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, dote, tempDir } from '../helpers.js';

const t = tempDir('dote-catalogo-');
afterAll(t.cleanup);

type Catalogue = any; // the JSON as a user writes it, edited freely by the cases
const shipped = (name: string): Catalogue => JSON.parse(readFileSync(path.join(ROOT, 'src', 'bandi', 'catalogues', `${name}.json`), 'utf8'));
const CREMONA = shipped('cremona-2021');
const VENETO = shipped('veneto-jc-2022');

/** Writes `base` (with a new id, so it does not clash with the shipped one) edited by `edit`. */
function write(name: string, base: Catalogue, edit: (b: Catalogue) => void): string {
  const b = structuredClone(base);
  b.id = `${b.id}-prova`;
  edit(b);
  const file = path.join(t.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(b, null, 2));
  return file;
}

const ENGLISH = /Invalid|expected|received|Too (small|big)|Unrecognized|Required/;

/** [case, catalogue, edit, the exact `path: message` expected after "catalogo non valido: "]. */
const BROKEN: [string, Catalogue, (b: Catalogue) => void, string][] = [
  // 1. unknown keys are refused, not stripped (a misspelt "massimali" would lift the caps)
  [
    'chiave sconosciuta in un servizio',
    CREMONA,
    (b) => {
      b.servizi[3].massimale = b.servizi[3].massimali;
      delete b.servizi[3].massimali;
    },
    'servizi[3]: campo sconosciuto "massimale"; servizi[3].massimali: il servizio Q0C non ha massimali di ore per le fasce 1, 2, 3, 4 (richiesti dai tipi D1-INS, D1-IMP, D2-MAN, D2-COV)',
  ],
  ['chiave sconosciuta alla radice', CREMONA, (b) => (b.titlo = b.titolo), '(radice): campo sconosciuto "titlo"'],
  ['chiave sconosciuta in una regola', CREMONA, (b) => (b.regole['time/order'].parametro = {}), 'regole.time/order: campo sconosciuto "parametro"'],
  ['fascia inesistente nei massimali', CREMONA, (b) => (b.servizi[1].massimali['5'] = { individuale: 1 }), 'servizi[1].massimali: campo sconosciuto "5"'],
  // 2. rule parameters: type, name, sign, impossible times
  [
    'ore giornaliere non numeriche',
    VENETO,
    (b) => (b.regole['time/daily-max'].parametri.ore = 'otto'),
    'regole.time/daily-max.parametri.ore: atteso un numero, trovato il testo "otto"',
  ],
  [
    'fascia oraria con orari impossibili',
    VENETO,
    (b) => (b.regole['time/window'].parametri = { inizio: '7:3O', fine: '25:00' }),
    'regole.time/window.parametri.inizio: orario inesistente o non nel formato HH:MM (00:00-23:59): "7:3O"; ' +
      'regole.time/window.parametri.fine: orario inesistente o non nel formato HH:MM (00:00-23:59): "25:00"',
  ],
  [
    'fascia oraria rovesciata',
    VENETO,
    (b) => (b.regole['time/window'].parametri = { inizio: '20:00', fine: '08:00' }),
    "regole.time/window.parametri.fine: la fine (08:00) non è successiva all'inizio (20:00)",
  ],
  [
    'parametro sconosciuto',
    VENETO,
    (b) => (b.regole['time/weekly-max'].parametri = { oreSettimanali: 40 }),
    'regole.time/weekly-max.parametri.oreSettimanali: parametro sconosciuto per time/weekly-max (ammessi: ore)',
  ],
  [
    'parametro di una regola senza parametri',
    VENETO,
    (b) => (b.regole['time/order'].parametri = { ore: 8 }),
    'regole.time/order.parametri.ore: parametro sconosciuto per time/order (la regola non ha parametri)',
  ],
  [
    'giorni di ritardo negativi',
    CREMONA,
    (b) => (b.regole['calendar/late-entry'].parametri.avvisoDaGiorni = -1),
    'regole.calendar/late-entry.parametri.avvisoDaGiorni: giorni negativi: -1',
  ],
  [
    'servizio non ripetibile sconosciuto',
    CREMONA,
    (b) => b.regole['service/repeat'].parametri.servizi.push('QZZ'),
    'regole.service/repeat.parametri.servizi[2]: servizio sconosciuto al bando: QZZ',
  ],
  // 3. a negative weekly cap, duplicated codes
  [
    'massimo settimanale QTP negativo',
    CREMONA,
    (b) => (b.regole['time/weekly-service-max'].parametri.servizi.QTP = -1),
    'regole.time/weekly-service-max.parametri.servizi.QTP: le ore devono essere più di 0, trovato -1',
  ],
  [
    'codice di servizio duplicato',
    CREMONA,
    (b) => b.servizi.push({ ...b.servizi[14], nome: 'copia' }),
    `servizi[${CREMONA.servizi.length}].codice: codice di servizio duplicato "QTP" (già in servizi[14].codice)`,
  ],
  ['codice di tipo duplicato', CREMONA, (b) => (b.tipi[2].codice = 'D1-INS'), 'tipi[2].codice: codice di tipo di dote duplicato "D1-INS" (già in tipi[0].codice)'],
  // 4. zod's own messages, in Italian
  ['fascia mancante nei massimali', CREMONA, (b) => delete b.servizi[1].massimali['3'], 'servizi[1].massimali.3: campo obbligatorio mancante'],
  [
    'severità fuori elenco',
    CREMONA,
    (b) => (b.regole['time/order'].severita = 'errore'),
    'regole.time/order.severita: valore non ammesso (il testo "errore"): atteso uno tra "error", "warning"',
  ],
  ['elenco dei tipi vuoto', CREMONA, (b) => (b.tipi = []), 'tipi: elenco vuoto: serve almeno un elemento'],
  // 5. caps and lists of a bando with fasce (issue 12, item 3)
  [
    'massimali di un servizio tolti',
    CREMONA,
    (b) => delete b.servizi[9].massimali,
    'servizi[9].massimali: il servizio QT8 non ha massimali di ore per le fasce 1, 2, 3, 4 (richiesti dai tipi D1-INS, D2-MAN, D2-COV)',
  ],
  ['fascia ripetuta in un tipo', CREMONA, (b) => b.tipi[1].fasce.push(2), 'tipi[1].fasce[4]: fascia duplicata "2" (già in tipi[1].fasce[1])'],
  ['servizio ripetuto in un tipo', CREMONA, (b) => b.tipi[0].servizi.push('QD2'), 'tipi[0].servizi[11]: servizio del tipo duplicato "QD2" (già in tipi[0].servizi[1])'],
  // what already worked keeps working
  ['data impossibile', CREMONA, (b) => (b.fine = '31/06/2022'), 'fine: data inesistente o non valida: "31/06/2022"'],
  ['tariffa negativa', CREMONA, (b) => (b.servizi[1].tariffa.individuale = -33), 'servizi[1].tariffa.individuale: importo negativo'],
  ['regola sconosciuta', CREMONA, (b) => (b.regole['time/lunch-break'] = { severita: 'error' }), 'regole.time/lunch-break: regola sconosciuta: time/lunch-break'],
];

describe('dote --catalogo FILE: a broken catalogue does not load', () => {
  it.each(BROKEN)('%s', (name, base, edit, expected) => {
    const file = write(name.replace(/\W+/g, '-'), base, edit);
    const r = dote(['--catalogo', file, 'bandi']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`dote: ${file}: catalogo non valido: ${expected}`);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it('a catalogue that starts with a UTF-8 BOM (as some Windows editors save it) is read', () => {
    const file = write('con-bom', CREMONA, () => {});
    writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);
    const r = dote(['--catalogo', file, 'bandi', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json().map((b: { id: string }) => b.id)).toContain('cremona-2021-prova');
  });

  it('unreadable JSON: the line and column, in Italian', () => {
    const file = path.join(t.dir, 'rotto.json');
    writeFileSync(file, '{\n  "id": "x",\n  "titolo": "y"\n  "ente": "z"\n}\n');
    const r = dote(['--catalogo', file, 'bandi']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`dote: ${file}: catalogo non valido, JSON illeggibile (riga 4, colonna 3: sintassi JSON non valida vicino a "\\"ente\\": \\"z\\"")`);
  });
});

describe('dote --catalogo FILE: a valid catalogue loads and its parameters apply', () => {
  const file = write('veneto-2024', VENETO, (b) => {
    b.id = 'veneto-jc-2024';
    b.regole['time/window'].parametri = { inizio: '08:00', fine: '20:00' };
    b.regole['time/daily-max'].parametri = { ore: 6.5 };
  });
  const csv = path.join(t.dir, 'calendario.csv');
  writeFileSync(
    csv,
    'id_dote;servizio;data;ora_inizio;ora_fine;professionista\n' +
      'JC-1;JC-AN;10/05/2022;07:45;08:45;Anna Bianchi\n' +
      'JC-1;JC-DE;10/05/2022;09:00;15:00;Anna Bianchi\n',
  );
  const verifica = (bando: string) =>
    dote(['verifica', '--catalogo', file, '--bando', bando, csv, '--json'], { cwd: t.dir, env: { DOTE_OGGI: '2022-07-15' } });

  it('loads next to the shipped ones, with the parameters as written', () => {
    const r = dote(['--catalogo', file, 'bandi', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json().map((b: { id: string }) => b.id)).toEqual(['cremona-2021', 'veneto-jc-2022', 'veneto-jc-2024']);
    const regole = dote(['--catalogo', file, 'regole', '--json']).json();
    const win = regole.find((x: { id: string }) => x.id === 'time/window');
    expect(win.bandi['veneto-jc-2024'].parametri).toEqual({ inizio: '08:00', fine: '20:00' });
  });

  it("the bando's window and daily cap are the ones checked, not the defaults", () => {
    const mine = verifica('veneto-jc-2024');
    expect(mine.status).toBe(1);
    expect(mine.json().diagnostics.map((d: { line: number; rule: string; message: string }) => [d.line, d.rule, d.message])).toEqual([
      [2, 'time/window', 'inizio alle 07:45, prima delle 08:00'],
      [3, 'time/daily-max', '7 ore il 10/05/2022 per dote JC-1, oltre il massimo di 6 ore e 30 minuti al giorno'],
    ]);
    // The shipped bando (07:30-23:00, 8 hours) finds nothing in the same rows.
    const shippedRun = verifica('veneto-jc-2022');
    expect(shippedRun.status, shippedRun.stdout).toBe(0);
    expect(shippedRun.json().diagnostics).toEqual([]);
  });
});
