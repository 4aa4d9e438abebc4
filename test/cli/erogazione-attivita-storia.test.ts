import { afterEach, describe, expect, it } from 'vitest';
import { aggiungi, cremona, dump, JC, jobCoach, refused, setup, type Env } from './erogazione-setup.js';

const envs: Env[] = [];
afterEach(() => {
  while (envs.length) envs.pop()!.cleanup();
});
function jc(): Env {
  const env = setup();
  envs.push(env);
  jobCoach(env);
  return env;
}

/** One JC-AN delivery taken through to EROGATA on 28/06/2022. */
function erogata(env: Env, inizio = '10:00', fine = '12:00'): string {
  const id = String(aggiungi(env, JC, { servizio: 'JC-AN', data: '2022-06-28', inizio, fine, oggi: '2022-06-27' }));
  for (const a of ['programma', 'avvia', 'concludi']) env.ok(['erogazione', a, id, '--oggi', '2022-06-28']);
  return id;
}

describe('dote attivita concludi (Job Coach manual 3.3)', () => {
  it('needs at least one EROGATA delivery, not all the hours; afterwards nothing of the activity changes', () => {
    const env = jc();
    const draft = String(aggiungi(env, JC, { servizio: 'JC-AN', data: '2022-06-29', inizio: '10:00', fine: '11:00', oggi: '2022-06-27' }));
    expect(refused(env, ['attivita', 'concludi', JC, 'JC-AN', '--oggi', '2022-06-28']).stderr).toMatch(/nessuna erogazione EROGATA: per concluderla ne serve almeno una/);
    erogata(env);
    // An open delivery would be frozen for good (and block the dote's conclusion): refused, named.
    const blocked = refused(env, ['attivita', 'concludi', JC, 'JC-AN', '--oggi', '2022-06-30']).stderr;
    expect(blocked).toMatch(new RegExp(`l'attività JC-AN della dote JC-1-1103/022 ha un'erogazione ancora aperta: ${draft} del 29/06/2022 \\(INSERITA\\)`));
    expect(blocked).toMatch(new RegExp(`dote erogazione annulla ${draft}`));
    env.ok(['erogazione', 'annulla', draft, '--oggi', '2022-06-30']);
    const r = env.run(['attivita', 'concludi', JC, 'JC-AN', '--oggi', '2022-06-30', '--json']);
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ dote: JC, servizio: 'JC-AN', stato: 'TERMINATA', oreMinuti: 240, erogateMinuti: 120, dataConclusione: '2022-06-30', erogazioniAperte: 0 });
    expect(refused(env, ['attivita', 'concludi', JC, 'JC-AN', '--oggi', '2022-06-30']).stderr).toMatch(/TERMINATA.*stato finale/);
    expect(refused(env, ['erogazione', 'modifica', draft, '--fine', '10:30', '--oggi', '2022-06-30']).stderr).toMatch(/L'erogazione \d+ è nello stato ANNULLATA/);
    expect(refused(env, ['erogazione', 'aggiungi', JC, '--servizio', 'JC-AN', '--data', '2022-07-04', '--inizio', '10:00', '--fine', '11:00', '--professionista', 'P01', '--oggi', '2022-07-01']).stderr).toMatch(/TERMINATA/);
    // The other activities go on.
    aggiungi(env, JC, { servizio: 'JC-DE', data: '2022-07-04', inizio: '10:00', fine: '11:00', oggi: '2022-07-01' });
    const list = env.ok(['attivita', 'elenco', JC, '--json']).json();
    expect(list.map((a: { servizio: string; stato: string }) => `${a.servizio} ${a.stato}`)).toEqual(['JC-AN TERMINATA', 'JC-DE PROPOSTA', 'JC-PU PROPOSTA', 'JC-SU PROPOSTA', 'JC-AL PROPOSTA']);
  });

  it('refuses Cremona doti, unknown doti and activities with a clear message', () => {
    const env = jc();
    cremona(env, 'C1', 'VRDLGU85M01L736M');
    expect(refused(env, ['attivita', 'concludi', 'C1', 'QD2']).stderr).toMatch(/la dote C1 \(cremona-2021, D1-INS\) non ha attività: .*solo del Job Coach/);
    expect(refused(env, ['attivita', 'concludi', 'NON-ESISTE', 'JC-AN']).stderr).toMatch(/dote sconosciuta/);
    expect(refused(env, ['attivita', 'concludi', JC, 'JC-AL-R']).stderr).toMatch(/non ha l'attività JC-AL-R \(attività: JC-AN, JC-DE, JC-PU, JC-SU, JC-AL\)/);
  });
});

