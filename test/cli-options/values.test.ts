/**
 * The readers of option values (src/cli-options/values.ts): one per kind, each giving the typed
 * value or the whole message, which names the option. These are the messages users see (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { annualita, codiciServizio, date, dayOfYear, dimensione, email, fascia, id, integer, modalita, oneOf, ore, servizioOre, servizioRepeated, telefono, testo, time, LIMITI, type Read } from '../../src/cli-options/values.js';
import { visible } from '../../src/output/visible.js';

const value = <T>(r: Read<T>): T => {
  if (!r.ok) throw new Error(`expected a value, got: ${r.message}`);
  return r.value;
};
const message = (r: Read<unknown>): string => {
  if (r.ok) throw new Error(`expected a refusal, got the value ${JSON.stringify(r.value)}`);
  return r.message;
};

describe('date', () => {
  it('reads GG/MM/AAAA, G/M/AAAA and AAAA-MM-GG into ISO', () => {
    expect(value(date('--data', '28/06/2022'))).toBe('2022-06-28');
    expect(value(date('--data', '1/3/2022'))).toBe('2022-03-01');
    expect(value(date('--data', '2022-06-28'))).toBe('2022-06-28');
    expect(value(date('--data', ' 29/02/2024 '))).toBe('2024-02-29');
  });
  it('refuses what is not a real date, naming the option', () => {
    for (const bad of ['31/06/2022', '29/02/2023', '2022-13-01', '28-06-22', 'ieri', '']) {
      expect(message(date('--dal', bad))).toBe(`--dal: data non valida "${bad}" (formato GG/MM/AAAA o AAAA-MM-GG, es. 28/06/2022)`);
    }
  });
});

describe('time', () => {
  it('reads HH:MM, H:MM, HH.MM into minutes since midnight', () => {
    expect(value(time('--inizio', '09:30'))).toBe(570);
    expect(value(time('--inizio', '9:30'))).toBe(570);
    expect(value(time('--fine', '18.05'))).toBe(1085);
    expect(value(time('--fine', '0:00'))).toBe(0);
  });
  it('refuses other shapes and impossible times, naming the option', () => {
    for (const bad of ['25:00', '12:60', '1230', '12:3', 'mezzogiorno']) {
      expect(message(time('--fine', bad))).toBe(`--fine: orario non valido "${bad}" (formato HH:MM, es. 09:30)`);
    }
  });
});

describe('dayOfYear (the patron day)', () => {
  it('reads GG/MM, G/M, GG-MM, GG.MM into MM-DD; 29/02 exists', () => {
    expect(value(dayOfYear('--patrono', '13/11'))).toBe('11-13');
    expect(value(dayOfYear('--patrono', '7/12'))).toBe('12-07');
    expect(value(dayOfYear('--patrono', '13-06'))).toBe('06-13');
    expect(value(dayOfYear('--patrono', '29.02'))).toBe('02-29');
  });
  it('says which part is wrong', () => {
    expect(message(dayOfYear('--patrono', '31/04'))).toBe('--patrono: il giorno 31/04 non esiste (aprile ha 30 giorni)');
    expect(message(dayOfYear('--patrono', '00/05'))).toBe('--patrono: il giorno 00/05 non esiste (maggio ha 31 giorni)');
    expect(message(dayOfYear('--patrono', '27-13'))).toBe('--patrono: mese non valido in "27-13" (formato GG/MM, es. 13/11)');
    expect(message(dayOfYear('--patrono', 'aprile'))).toBe('--patrono: giorno non valido "aprile" (formato GG/MM, es. 13/11)');
  });
});

describe('servizioOre (CODICE=ORE[:coll])', () => {
  it('reads hours with comma or point, group hours with :coll, the code in upper case', () => {
    expect(value(servizioOre('--servizio', 'QT6=4'))).toEqual({ servizio: 'QT6', minuti: 240, collettiva: false });
    expect(value(servizioOre('--servizio', 'qt6=6:coll'))).toEqual({ servizio: 'QT6', minuti: 360, collettiva: true });
    expect(value(servizioOre('--servizio', 'QD2=1,5'))).toEqual({ servizio: 'QD2', minuti: 90, collettiva: false });
    expect(value(servizioOre('--servizio', 'QD2=0.25'))).toEqual({ servizio: 'QD2', minuti: 15, collettiva: false });
    expect(value(servizioOre('--servizio', 'QF0-COV=20:collettiva'))).toEqual({ servizio: 'QF0-COV', minuti: 1200, collettiva: true });
    expect(value(servizioOre('--servizio', 'QT8=0'))).toEqual({ servizio: 'QT8', minuti: 0, collettiva: false });
    expect(value(servizioOre('--servizio', 'QT6 = 4 : ind'))).toEqual({ servizio: 'QT6', minuti: 240, collettiva: false });
  });
  it('refuses what is not CODE=HOURS, or hours that are not whole minutes', () => {
    for (const bad of ['QT6', 'QT6=', 'QT6=-1', 'QT6=4h', '=4', 'QT6=4:gruppo']) {
      expect(message(servizioOre('--servizio', bad))).toBe(`--servizio "${bad}": formato CODICE=ORE oppure CODICE=ORE:coll (es. QT6=4, QF0=40:coll, QD2=1,5)`);
    }
    expect(message(servizioOre('--servizio', 'QD2=0,01'))).toBe('--servizio "QD2=0,01": 0,01 ore non sono un numero intero di minuti');
  });
  it('the same service and mode twice in one list is named; individual and group hours are two modes', () => {
    const specs = ['QT6=4', 'QT6=6:coll', 'QD2=1'].map((t) => value(servizioOre('--servizio', t)));
    expect(servizioRepeated('--servizio', specs)).toBeNull();
    expect(servizioRepeated('--servizio', [...specs, value(servizioOre('--servizio', 'qt6=2'))])).toBe('--servizio QT6 indicato due volte');
    expect(servizioRepeated('--servizio', [...specs, value(servizioOre('--servizio', 'QT6=1:coll'))])).toBe('--servizio QT6:coll indicato due volte');
  });
});

describe('id', () => {
  it('reads a whole number from 1', () => {
    expect(value(id('id di erogazione', '37'))).toBe(37);
    expect(value(id('id di erogazione', ' 5 '))).toBe(5);
  });
  it('refuses 0, signs, decimals and words, naming what the id is', () => {
    for (const bad of ['0', '-3', '3.5', 'tre', '']) {
      expect(message(id('id di erogazione', bad))).toBe(`id di erogazione non valido: "${bad}" (un numero, es. 37)`);
    }
  });
});

describe('integer', () => {
  const anni = { min: 0, max: 99, expected: 'un numero intero di anni, da 0 a 99' };
  it('reads a whole number within its range', () => {
    expect(value(integer('--anni-esperienza', '0', anni))).toBe(0);
    expect(value(integer('--anni-esperienza', '99', anni))).toBe(99);
  });
  it('refuses out of range or not whole, saying what is expected, in the option noun gender', () => {
    for (const bad of ['100', '-1', '2,5', 'otto']) {
      expect(message(integer('--anni-esperienza', bad, anni))).toBe(`--anni-esperienza: "${bad}" non valido (un numero intero di anni, da 0 a 99)`);
    }
    expect(message(integer('--fascia', '5', { min: 1, max: 4, expected: '1, 2, 3 o 4', genere: 'f' }))).toBe('--fascia: "5" non valida (1, 2, 3 o 4)');
  });
});

describe('oneOf', () => {
  const MODALITA = ['presenza', 'fad', 'telematica', 'telefonica'] as const;
  it('matches in any case, by default trimmed and lower case', () => {
    expect(value(oneOf('--modalita', ' FAD ', MODALITA))).toBe('fad');
  });
  it('takes a normalisation and aliases', () => {
    const stati = ['INSERITA', 'CHIUSA NEGATIVAMENTE'] as const;
    const normalise = (v: string) => v.trim().toUpperCase().replace(/[-_]+/g, ' ');
    expect(value(oneOf('--stato', 'chiusa-negativamente', stati, { normalise }))).toBe('CHIUSA NEGATIVAMENTE');
    expect(value(oneOf('--stato', 'ammessa', ['AMMESSO AL SERVIZIO'], { normalise, aliases: { AMMESSA: 'AMMESSO AL SERVIZIO' } }))).toBe('AMMESSO AL SERVIZIO');
    // Only the table's own keys are aliases.
    expect(oneOf('--stato', 'constructor', ['A'], { aliases: {} }).ok).toBe(false);
  });
  it('lists the values when the text is none of them', () => {
    expect(message(oneOf('--modalita', 'piccione', MODALITA, { genere: 'f' }))).toBe('--modalita: "piccione" non valida (presenza, fad, telematica, telefonica)');
    expect(message(oneOf('--tipo', 'reddito', ['dote-disabili', 'DUL', 'garanzia-giovani']))).toBe('--tipo: "reddito" non valido (dote-disabili, DUL, garanzia-giovani)');
  });
});

describe('fascia and modalita: read as the CSV columns are', () => {
  it('fascia: 1 to 4', () => {
    expect(value(fascia('--fascia', ' 3 '))).toBe(3);
    for (const bad of ['0', '5', 'tre', '3,0']) expect(message(fascia('--fascia', bad))).toBe(`--fascia: "${bad}" non valida (1, 2, 3 o 4)`);
  });
  it('modalita: the four modes and the words a spreadsheet uses for them', () => {
    expect(value(modalita('--modalita', 'FAD'))).toBe('fad');
    expect(value(modalita('--modalita', 'in presenza'))).toBe('presenza');
    expect(value(modalita('--modalita', 'a distanza'))).toBe('fad');
    expect(value(modalita('--modalita', 'telefono'))).toBe('telefonica');
    expect(message(modalita('--modalita', 'piccione'))).toBe('--modalita: "piccione" non valida (presenza, fad, telematica, telefonica)');
    expect(message(modalita('--modalita', 'constructor'))).toBe('--modalita: "constructor" non valida (presenza, fad, telematica, telefonica)');
  });
});

describe('free texts with a shape', () => {
  it('email: something@domain.tld, trimmed', () => {
    expect(value(email('--pec', ' coop@pec.it '))).toBe('coop@pec.it');
    for (const bad of ['coop', 'coop@pec', 'co op@pec.it', '@pec.it']) expect(message(email('--email', bad))).toBe(`--email: indirizzo non valido "${bad}" (es. nome@dominio.it)`);
  });
  it('telefono: digits, spaces and separators, + in front', () => {
    expect(value(telefono('--telefono', '0372  123456'))).toBe('0372 123456');
    expect(value(telefono('--telefono', '+39 (0372) 12.34.56'))).toBe('+39 (0372) 12.34.56');
    for (const bad of ['123', 'chiamami', '0372-12a456']) expect(message(telefono('--telefono', bad))).toBe(`--telefono: numero non valido "${bad}" (cifre, spazi, + all'inizio; es. 0372 123456)`);
  });
  it('annualita: two consecutive years or one year', () => {
    expect(value(annualita('--annualita', '2019/2020'))).toBe('2019-2020');
    expect(value(annualita('--annualita', '2019 - 2020'))).toBe('2019-2020');
    expect(value(annualita('--annualita', '2021'))).toBe('2021');
    for (const bad of ['2019-2021', '19-20', 'ultima']) expect(message(annualita('--annualita', bad))).toBe(`--annualita: "${bad}" non valida (es. 2019-2020 oppure 2021)`);
  });
  it('codiciServizio: codes upper case, the two results lower case, each once', () => {
    expect(value(codiciServizio('--servizi', 'qd2, Q0C;Inserimento,,QD2'))).toEqual(['QD2', 'Q0C', 'inserimento']);
    expect(value(codiciServizio('--servizi', ''))).toEqual([]);
    expect(message(codiciServizio('--servizi', 'QD2,bilancio competenze'))).toBe('--servizi: "bilancio competenze" non è un codice di servizio (es. QD2,Q0C,inserimento,mantenimento)');
  });
});

describe('numbers at the edges: never Infinity, never a silent rounding (issue 12, item 6)', () => {
  const huge = '9'.repeat(400);
  it('hours take at most two decimals, whatever their value', () => {
    expect(value(servizioOre('--servizio', 'QD2=1,75'))).toEqual({ servizio: 'QD2', minuti: 105, collettiva: false });
    expect(value(servizioOre('--servizio', 'QD2=0.05'))).toEqual({ servizio: 'QD2', minuti: 3, collettiva: false });
    // 20 and 40 minutes, written as people round them (field/hours reads the CSV so too)
    expect(value(servizioOre('--servizio', 'QD2=1,33'))).toEqual({ servizio: 'QD2', minuti: 80, collettiva: false });
    expect(value(ore('--ore-settimanali', '37,67'))).toBe(37 * 60 + 40);
    expect(message(ore('--ore-settimanali', '37,01'))).toBe('--ore-settimanali: 37,01 ore non sono un numero intero di minuti');
    for (const t of ['QD2=1.00000000001', 'QD2=0,0000001', 'QD2=1,500']) {
      expect(message(servizioOre('--servizio', t))).toBe(`--servizio "${t}": al massimo due decimali nelle ore (es. 1,5 o 0,25)`);
    }
    expect(message(ore('--ore-settimanali', '37,50001'))).toBe('--ore-settimanali: "37,50001" ore: al massimo due decimali (es. 37,5)');
    expect(value(ore('--ore-settimanali', '37,25'))).toBe(2235);
  });
  it('hours beyond the range are refused, quoting what was typed', () => {
    expect(message(servizioOre('--servizio', `QD1=${huge}`))).toBe(`--servizio "QD1=${huge}": al massimo 10.000 ore`);
    expect(value(servizioOre('--servizio', 'QD1=10000'))).toEqual({ servizio: 'QD1', minuti: 600_000, collettiva: false });
    expect(message(servizioOre('--servizio', 'QD1=10000,5'))).toBe('--servizio "QD1=10000,5": al massimo 10.000 ore');
    expect(message(ore('--ore-ccnl', huge))).toBe(`--ore-ccnl: "${huge}" ore: al massimo 168 (le ore di una settimana)`);
    expect(message(ore('--ore-ccnl', '168,5'))).toBe('--ore-ccnl: "168,5" ore: al massimo 168 (le ore di una settimana)');
    expect(value(ore('--ore-ccnl', '168'))).toBe(168 * 60);
  });
  it('an id beyond the safe integers is refused as typed, not read as Infinity or rounded', () => {
    for (const bad of [`1${'0'.repeat(400)}`, '9007199254740993', '1e3', 'Infinity']) {
      expect(message(id('id di erogazione', bad))).toBe(`id di erogazione non valido: "${bad}" (un numero, es. 37)`);
    }
    expect(value(id('id di erogazione', '9007199254740991'))).toBe(9007199254740991);
  });
  it('whole numbers: the range holds for any length of digits', () => {
    const giorni = { min: 0, max: 3650, expected: 'un numero di giorni, da 0 a 3650' };
    expect(message(integer('--entro', huge, giorni))).toBe(`--entro: "${huge}" non valido (un numero di giorni, da 0 a 3650)`);
    expect(message(integer('--entro', '1e3', giorni))).toBe('--entro: "1e3" non valido (un numero di giorni, da 0 a 3650)');
  });
  it('sizes: bounded, and no more decimals than bytes', () => {
    expect(value(dimensione('--limite-pec', '2,5MB'))).toBe(2_500_000);
    expect(message(dimensione('--limite-pec', `${huge}MB`))).toBe(`--limite-pec: valore non valido "${huge}MB": atteso un numero seguito da KB o MB (es. 5MB, 800KB), da 1KB a 2000MB`);
    expect(message(dimensione('--limite-pec', '1,0000001KB'))).toBe('--limite-pec: valore non valido "1,0000001KB": atteso un numero seguito da KB o MB (es. 5MB, 800KB), da 1KB a 2000MB');
  });
});

describe('testo: control characters and lengths (issue 12, item 4)', () => {
  it('takes any printable text as given, up to the limit', () => {
    expect(value(testo('--nome', ' Anna  Neri ', LIMITI.nome))).toBe(' Anna  Neri ');
    expect(value(testo('--nome', 'Nicolò D’Angelo – 😀', LIMITI.nome))).toBe('Nicolò D’Angelo – 😀');
    // characters, not UTF-16 units: 200 emoji are 200 characters
    expect(value(testo('--nome', '😀'.repeat(200), LIMITI.nome))).toHaveLength(400);
  });
  it('refuses C0, DEL, C1 and bidirectional overrides, shown as an escape with the position', () => {
    expect(message(testo('--nome', 'ab\x1b[2J', 200))).toBe('--nome: carattere di controllo \\x1b non ammesso (posizione 3)');
    expect(message(testo('--nome', '\x00', 200))).toBe('--nome: carattere di controllo \\x00 non ammesso (posizione 1)');
    expect(message(testo('--nome', 'a\x7f', 200))).toBe('--nome: carattere di controllo \\x7f non ammesso (posizione 2)');
    expect(message(testo('--nome', '😀\x9b', 200))).toBe('--nome: carattere di controllo \\x9b non ammesso (posizione 2)');
    expect(message(testo('--nome', 'abc\u2066', 200))).toBe('--nome: carattere di controllo \\u2066 non ammesso (posizione 4)');
  });
  it('refuses more than the limit, with the count', () => {
    expect(message(testo('--codice', 'x'.repeat(41), LIMITI.codice))).toBe('--codice: testo troppo lungo: 41 caratteri, al massimo 40');
  });
  it('visible: control characters as escapes, everything else untouched', () => {
    expect(visible('\x1b[2J\x1b[31mX\x07')).toBe('\\x1b[2J\\x1b[31mX\\x07');
    expect(visible('riga\ndue\u202e')).toBe('riga\\x0adue\\u202e');
    expect(visible('Nicolò – €')).toBe('Nicolò – €');
  });
});
