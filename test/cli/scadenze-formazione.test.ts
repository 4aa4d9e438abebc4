/**
 * `dote scadenze` reminds to send the training start notice (Cremona, "Realizzazione del PIP")
 * while a dote has training planned and none delivered yet; the reminder is due by the first
 * session's date and goes once a session is delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base, CF_CR, CR, type Env } from '../documents/setup.js';

let env: Env;
beforeAll(() => {
  env = base();
  env.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', CF_CR, '--fascia', '3', '--linea', 'a', '--data', '2022-03-01', '--id', CR, '--oggi', '2022-03-01']);
  env.ok(['pip', 'imposta', CR, '--servizio', 'QD1=1', '--servizio', 'QF0=20:coll', '--data', '2022-03-04', '--oggi', '2022-03-04']);
});
afterAll(() => env.cleanup());

const reminders = (oggi: string) =>
  (env.ok(['scadenze', '--json', '--oggi', oggi]).json().scadenze as { doteId: string; id: string; entro: string; descrizione: string }[]).filter((s) => s.id === 'avvio-formazione');

describe('the training start notice in dote scadenze', () => {
  it('is due by the first planned session, and goes once training is delivered', () => {
    expect(reminders('2022-03-10')).toEqual([]);
    const a = String(env.ok(['erogazione', 'aggiungi', CR, '--servizio', 'QF0', '--data', '2022-04-12', '--inizio', '09:00', '--fine', '12:00', '--professionista', 'P03', '--collettiva', '--oggi', '2022-03-10', '--json']).json().id);
    env.ok(['erogazione', 'aggiungi', CR, '--servizio', 'QF0', '--data', '2022-04-05', '--inizio', '09:00', '--fine', '12:00', '--professionista', 'P03', '--collettiva', '--oggi', '2022-03-10']);
    const r = reminders('2022-03-10');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ doteId: CR, entro: '2022-04-05' });
    expect(r[0]!.descrizione).toContain(`dote stampa avvio-formazione ${CR}`);
    for (const step of ['programma', 'avvia', 'concludi']) env.ok(['erogazione', step, a, '--oggi', '2022-04-12']);
    expect(reminders('2022-04-12')).toEqual([]);
  });
});
