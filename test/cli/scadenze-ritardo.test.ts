/**
 * Deadlines met late (rule dote/deadline; Cremona "COME ATTIVARE UNA DOTE": PIP by PEC within 10
 * working days of activation, validated within 30 working days of sending). A step recorded after
 * its deadline is recorded (it happened), reported as dote/deadline on stderr with exit 0, and
 * shown as NON RISPETTATA by `dote mostra`; one recorded on the last day is met.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql, withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const ROSSI = 'RSSMRA80A01D150J';
const VERDI = 'VRDLGU95C15D150E';

/** Two Cremona doti activated on Tuesday 01/03/2022, each with its PIP: the PEC is due by 15/03/2022. */
function setup() {
  const t = withDb();
  cleanups.push(t.cleanup);
  const run = (args: string[], oggi = '2022-03-01') => t.run(args, { DOTE_OGGI: oggi, DOTE_OPERATORE: 'test' });
  const ok = (args: string[], oggi?: string) => {
    const r = run(args, oggi);
    expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r;
  };
  ok(['destinatario', 'aggiungi', '--cf', ROSSI, '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did']);
  ok(['destinatario', 'aggiungi', '--cf', VERDI, '--nome', 'Luigi', '--cognome', 'Verdi', '--disabilita', 'fisica', '--l68', '--did']);
  ok(['nuova', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '1', '--id', 'CR-2022-0001', '--data', '2022-03-01']);
  ok(['nuova', '--tipo', 'D1-INS', '--destinatario', VERDI, '--fascia', '1', '--id', 'CR-2022-0002', '--data', '2022-03-01']);
  ok(['pip', 'imposta', 'CR-2022-0001', '--servizio', 'QD2=1']);
  ok(['pip', 'imposta', 'CR-2022-0002', '--servizio', 'QD2=1']);
  return { ...t, run, ok };
}

function dataInvio(db: string, id: string): string | null {
  return sql<{ data_invio_pip: string | null }>(db, 'SELECT data_invio_pip FROM dote WHERE id = ?', id)[0]!.data_invio_pip;
}

const byId = (list: { id: string }[]) => Object.fromEntries(list.map((s) => [s.id, s]));

describe('a deadline met late', () => {
  it('pip invia after the 10 working days: recorded, dote/deadline on stderr, exit 0; mostra and JSON say it was late', () => {
    const t = setup();
    const r = t.run(['pip', 'invia', 'CR-2022-0002'], '2022-03-20');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PIP della dote CR-2022-0002 inviato alla Provincia il 20\/03\/2022/);
    // 16, 17 and 18 March are working days; 19 and 20 are a weekend.
    expect(r.stderr).toMatch(/^avviso dote\/deadline: dote CR-2022-0002: Invio del PIP .*fatto il 20\/03\/2022, 3 giorni lavorativi dopo la scadenza del 15\/03\/2022/m);
    expect(dataInvio(t.db, 'CR-2022-0002')).toBe('2022-03-20');

    const text = t.ok(['mostra', 'CR-2022-0002'], '2022-03-21').stdout;
    expect(text).toMatch(/15\/03\/2022\s+Invio del PIP[^\n]*: NON RISPETTATA: fatto il 20\/03\/2022, 3 giorni lavorativi dopo la scadenza del 15\/03\/2022/);
    expect(text).not.toMatch(/rispettata \(20\/03\/2022\)/);

    const j = t.ok(['mostra', 'CR-2022-0002', '--json'], '2022-03-21').json();
    expect(byId(j.scadenze)['invio-pip']).toMatchObject({
      entro: '2022-03-15',
      avvenutoIl: '2022-03-20',
      stato: 'in-ritardo',
      ritardo: { giorni: 5, giorniLavorativi: 3 },
    });

    // Nothing is left to do about it: `dote scadenze` lists the validation, not the late PEC.
    const s = t.ok(['scadenze', '--json'], '2022-03-21').json();
    expect(s.scadenze.filter((x: { doteId: string }) => x.doteId === 'CR-2022-0002').map((x: { id: string }) => x.id)).toEqual(['validazione-pip', 'fine']);
  });

  it('pip valida after the 30 working days: --json carries the finding, exit 0', () => {
    const t = setup();
    t.ok(['pip', 'invia', 'CR-2022-0001', '--data', '2022-03-15'], '2022-03-15');
    // 30 working days from 15/03/2022 (Easter Monday 18/04 and 25/04 skipped): 28/04/2022.
    const due = byId(t.ok(['mostra', 'CR-2022-0001', '--json'], '2022-03-15').json().scadenze)['validazione-pip'];
    expect(due.entro).toBe('2022-04-28');
    const r = t.run(['pip', 'valida', 'CR-2022-0001', '--json'], '2022-04-29');
    expect(r.status, r.stderr).toBe(0);
    const j = r.json();
    expect(j.avvisi).toEqual([
      expect.objectContaining({ rule: 'dote/deadline', severity: 'warning', message: expect.stringMatching(/fatto il 29\/04\/2022, 1 giorno lavorativo dopo la scadenza del 28\/04\/2022/) }),
    ]);
    expect(byId(j.dote.scadenze)['validazione-pip']).toMatchObject({ stato: 'in-ritardo', ritardo: { giorni: 1, giorniLavorativi: 1 } });
    expect(byId(j.dote.scadenze)['invio-pip']).toMatchObject({ stato: 'rispettata', ritardo: null });
  });

  it('pip invia on the last day is met: no finding, mostra says rispettata', () => {
    const t = setup();
    const r = t.run(['pip', 'invia', 'CR-2022-0001'], '2022-03-15');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(t.ok(['mostra', 'CR-2022-0001'], '2022-03-21').stdout).toMatch(/15\/03\/2022\s+Invio del PIP[^\n]*: rispettata \(15\/03\/2022\)/);
    const j = t.ok(['mostra', 'CR-2022-0001', '--json'], '2022-03-21').json();
    expect(byId(j.scadenze)['invio-pip']).toMatchObject({ stato: 'rispettata', avvenutoIl: '2022-03-15', ritardo: null });
    const inviaJson = t.run(['pip', 'valida', 'CR-2022-0001', '--json'], '2022-03-21');
    expect(inviaJson.status).toBe(0);
    expect(inviaJson.json().avvisi).toEqual([]);
  });
});
