/**
 * The SQLite doti repository on a real file: the rows the use cases read and write through it
 * (listing orders, numbering, partial updates, PIP versions with their lines, delivered minutes).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withDb } from '../helpers.js';
import { openSqliteStore } from '../../src/db/sqlite/store.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const CF = 'RSSMRA80A01D150J';
const CF2 = 'VRDLGU75B02D150M';

function withTwoDoti() {
  const d = withDb();
  cleanups.push(d.cleanup);
  const ok = (args: string[]) => {
    const r = d.run(['--oggi', '2021-06-01', ...args]);
    if (r.status !== 0) throw new Error(r.stderr);
  };
  ok(['destinatario', 'aggiungi', '--cf', CF, '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did']);
  ok(['destinatario', 'aggiungi', '--cf', CF2, '--nome', 'Luigi', '--cognome', 'Verdi', '--disabilita', 'psichica', '--l68', '--did']);
  ok(['nuova', '--tipo', 'D1-INS', '--destinatario', CF, '--fascia', '3', '--data', '2021-05-01', '--id', 'A-1']);
  ok(['nuova', '--tipo', 'D1-INS', '--destinatario', CF2, '--fascia', '3', '--data', '2021-04-01', '--id', 'B-2']);
  return d;
}

describe('SqlDoti on the file', () => {
  it('lists by request date or by id, of one bando or all; a person\'s doti; ids by prefix', async () => {
    const d = withTwoDoti();
    const store = openSqliteStore(d.db);
    try {
      await store.read(async (r) => {
        expect((await r.doti.list()).map((x) => x.id)).toEqual(['B-2', 'A-1']);
        expect((await r.doti.list({ order: 'id' })).map((x) => x.id)).toEqual(['A-1', 'B-2']);
        expect((await r.doti.list({ bando: 'cremona-2021' })).map((x) => x.id)).toEqual(['B-2', 'A-1']);
        expect((await r.doti.list({ bando: 'cremona-2021', order: 'id' })).map((x) => x.id)).toEqual(['A-1', 'B-2']);
        expect(await r.doti.list({ bando: 'altro' })).toEqual([]);
        const p = (await r.destinatari.find(CF))!;
        expect((await r.doti.ofDestinatario(p.id)).map((x) => x.id)).toEqual(['A-1']);
        expect(await r.doti.idsWithPrefix('B-')).toEqual(['B-2']);
      });
    } finally {
      await store.close();
    }
  });

  it('updates only the columns given; stores PIP versions with their lines, in order', async () => {
    const d = withTwoDoti();
    const store = openSqliteStore(d.db);
    try {
      await store.write(async (r) => {
        const before = (await r.doti.find('A-1'))!;
        await r.doti.update('A-1', { data_invio_pip: '2021-04-10' });
        const after = (await r.doti.find('A-1'))!;
        expect(after).toEqual({ ...before, data_invio_pip: '2021-04-10' });
        await r.doti.update('A-1', { stato: 'CONCLUSA', data_conclusione: undefined });
        expect((await r.doti.find('A-1'))!.data_conclusione).toBe(before.data_conclusione);
        await r.doti.insertPipVersion({
          doteId: 'B-2',
          versione: 1,
          data: '2021-05-02',
          motivo: null,
          creataIl: '2021-05-02T10:00:00.000Z',
          voci: [
            { servizio: 'QT8', minutiIndividuali: 600, minutiCollettivi: 0 },
            { servizio: 'QD2', minutiIndividuali: 120, minutiCollettivi: 0 },
          ],
        });
        await r.doti.insertPipVersion({ doteId: 'B-2', versione: 2, data: '2021-05-03', motivo: 'x', creataIl: '2021-05-03T10:00:00.000Z', voci: [] });
      });
      const versions = await store.read((r) => r.doti.pipVersions('B-2'));
      expect(versions.map((v) => [v.versione, v.motivo, v.voci.map((x) => x.servizio)])).toEqual([
        [1, null, ['QD2', 'QT8']],
        [2, 'x', []],
      ]);
      expect(await store.read((r) => r.doti.pipVersions('A-1'))).toEqual([]);
      await store.read(async (r) => {
        expect(await r.doti.openDeliveries('B-2')).toEqual([]);
        expect(await r.doti.committedMinutes('B-2')).toEqual([]);
        expect(await r.doti.lastDeliveredDate('B-2')).toBeNull();
        expect(await r.doti.liquidazioneDate('B-2')).toBeNull();
      });
    } finally {
      await store.close();
    }
  });
});
