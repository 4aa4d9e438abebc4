/**
 * The registry, destinatari and storia repositories of the SQLite store, on a real file made by
 * `dote init`: what each method writes is what the others read back, in their documented order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withDb } from '../helpers.js';
import { openSqliteStore } from '../../src/db/sqlite/store.js';
import type { NewDestinatario } from '../../src/db/destinatario-repository.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function fresh() {
  const d = withDb();
  cleanups.push(d.cleanup);
  const store = openSqliteStore(d.db);
  cleanups.push(() => store.db.open && store.db.close());
  return store;
}

const persona = (cf: string, cognome: string): NewDestinatario => ({
  cf,
  nome: 'Mario',
  cognome,
  sesso: 'M',
  data_nascita: '1985-12-10',
  luogo_nascita: null,
  disabilita: 'psichica',
  l68: 1,
  did: 0,
  occupato: 0,
  ammortizzatori_covid: 0,
  nuovo_iscritto: 0,
  email: null,
  telefono: null,
  residenza: null,
  domicilio: null,
  titolo_studio: null,
  creato_il: '2022-06-28',
});

describe('SqliteRegistry', () => {
  it('writes the ente row once and updates it after', async () => {
    const store = fresh();
    expect(await store.read((r) => r.registry.findEnte())).toBeUndefined();
    const ente = { nome: 'Coop', codice: null, indirizzo: null, pec: null, iban: null, logo: null, rappresentante_legale: null, conservazione_anni: null, aggiornato_il: '2022-06-28' };
    await store.write((r) => r.registry.saveEnte(ente));
    await store.write((r) => r.registry.saveEnte({ ...ente, iban: 'IT60X0542811101000000123456' }));
    expect(await store.read((r) => r.registry.findEnte())).toEqual({ ...ente, iban: 'IT60X0542811101000000123456' });
  });

  it('adds sedi and professionisti, finds them (case ignored, "Cognome Nome"), lists them by name', async () => {
    const store = fresh();
    await store.write(async (r) => {
      await r.registry.insertSede({ nome: 'padova', comune: 'Padova', patrono: '06-13', indirizzo: null, responsabile: null });
      await r.registry.insertSede({ nome: 'Cremona', comune: 'Cremona', patrono: '11-13', indirizzo: 'Via Dante 1', responsabile: null });
      const id = await r.registry.insertProfessionista({ codice: 'PR02', nome: 'Paolo Gialli', ruolo: null, ente: null, qualifica: null, anni_esperienza: null });
      expect(id).toBeGreaterThan(0);
      await r.registry.insertProfessionista({ codice: 'PR01', nome: 'Anna Neri', ruolo: 'job coach', ente: null, qualifica: null, anni_esperienza: 8 });
    });
    await store.read(async (r) => {
      expect((await r.registry.listSedi()).map((s) => s.nome)).toEqual(['Cremona', 'padova']);
      expect(await r.registry.findSede(' CREMONA ')).toMatchObject({ comune: 'Cremona', patrono: '11-13' });
      expect((await r.registry.listProfessionisti()).map((p) => p.codice)).toEqual(['PR01', 'PR02']);
      expect(await r.registry.findProfessionista('pr01')).toMatchObject({ nome: 'Anna Neri', anni_esperienza: 8 });
      expect(await r.registry.findProfessionista('Neri Anna')).toMatchObject({ codice: 'PR01' });
      expect(await r.registry.findProfessionista('Nessuno')).toBeUndefined();
    });
  });
});

describe('SqliteDestinatari', () => {
  it('adds and changes a person, records measures, counts doti and measures in the listing', async () => {
    const store = fresh();
    const id = await store.write(async (r) => {
      const id = await r.destinatari.insert(persona('RSSMRA85T10A562S', 'Rossi'));
      await r.destinatari.insert(persona('BNCMRA85T10A562X', 'Bianchi'));
      const p = (await r.destinatari.find('rssmra85t10a562s'))!;
      await r.destinatari.update({ ...p, did: 1, email: 'mario@example.it', cf: 'IGNORATO' });
      await r.destinatari.insertMisura({ destinatario_id: id, tipo: 'DUL', annualita: null, operatore: null, azienda: null, servizi: null, dal: '2021-01-15', al: null, note: null });
      await r.destinatari.insertMisura({ destinatario_id: id, tipo: 'dote-disabili', annualita: '2019-2020', operatore: 'Altra', azienda: null, servizi: 'QD2,Q0C', dal: '2019-10-01', al: '2020-09-30', note: null });
      return id;
    });
    await store.read(async (r) => {
      expect(await r.destinatari.findById(id)).toMatchObject({ cf: 'RSSMRA85T10A562S', did: 1, l68: 1, email: 'mario@example.it', creato_il: '2022-06-28' });
      expect((await r.destinatari.misureOf(id)).map((m) => m.dal)).toEqual(['2019-10-01', '2021-01-15']);
      const list = await r.destinatari.listWithCounts();
      expect(list.map((p) => [p.cognome, p.n_doti, p.n_misure])).toEqual([
        ['Bianchi', 0, 0],
        ['Rossi', 0, 2],
      ]);
      expect(await r.doti.ofDestinatario(id)).toEqual([]);
    });
  });
});

describe('SqliteStoria', () => {
  it('reads back a dote\'s entries in the order recorded', async () => {
    const store = fresh();
    await store.write(async (r) => {
      await r.storia.record({ doteId: 'D-1', entita: 'dote', entitaId: 'D-1', azione: 'nuova', operatore: 'anna', dopo: { stato: 'RICHIESTA' } });
      await r.storia.record({ doteId: 'D-2', entita: 'dote', entitaId: 'D-2', azione: 'nuova', operatore: 'anna' });
      await r.storia.record({ doteId: 'D-1', entita: 'pip', entitaId: 1, azione: 'imposta', operatore: 'luca', prima: null, dopo: { ore: 2 } });
    });
    const entries = await store.read((r) => r.storia.entriesOf('D-1'));
    expect(entries.map((e) => [e.azione, e.operatore, e.entita_id, e.dopo])).toEqual([
      ['nuova', 'anna', 'D-1', '{"stato":"RICHIESTA"}'],
      ['imposta', 'luca', '1', '{"ore":2}'],
    ]);
  });
});
