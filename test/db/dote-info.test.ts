/**
 * The rules' view of a dote (DoteInfo) is the same whether a batch reads every dote up front
 * (`preload`, for big files) or one at a time (delivery entry, small files): PIP from its latest
 * version, Job Coach activities, caps by fascia, the person's codice fiscale and repeat history.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withDb } from '../helpers.js';
import { doteInfoFromRow, doteInfoLookup } from '../../src/db/dote-info.js';
import { loadCatalogues } from '../../src/bandi/load.js';
import { openDatabase } from '../../src/db/connection.js';
import { sqliteSql } from '../../src/db/sqlite/sql.js';
import type { DoteRow } from '../../src/db/repo/lookup.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const ROSSI = 'RSSMRA80A01D150J';
const VERDI = 'VRDLGU95C15D150E';
const BIANCHI = 'BNCNNA60T50D150R';
const FERRARI = 'FRRPLA03E10D150D';
const NERI = 'NRENNA80A41D150I';

describe('doteInfoLookup', () => {
  it('gives the same DoteInfo with and without preload, for every kind of dote', () => {
    const t = withDb();
    cleanups.push(t.cleanup);
    const env = { DOTE_OGGI: '2022-07-01', DOTE_OPERATORE: 'test' };
    const ok = (args: string[]) => {
      const r = t.run(args, env);
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    };
    ok(['destinatario', 'aggiungi', '--cf', ROSSI, '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did']);
    ok(['destinatario', 'aggiungi', '--cf', VERDI, '--nome', 'Luigi', '--cognome', 'Verdi', '--disabilita', 'psichica', '--l68', '--did']);
    ok(['destinatario', 'aggiungi', '--cf', BIANCHI, '--nome', 'Anna', '--cognome', 'Bianchi', '--disabilita', 'fisica', '--l68', '--did']);
    // Bianchi had a Dote disabili of an earlier annualità (the repeat rules' history).
    ok(['destinatario', 'misura', BIANCHI, '--tipo', 'dote-disabili', '--annualita', '2019-2020', '--dal', '2019-10-01', '--al', '2020-09-30']);
    ok(['nuova', '--tipo', 'D1-INS', '--id', 'CR-A', '--destinatario', ROSSI, '--fascia', '3', '--data', '2021-04-01']);
    ok(['pip', 'imposta', 'CR-A', '--servizio', 'QD2=2', '--servizio', 'QF0=40:coll', '--data', '2021-04-09']);
    ok(['pip', 'varia', 'CR-A', '--motivo', 'meno aula', '--servizio', 'QF0=30:coll', '--data', '2021-05-03']);
    ok(['nuova', '--tipo', 'D1-INS', '--id', 'CR-B', '--destinatario', BIANCHI, '--fascia', '2', '--data', '2021-04-01']);
    ok(['nuova', '--tipo', 'JC-BASE', '--id', 'JC-C', '--destinatario', VERDI, '--data', '2022-06-28']);
    // Not a previous annualità of the Piano: a Job Coach request (another programme, refused) and
    // an external Dote disabili of this same annualità 2021-2022.
    ok(['destinatario', 'aggiungi', '--cf', FERRARI, '--nome', 'Paolo', '--cognome', 'Ferrari', '--disabilita', 'fisica', '--l68', '--did']);
    ok(['nuova', '--tipo', 'JC-BASE', '--id', 'JC-F', '--destinatario', FERRARI, '--data', '2022-04-01', '--oggi', '2022-04-01']);
    ok(['rifiuta', 'JC-F', '--motivo', 'non idoneo', '--oggi', '2022-04-02']);
    ok(['nuova', '--tipo', 'D1-INS', '--id', 'CR-F', '--destinatario', FERRARI, '--fascia', '2', '--data', '2022-04-04', '--oggi', '2022-04-04']);
    ok(['destinatario', 'aggiungi', '--cf', NERI, '--nome', 'Anna', '--cognome', 'Neri', '--disabilita', 'fisica', '--l68', '--did']);
    ok(['destinatario', 'misura', NERI, '--tipo', 'dote-disabili', '--annualita', '2021-2022', '--dal', '2021-03-25', '--al', '2021-03-31']);
    ok(['nuova', '--tipo', 'D1-INS', '--id', 'CR-N', '--destinatario', NERI, '--fascia', '2', '--data', '2021-04-01']);

    const db = openDatabase(t.db);
    try {
      const cats = loadCatalogues([]);
      const lazy = doteInfoLookup(sqliteSql(db), cats);
      const pre = doteInfoLookup(sqliteSql(db), cats, { preload: true });
      for (const id of ['CR-A', 'CR-B', 'JC-C', 'CR-F', 'CR-N', 'JC-F']) {
        expect(pre(id), id).toEqual(lazy(id));
        const row = db.prepare('SELECT * FROM dote WHERE id = ?').get(id) as DoteRow;
        expect(doteInfoFromRow(sqliteSql(db), cats, row), id).toEqual(lazy(id));
      }
      expect(pre('CR-ZZZ')).toBeUndefined();
      expect(lazy('CR-ZZZ')).toBeUndefined();

      const a = pre('CR-A')!;
      expect(a.cf).toBe(ROSSI);
      // The latest version: QF0 30 h, QD2 kept from version 1 (pip varia changes what it names).
      expect(a.pianificato?.get('QF0')).toEqual({ individuale: 0, collettiva: 30 * 60 });
      expect(a.pianificato?.get('QD2')?.individuale).toBe(2 * 60);
      expect(a.doteAnnualitaPrecedente).toBe(false);
      expect(a.cap.get('QF0')?.collettiva).toBeGreaterThan(0);

      const b = pre('CR-B')!;
      expect(b.pianificato).toBeNull();
      expect(b.doteAnnualitaPrecedente).toBe(true);

      expect(pre('CR-F')!.doteAnnualitaPrecedente).toBe(false);
      expect(pre('CR-N')!.doteAnnualitaPrecedente).toBe(false);

      const c = pre('JC-C')!;
      expect(c.bando.id).toBe('veneto-jc-2022');
      expect([...c.cap.keys()].length).toBe(5);
      expect(c.pianificato).toBe(c.cap);
    } finally {
      db.close();
    }
  });
});
