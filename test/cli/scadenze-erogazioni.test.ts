/**
 * Job Coach manual, 3.2: deliveries may be entered, programmed, started and concluded late
 * "comunque entro e non oltre 7 giorni" after their date (calendar/late-entry, an error in
 * veneto-jc-2022). `dote scadenze` lists, for every open delivery, the last day to conclude it;
 * it must be the last day on which `dote erogazione concludi` is still accepted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { aggiungi, CF2, cremona, JC, jobCoach, refused, setup, type Env } from './erogazione-setup.js';

const envs: Env[] = [];
afterEach(() => {
  while (envs.length) envs.pop()!.cleanup();
});

/** A voucher with two deliveries of Monday 04/07/2022 and Tuesday 05/07/2022, entered on 01/07. */
function jc(): Env {
  const env = setup();
  envs.push(env);
  jobCoach(env);
  expect(aggiungi(env, JC, { servizio: 'JC-AN', data: '2022-07-04', inizio: '09:00', fine: '11:00', oggi: '2022-07-01' })).toBe(1);
  expect(aggiungi(env, JC, { servizio: 'JC-DE', data: '2022-07-05', inizio: '09:00', fine: '11:00', oggi: '2022-07-01' })).toBe(2);
  env.ok(['erogazione', 'programma', '1', '--oggi', '2022-07-01']);
  env.ok(['erogazione', 'avvia', '1', '--oggi', '2022-07-04']);
  return env;
}

type S = { doteId: string; id: string; entro: string; stato: string; giorniMancanti: number; descrizione: string };
const scadenze = (env: Env, oggi: string, extra: string[] = []): S[] => env.ok(['scadenze', '--json', '--oggi', oggi, ...extra]).json().scadenze;
const row = (list: S[], id: string) => list.find((s) => s.id === id);

describe('Job Coach: conclude each delivery within 7 days of its date', () => {
  it('listed on the day before and on the last day, overdue the day after, sorted with the other deadlines', () => {
    const env = jc();
    const before = scadenze(env, '2022-07-10');
    expect(before.map((s) => [s.id, s.entro, s.stato, s.giorniMancanti])).toEqual([
      ['erogazione-1', '2022-07-11', 'in-corso', 1],
      ['erogazione-2', '2022-07-12', 'in-corso', 2],
      ['fine', '2023-12-31', 'in-corso', 539],
    ]);
    expect(row(before, 'erogazione-1')!.descrizione).toMatch(/^Concludere l'erogazione 1 del 04\/07\/2022 \(JC-AN, AVVIATA\)/);
    expect(row(before, 'erogazione-2')!.descrizione).toMatch(/^Concludere l'erogazione 2 del 05\/07\/2022 \(JC-DE, INSERITA\)/);
    expect(env.ok(['scadenze', '--oggi', '2022-07-10']).stdout).toMatch(/11\/07\/2022\s+tra 1 giorno\s+JC-1-1103\/022\s+JC-BASE\s+Rossi Mario\s+Concludere l'erogazione 1 del 04\/07\/2022/);
    // --entro: within 1 day it is there, within 0 days it is not (not yet overdue).
    expect(scadenze(env, '2022-07-10', ['--entro', '1']).map((s) => s.id)).toEqual(['erogazione-1']);
    expect(scadenze(env, '2022-07-10', ['--entro', '0'])).toEqual([]);

    expect(row(scadenze(env, '2022-07-11'), 'erogazione-1')).toMatchObject({ entro: '2022-07-11', stato: 'in-corso', giorniMancanti: 0 });
    expect(env.ok(['scadenze', '--oggi', '2022-07-11']).stdout).toMatch(/11\/07\/2022\s+scade oggi\s+JC-1-1103\/022/);

    const after = scadenze(env, '2022-07-12', ['--entro', '0']);
    expect(after.map((s) => [s.id, s.stato, s.giorniMancanti])).toEqual([
      ['erogazione-1', 'scaduta', -1],
      ['erogazione-2', 'in-corso', 0],
    ]);
    expect(env.ok(['scadenze', '--oggi', '2022-07-12']).stdout).toMatch(/11\/07\/2022\s+SCADUTA da 1 giorno\s+JC-1-1103\/022/);
    // mostra lists them among the dote's deadlines.
    expect(env.ok(['mostra', JC, '--oggi', '2022-07-12']).stdout).toMatch(/11\/07\/2022\s+Concludere l'erogazione 1 del 04\/07\/2022 \(JC-AN, AVVIATA\): SCADUTA da 1 giorno/);
  });

  it('the deadline is the last day calendar/late-entry accepts: concluding the day after is refused', () => {
    const env = jc();
    expect(row(scadenze(env, '2022-07-12'), 'erogazione-1')).toMatchObject({ entro: '2022-07-11', stato: 'scaduta' });
    expect(refused(env, ['erogazione', 'concludi', '1', '--oggi', '2022-07-12']).stderr).toMatch(/calendar\/late-entry/);
    env.ok(['erogazione', 'concludi', '1', '--oggi', '2022-07-11']);
  });

  it('disappears once the delivery is EROGATA or ANNULLATA', () => {
    const env = jc();
    env.ok(['erogazione', 'concludi', '1', '--oggi', '2022-07-11']);
    env.ok(['erogazione', 'annulla', '2', '--oggi', '2022-07-11']);
    for (const oggi of ['2022-07-11', '2022-07-20']) {
      expect(scadenze(env, oggi).map((s) => s.id)).toEqual(['fine']);
    }
    expect(env.ok(['mostra', JC, '--oggi', '2022-07-20']).stdout).not.toMatch(/Concludere l'erogazione/);
  });

  it('not for a bando where late entry is only a warning (Cremona)', () => {
    const env = setup();
    envs.push(env);
    cremona(env, 'CR-1', CF2);
    env.ok(['pip', 'imposta', 'CR-1', '--servizio', 'QD2=2', '--oggi', '2022-03-01']);
    aggiungi(env, 'CR-1', { servizio: 'QD2', data: '2022-03-02', inizio: '09:00', fine: '10:00', oggi: '2022-03-01' });
    expect(scadenze(env, '2022-03-20').some((s) => s.id.startsWith('erogazione-'))).toBe(false);
  });
});