describe('dote storia', () => {
  it('shows every change of the dote, its activities and deliveries: when, who, before → after', () => {
    const env = jc();
    const id = String(aggiungi(env, JC, { servizio: 'JC-AN', data: '2022-06-28', inizio: '10:00', fine: '12:00', oggi: '2022-06-27' }));
    env.ok(['erogazione', 'modifica', id, '--fine', '11:30', '--professionista', 'P02', '--oggi', '2022-06-27', '--operatore', 'giulia']);
    env.ok(['erogazione', 'programma', id, '--oggi', '2022-06-27', '--operatore', 'giulia']);
    env.ok(['erogazione', 'avvia', id, '--oggi', '2022-06-28']);
    const text = env.ok(['storia', JC]).stdout;
    expect(text).toMatch(/^Storia della dote JC-1-1103\/022/);
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}  giulia  erogazione 1: modifica\n    ora di fine: 12:00 → 11:30\n    professionista: P01 → P02\n/);
    expect(text).toMatch(/giulia  erogazione 1: programma\n    stato: INSERITA → PROGRAMMATA/);
    expect(text).toMatch(/test  attività JC-AN: inizia\n    stato: PROPOSTA → INIZIATA/);
    expect(text).toMatch(/dote: ammetti/);
    const j = env.ok(['storia', JC, '--json']).json();
    expect(j.dote).toBe(JC);
    const mod = j.voci.find((v: { entita: string; azione: string }) => v.entita === 'erogazione' && v.azione === 'modifica');
    expect(mod).toMatchObject({ operatore: 'giulia', entitaId: '1' });
    expect(mod.modifiche).toEqual([
      { campo: 'fine', prima: '12:00', dopo: '11:30' },
      { campo: 'professionista', prima: 'P01', dopo: 'P02' },
    ]);
    expect(new Date(mod.quando).toISOString()).toBe(mod.quando);
  });

  it('a refused change leaves no trace; nothing is ever deleted', () => {
    const env = jc();
    const id = String(aggiungi(env, JC, { servizio: 'JC-AN', data: '2022-06-28', inizio: '10:00', fine: '12:00', oggi: '2022-06-27' }));
    const before = dump(env.db).storia;
    refused(env, ['erogazione', 'avvia', id]);
    env.ok(['erogazione', 'annulla', id]);
    const after = dump(env.db);
    expect(after.storia).toHaveLength(before.length + 1);
    expect(after.erogazione).toEqual([expect.objectContaining({ id: 1, stato: 'ANNULLATA' })]);
    expect(refused(env, ['storia', 'NON-ESISTE']).stderr).toMatch(/dote sconosciuta/);
  });

  it('erogazione elenco filters by state, in text and JSON', () => {
    const env = jc();
    erogata(env);
    aggiungi(env, JC, { servizio: 'JC-AL', data: '2022-06-29', inizio: '09:00', fine: '12:30', oggi: '2022-06-27', extra: ['--modalita', 'fad'] });
    const text = env.ok(['erogazione', 'elenco', JC]).stdout;
    expect(text.split('\n')[0]).toMatch(/^id\s+stato\s+servizio\s+professionista\s+data\s+inizio\s+fine\s+ore\s+modalità\s+collettiva$/);
    expect(text).toMatch(/2  INSERITA  JC-AL     Mario Rossi \(P01\)  29\/06\/2022  09:00   12:30  3,5  FAD       no/);
    expect(text).toMatch(/2 erogazioni: ore valide 5 ore e 30 minuti, di cui erogate 2 ore\./);
    expect(env.ok(['erogazione', 'elenco', JC, '--stato', 'inserita', '--json']).json().map((e: { id: number }) => e.id)).toEqual([2]);
    expect(env.ok(['erogazione', 'elenco', JC, '--stato', 'chiusa-negativamente']).stdout).toBe('Nessuna erogazione.\n');
    expect(refused(env, ['erogazione', 'elenco', JC, '--stato', 'FATTA'], 2).stderr).toMatch(/--stato/);
  });
});
