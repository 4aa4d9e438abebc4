/**
 * The SQLite erogazioni repository on a real file (a registry and a Job Coach dote made with the
 * real commands): what each query returns, which states it counts, what it leaves out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CF1, JC, jobCoach, setup, type Env } from '../cli/erogazione-setup.js';
import { openSqliteStore } from '../../src/db/sqlite/store.js';
import type { NuovaErogazioneRow } from '../../src/db/erogazione-repository.js';
import type { Repositories } from '../../src/db/store.js';

const envs: Env[] = [];
afterEach(() => {
  while (envs.length) envs.pop()!.cleanup();
});

async function withRepos<T>(work: (r: Repositories) => Promise<T>): Promise<T> {
  const env = setup();
  envs.push(env);
  jobCoach(env);
  const store = openSqliteStore(env.db);
  try {
    return await store.write(work);
  } finally {
    await store.close();
  }
}

async function row(r: Repositories, o: Partial<NuovaErogazioneRow> = {}): Promise<NuovaErogazioneRow> {
  const p = (await r.registry.findProfessionista('P01'))!;
  return {
    dote_id: JC,
    servizio: 'JC-AL',
    data: '2022-06-28',
    inizio: 600,
    fine: 720,
    professionista_id: p.id,
    sede_id: null,
    modalita: 'presenza',
    collettiva: 0,
    sessione: null,
    descrizione: null,
    stato: 'INSERITA',
    registrata_il: '2022-06-27',
    origine: 'manuale',
    creata_il: '2022-06-27T08:00:00.000Z',
    aggiornata_il: '2022-06-27T08:00:00.000Z',
    ...o,
  };
}

describe('SqlErogazioni on the file', () => {
  it('inserts, finds with the names, updates, changes state; lists a dote by date and time', async () => {
    await withRepos(async (r) => {
      const a = await r.erogazioni.insert(await row(r, { data: '2022-06-29' }));
      const b = await r.erogazioni.insert(await row(r));
      expect(await r.erogazioni.find(b)).toMatchObject({ id: b, dote_id: JC, prof_codice: 'P01', prof_nome: 'Mario Rossi', sede_nome: null, cf: CF1 });
      expect(await r.erogazioni.find(9999)).toBeUndefined();
      const sede = (await r.registry.findSede('Padova'))!;
      const { dote_id, stato, origine, creata_il, aggiornata_il, ...editable } = await row(r);
      await r.erogazioni.update(b, { ...editable, sede_id: sede.id, inizio: 540 }, '2022-06-27T09:00:00.000Z');
      await r.erogazioni.setStato(a, 'PROGRAMMATA', '2022-06-27T10:00:00.000Z');
      expect(await r.erogazioni.find(b)).toMatchObject({ sede_nome: 'Padova', inizio: 540, aggiornata_il: '2022-06-27T09:00:00.000Z' });
      expect((await r.erogazioni.ofDote(JC)).map((e) => e.id)).toEqual([b, a]);
      expect((await r.erogazioni.ofDote(JC, 'PROGRAMMATA')).map((e) => e.id)).toEqual([a]);
    });
  });

  it('live, counted and open deliveries: the states each query takes, the one left out', async () => {
    await withRepos(async (r) => {
      const p = (await r.registry.findProfessionista('P01'))!;
      const d = (await r.doti.find(JC))!;
      const ids: Record<string, number> = {};
      for (const stato of ['INSERITA', 'PROGRAMMATA', 'AVVIATA', 'EROGATA', 'ANNULLATA', 'CHIUSA NEGATIVAMENTE'] as const) {
        ids[stato] = await r.erogazioni.insert(await row(r, { stato, inizio: 600 + 60 * Object.keys(ids).length, fine: 630 + 60 * Object.keys(ids).length }));
      }
      const sorted = (l: { id: number }[]) => l.map((e) => e.id).sort((x, y) => x - y);
      const live = [ids.INSERITA!, ids.PROGRAMMATA!, ids.AVVIATA!, ids.EROGATA!];
      expect(sorted(await r.erogazioni.liveOfPersonBetween(d.destinatario_id, '2022-06-27', '2022-07-03', 0))).toEqual(live);
      expect(sorted(await r.erogazioni.liveOfPersonBetween(d.destinatario_id, '2022-06-29', '2022-07-03', 0))).toEqual([]);
      expect(sorted(await r.erogazioni.liveOfProfessionalOn(p.id, '2022-06-28', ids.INSERITA!))).toEqual(live.slice(1));
      expect(sorted(await r.erogazioni.countedOf(JC, 'JC-AL', 0))).toEqual([ids.PROGRAMMATA, ids.AVVIATA, ids.EROGATA]);
      expect(sorted(await r.erogazioni.countedOf(JC, 'JC-AN', 0))).toEqual([]);
      expect((await r.erogazioni.apertiOf(JC, 'JC-AL')).map((e) => [e.id, e.stato])).toEqual([
        [ids.INSERITA, 'INSERITA'],
        [ids.PROGRAMMATA, 'PROGRAMMATA'],
        [ids.AVVIATA, 'AVVIATA'],
      ]);
      expect(await r.erogazioni.attivitaTotals(JC, 'JC-AL')).toEqual({ erogate: 30, aperte: 90, n_erogate: 1, n_aperte: 3 });
      expect(await r.erogazioni.attivitaTotals(JC, 'JC-AN')).toEqual({ erogate: 0, aperte: 0, n_erogate: 0, n_aperte: 0 });
    });
  });

  it('a group session: the other live delivery of the dote in it, not a freed one', async () => {
    await withRepos(async (r) => {
      const a = await r.erogazioni.insert(await row(r, { collettiva: 1, sessione: 'S1', stato: 'ANNULLATA' }));
      expect(await r.erogazioni.liveIdInSession(JC, 'S1', 0)).toBeUndefined();
      const b = await r.erogazioni.insert(await row(r, { collettiva: 1, sessione: 'S1' }));
      expect(await r.erogazioni.liveIdInSession(JC, 'S1', a)).toBe(b);
      expect(await r.erogazioni.liveIdInSession(JC, 'S1', b)).toBeUndefined();
    });
  });

  it('stores a warning once, keeps their order', async () => {
    await withRepos(async (r) => {
      const e = await r.erogazioni.insert(await row(r));
      const w1 = { regola: 'calendar/holiday', messaggio: 'domenica' };
      const w2 = { regola: 'calendar/late-entry', messaggio: 'tardi' };
      await r.erogazioni.addAvvisi(e, [w1], '2022-06-27T08:00:00.000Z');
      await r.erogazioni.addAvvisi(e, [w2, w1], '2022-06-27T09:00:00.000Z');
      expect(await r.erogazioni.avvisi(e)).toEqual([w1, w2]);
    });
  });

  it('activities: listed in order, their state and conclusion set', async () => {
    await withRepos(async (r) => {
      const all = await r.erogazioni.attivitaOf(JC);
      expect(all.length).toBeGreaterThan(0);
      expect(all.every((a) => a.stato === 'PROPOSTA' && a.data_conclusione === null)).toBe(true);
      expect(await r.erogazioni.hasAttivita(JC)).toBe(true);
      expect(await r.erogazioni.hasAttivita('NESSUNA')).toBe(false);
      await r.erogazioni.setAttivitaStato(JC, 'JC-AL', 'INIZIATA');
      expect(await r.erogazioni.attivitaStato(JC, 'JC-AL')).toBe('INIZIATA');
      await r.erogazioni.setAttivitaConclusa(JC, 'JC-AL', 'TERMINATA', '2022-07-01');
      expect((await r.erogazioni.attivitaOf(JC)).find((a) => a.servizio === 'JC-AL')).toMatchObject({ stato: 'TERMINATA', data_conclusione: '2022-07-01' });
      expect(await r.erogazioni.attivitaStato(JC, 'JC-XX')).toBeUndefined();
    });
  });
});
