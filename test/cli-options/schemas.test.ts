/**
 * The commands' option schemas (defineOptions + the kinds of src/cli-options/kinds.ts): what
 * commander hands the action becomes the typed values the use case takes, and the first bad value
 * is a usage error (exit 2) whose message names the option, before the action does anything.
 */
import { describe, expect, it } from 'vitest';
import { defineOptions } from '../../src/cli-options/define.js';
import { UsageError } from '../../src/errors.js';
import { aggiungiOptions, elencoOptions as elencoErogazioniOptions, modificaOptions, transizioneOptions } from '../../src/commands/erogazione.js';
import { impostaOptions, variaOptions } from '../../src/commands/pip.js';
import { misuraOptions, modificaOptions as modificaDestinatarioOptions } from '../../src/commands/destinatario.js';
import { elencoOptions } from '../../src/commands/elenco.js';
import { aggiungiOptions as aggiungiSedeOptions } from '../../src/commands/sede.js';
import { nuovaOptions } from '../../src/commands/nuova.js';

/** The usage error a parse throws (fails the test if it resolves). */
async function refusal(p: Promise<unknown>): Promise<UsageError> {
  const e = await p.then(
    (v) => {
      throw new Error(`expected a usage error, got ${JSON.stringify(v)}`);
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UsageError);
  expect((e as UsageError).status).toBe(2);
  return e as UsageError;
}

describe('defineOptions', () => {
  it('builds the zod schema once, on first use', async () => {
    let built = 0;
    const o = defineOptions(({ z, date, optional }) => {
      built++;
      return z.object({ data: optional(date('--data')) });
    });
    expect(built).toBe(0);
    expect(await o.parse({ data: '28/06/2022' })).toEqual({ data: '2022-06-28' });
    expect(await o.parse({})).toEqual({});
    expect(built).toBe(1);
    expect(await o.schema()).toBe(await o.schema());
  });

  it('reports the first bad value in the order of the schema, with its own message', async () => {
    const o = defineOptions(({ z, date, time, optional }) => z.object({ data: optional(date('--data')), inizio: optional(time('--inizio')) }));
    expect((await refusal(o.parse({ inizio: '25:00', data: '31/02/2022' }))).message).toBe('--data: data non valida "31/02/2022" (formato GG/MM/AAAA o AAAA-MM-GG, es. 28/06/2022)');
    expect((await refusal(o.parse({ inizio: '25:00' }))).message).toBe('--inizio: orario non valido "25:00" (formato HH:MM, es. 09:30)');
  });

  it('a value of the wrong type (a schema out of step with commander) names the option', async () => {
    const o = defineOptions(({ z, text }) => z.object({ titoloStudio: text() }));
    expect((await refusal(o.parse({ titoloStudio: true }))).message).toBe('--titolo-studio: valore non valido');
  });

  it('every text option refuses control characters, naming the option from its key, also when clearable', async () => {
    expect((await refusal(modificaDestinatarioOptions.parse({ titoloStudio: 'laurea\x1b' }))).message).toBe('--titolo-studio: carattere di controllo \\x1b non ammesso (posizione 7)');
    expect((await refusal(modificaOptions.parse({ eid: '37', sede: 'Centro\x07' }))).message).toBe('--sede: carattere di controllo \\x07 non ammesso (posizione 7)');
    expect(await modificaOptions.parse({ eid: '37', sede: '' })).toEqual({ eid: 37, sede: null });
  });

  it('clearable: an empty text is null; blankAsAbsent: an empty text is not given', async () => {
    expect(await aggiungiSedeOptions.parse({ nome: 'Centro', comune: 'Cremona', patrono: '' })).toEqual({ nome: 'Centro', comune: 'Cremona', patrono: null });
    expect(await aggiungiSedeOptions.parse({ nome: 'Centro', comune: 'Cremona', patrono: '13/11' })).toEqual({ nome: 'Centro', comune: 'Cremona', patrono: '11-13' });
    expect((await refusal(aggiungiSedeOptions.parse({ nome: 'Centro', comune: 'Cremona', patrono: '31/04' }))).message).toBe('--patrono: il giorno 31/04 non esiste (aprile ha 30 giorni)');
    expect(await misuraOptions.parse({ tipo: 'dul', dal: '15/01/2021', al: ' ' })).toEqual({ tipo: 'DUL', dal: '2021-01-15', al: undefined });
  });
});

describe('erogazione', () => {
  const good = { servizio: ' jc-an ', data: '28/06/2022', inizio: '9.30', fine: '12:00', professionista: 'P01' };

  it('aggiungi: typed values for the use case', async () => {
    expect(await aggiungiOptions.parse({ ...good, modalita: 'FAD', collettiva: true, sede: 'Padova' })).toEqual({
      servizio: 'JC-AN',
      data: '2022-06-28',
      inizio: 570,
      fine: 720,
      professionista: 'P01',
      sede: 'Padova',
      modalita: 'fad',
      collettiva: true,
    });
    // No sede: an empty --sede is the same as none.
    expect((await aggiungiOptions.parse({ ...good, sede: '' })).sede).toBeUndefined();
  });

  it('aggiungi: required, dates, times and modes refused with their messages', async () => {
    expect((await refusal(aggiungiOptions.parse({ ...good, servizio: ' ' }))).message).toBe('opzione obbligatoria mancante: --servizio');
    expect((await refusal(aggiungiOptions.parse({ ...good, data: '31/06/2022' }))).message).toMatch(/^--data: data non valida "31\/06\/2022"/);
    expect((await refusal(aggiungiOptions.parse({ ...good, fine: '24:00' }))).message).toMatch(/^--fine: orario non valido "24:00"/);
    expect((await refusal(aggiungiOptions.parse({ ...good, modalita: 'piccione' }))).message).toBe('--modalita: "piccione" non valida (presenza, fad, telematica, telefonica)');
  });

  it('modifica: the id is a number, only what is given comes out, --sede "" is null', async () => {
    expect(await modificaOptions.parse({ eid: '37', inizio: '10:00', sede: '' })).toEqual({ eid: 37, inizio: 600, sede: null });
    expect(await modificaOptions.parse({ eid: '37', collettiva: false })).toEqual({ eid: 37, collettiva: false });
    expect((await refusal(modificaOptions.parse({ eid: '37', servizio: '' }))).message).toBe('--servizio: valore vuoto');
    expect((await refusal(modificaOptions.parse({ eid: 'x37' }))).message).toBe('id di erogazione non valido: "x37" (un numero, es. 37)');
    expect((await refusal(transizioneOptions.parse({ eid: '0' }))).message).toBe('id di erogazione non valido: "0" (un numero, es. 37)');
  });

  it('elenco --stato: any case, - or _ for spaces', async () => {
    expect(await elencoErogazioniOptions.parse({ stato: 'chiusa-negativamente' })).toEqual({ stato: 'CHIUSA NEGATIVAMENTE' });
    expect((await refusal(elencoErogazioniOptions.parse({ stato: 'boh' }))).message).toBe(
      '--stato: "boh" non valido (INSERITA, PROGRAMMATA, AVVIATA, EROGATA, ANNULLATA, CHIUSA NEGATIVAMENTE)',
    );
  });
});

describe('pip', () => {
  it('imposta: the repeatable --servizio as specs; none, a bad one or a repeated one refused', async () => {
    expect(await impostaOptions.parse({ servizio: ['QD2=1,5', 'QF0=40:coll'], data: '2021-04-01' })).toEqual({
      servizio: [
        { servizio: 'QD2', minuti: 90, collettiva: false },
        { servizio: 'QF0', minuti: 2400, collettiva: true },
      ],
      data: '2021-04-01',
    });
    expect((await refusal(impostaOptions.parse({}))).message).toBe('indica almeno un --servizio CODICE=ORE[:coll] (es. --servizio QD2=2 --servizio QF0=40:coll)');
    expect((await refusal(impostaOptions.parse({ servizio: ['QD2=1', 'QD2'] }))).message).toMatch(/^--servizio "QD2": formato CODICE=ORE/);
    expect((await refusal(impostaOptions.parse({ servizio: ['QD2=1', 'qd2=2'] }))).message).toBe('--servizio QD2 indicato due volte');
  });

  it('varia: --motivo must say something', async () => {
    expect((await refusal(variaOptions.parse({ motivo: '  ', servizio: ['QT8=20'] }))).message).toBe('--motivo obbligatorio: ogni variazione del PIP va motivata');
    expect((await variaOptions.parse({ motivo: ' meno tirocinio ', servizio: ['QT8=20'] })).motivo).toBe('meno tirocinio');
  });
});

describe('dote and person options', () => {
  it('elenco --stato: AMMESSA / AMMESSO for AMMESSO AL SERVIZIO, _ for spaces', async () => {
    expect(await elencoOptions.parse({ stato: 'ammessa' })).toEqual({ stato: 'AMMESSO AL SERVIZIO' });
    expect(await elencoOptions.parse({ stato: 'ammesso_al_servizio' })).toEqual({ stato: 'AMMESSO AL SERVIZIO' });
    expect((await refusal(elencoOptions.parse({ stato: 'boh' }))).message).toBe('--stato: "boh" non valido (ATTIVA, PROPOSTA, AMMESSO AL SERVIZIO, RIFIUTATA, CANCELLATA, CONCLUSA)');
  });

  it('nuova: fascia a number 1-4, date ISO; everything optional (a terminal asks)', async () => {
    expect(await nuovaOptions.parse({ tipo: 'D1-INS', fascia: '3', data: '01/04/2021' })).toEqual({ tipo: 'D1-INS', fascia: 3, data: '2021-04-01' });
    expect(await nuovaOptions.parse({})).toEqual({});
    expect((await refusal(nuovaOptions.parse({ fascia: '5' }))).message).toBe('--fascia: "5" non valida (1, 2, 3 o 4)');
  });

  it('destinatario: --disabilita one of the types or "" to clear it; misura --tipo any case', async () => {
    expect(await modificaDestinatarioOptions.parse({ disabilita: 'Psichica', did: false })).toEqual({ disabilita: 'psichica', did: false });
    expect(await modificaDestinatarioOptions.parse({ disabilita: '' })).toEqual({ disabilita: null });
    expect((await refusal(modificaDestinatarioOptions.parse({ disabilita: 'boh' }))).message).toBe('--disabilita: "boh" non valida (fisica, psichica, intellettiva, sensoriale, plurima)');
    expect((await refusal(misuraOptions.parse({ tipo: 'DUL', dal: '31/04/2021' }))).message).toMatch(/^--dal: data non valida "31\/04\/2021"/);
    expect(await misuraOptions.parse({ tipo: 'DUL', dal: '2021-01-15', annualita: '2019/2020', servizi: 'qd2,inserimento' })).toEqual({
      tipo: 'DUL',
      dal: '2021-01-15',
      annualita: '2019-2020',
      servizi: ['QD2', 'inserimento'],
    });
    // An e-mail or telephone "" clears the field, a bad one is refused.
    expect(await modificaDestinatarioOptions.parse({ email: '', telefono: ' 0372 123456 ' })).toEqual({ email: null, telefono: '0372 123456' });
    expect((await refusal(modificaDestinatarioOptions.parse({ email: 'mario' }))).message).toBe('--email: indirizzo non valido "mario" (es. nome@dominio.it)');
  });
});
