/** The dote rules: dote/one-active and dote/eligibility (Cremona, "RIPETIBILITA' DEI SERVIZI", "MODALITÀ DI ASSEGNAZIONE"). */
import { describe, expect, it } from 'vitest';
import { loadCatalogues } from '../../src/bandi/load.js';
import type { Persona } from '../../src/domain/dote.js';
import { doteOneActive, type AltraDote, type MisuraEsterna } from '../../src/rules/dote-one-active.js';
import { doteEligibility, type EligibilityInput } from '../../src/rules/dote-eligibility.js';

const cremona = loadCatalogues().get('cremona-2021');
const tipo = (c: string) => cremona.tipi.find((t) => t.codice === c)!;

const dote = (p: Partial<AltraDote>): AltraDote => ({ id: 'CR-2021-0001', tipo: 'D1-INS', statoEffettivo: 'ATTIVA', inizio: '2021-04-01', data_conclusione: null, data_fine: '2021-10-01', ...p });
const misura = (p: Partial<MisuraEsterna>): MisuraEsterna => ({ tipo: 'DUL', dal: '2021-01-01', al: '2021-06-30', operatore: null, azienda: null, servizi: null, ...p });
const oneActive = (data: string, doti: AltraDote[], misure: MisuraEsterna[] = []) => doteOneActive.check({ cf: 'X', data, doti, misure }, 'error');

describe('dote/one-active', () => {
  it('an active dote blocks a new one until its end date', () => {
    expect(oneActive('2021-06-01', [dote({})])).toHaveLength(1);
    expect(oneActive('2021-10-01', [dote({})])).toHaveLength(1);
    expect(oneActive('2021-10-02', [dote({})])).toHaveLength(0);
  });
  it('a PROPOSTA or admitted Job Coach request counts too', () => {
    expect(oneActive('2022-07-01', [dote({ statoEffettivo: 'PROPOSTA', data_fine: null })])).toHaveLength(1);
    expect(oneActive('2022-07-01', [dote({ statoEffettivo: 'AMMESSO AL SERVIZIO', data_fine: '2023-12-31' })])).toHaveLength(1);
  });
  it('refused and cancelled requests never count', () => {
    expect(oneActive('2022-07-01', [dote({ statoEffettivo: 'CANCELLATA', data_fine: null })])).toHaveLength(0);
    expect(oneActive('2022-07-01', [dote({ statoEffettivo: 'RIFIUTATA', data_fine: null })])).toHaveLength(0);
  });
  it('a concluded dote counts only for the days it ran', () => {
    const d = dote({ statoEffettivo: 'CONCLUSA', data_conclusione: '2021-07-15' });
    expect(oneActive('2021-07-15', [d])).toHaveLength(1);
    expect(oneActive('2021-07-16', [d])).toHaveLength(0);
  });
  it('external measures (DUL, Garanzia Giovani, dote disabili) whose period covers the date', () => {
    expect(oneActive('2021-06-30', [], [misura({})])[0]!.message).toMatch(/DUL dal 01\/01\/2021 al 30\/06\/2021/);
    expect(oneActive('2021-07-01', [], [misura({})])).toHaveLength(0);
    expect(oneActive('2021-07-01', [], [misura({ tipo: 'garanzia-giovani', al: null })])).toHaveLength(1);
    expect(oneActive('2020-12-31', [], [misura({ tipo: 'dote-disabili' })])).toHaveLength(0);
  });
});

const persona: Persona = { cf: 'RSSMRA80A01D150J', dataNascita: '1980-01-01', disabilita: 'fisica', l68: true, did: true, occupato: false, ammortizzatoriCovid: false, nuovoIscritto: false };
const ente = { nome: 'Cooperativa Esempio', codice: '1234' };
function elig(p: Partial<EligibilityInput>) {
  return doteEligibility.check(
    { persona, tipo: tipo('D1-INS'), fascia: 2, linea: undefined, azienda: null, data: '2021-05-10', precedenti: [], misure: [], ente, ...p },
    'error',
  );
}

describe('dote/eligibility: requirements and lines', () => {
  it('D1 line chosen: a when in a priority category, else b', () => {
    expect(elig({}).linea).toBe('b');
    expect(elig({ persona: { ...persona, disabilita: 'sensoriale' } }).linea).toBe('a');
    expect(elig({}).findings).toEqual([]);
  });
  it('--linea a for a person in no priority category is refused', () => {
    const r = elig({ linea: 'a' });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'dote/eligibility', severity: 'error' });
    expect(r.findings[0]!.message).toMatch(/linea a .*categorie prioritarie/);
  });
  it('--linea b for a person in a priority category is refused (b is for those not in them)', () => {
    expect(elig({ linea: 'b', persona: { ...persona, dataNascita: '1995-03-15' } }).findings[0]!.message).toMatch(/linea b/);
  });
  it('D1 for an employed person, D2 for an unemployed one', () => {
    expect(elig({ persona: { ...persona, occupato: true } }).findings[0]!.message).toMatch(/è occupato/);
    const r = elig({ tipo: tipo('D2-MAN'), azienda: 'Rossi SRL' });
    expect(r.findings[0]!.message).toMatch(/non è occupato/);
    expect(r.linea).toBeNull();
  });
});

describe('dote/eligibility: repeat rules at the same employer', () => {
  const employed = { ...persona, occupato: true, ammortizzatoriCovid: true };
  const prev = (p: Partial<EligibilityInput['precedenti'][number]>) => ({ id: 'CR-2020-0001', tipo: tipo('D1-INS'), azienda: 'Rossi S.r.l.', statoEffettivo: 'CONCLUSA', risultatoRaggiunto: null, ...p });

  it('an earlier inserimento of ours at the same employer blocks mantenimento and D2-COV there', () => {
    for (const t of ['D2-MAN', 'D2-COV']) {
      const r = elig({ persona: employed, tipo: tipo(t), azienda: 'ROSSI SRL', precedenti: [prev({})] });
      expect(r.findings.map((f) => f.message)).toEqual([expect.stringMatching(/inserimento presso Rossi S\.r\.l\. già erogato .*CR-2020-0001.*non ripetibile/)]);
    }
  });
  it('an earlier D2 mantenimento blocks D2-COV at the same employer', () => {
    const r = elig({ persona: employed, tipo: tipo('D2-COV'), azienda: 'Rossi SRL', precedenti: [prev({ tipo: tipo('D2-MAN') })] });
    expect(r.findings).toHaveLength(1);
  });
  it('another employer, a refused request or a result not achieved do not block', () => {
    expect(elig({ persona: employed, tipo: tipo('D2-MAN'), azienda: 'Bianchi SpA', precedenti: [prev({})] }).findings).toEqual([]);
    expect(elig({ persona: employed, tipo: tipo('D2-MAN'), azienda: 'Rossi SRL', precedenti: [prev({ statoEffettivo: 'RIFIUTATA' })] }).findings).toEqual([]);
    expect(elig({ persona: employed, tipo: tipo('D2-MAN'), azienda: 'Rossi SRL', precedenti: [prev({ risultatoRaggiunto: 0 })] }).findings).toEqual([]);
    expect(elig({ persona: employed, tipo: tipo('D2-MAN'), azienda: 'Rossi SRL', precedenti: [prev({ tipo: tipo('D1-IMP') })] }).findings).toEqual([]);
  });
  it('an external disability dote by our operator with inserimento/mantenimento at the same employer', () => {
    const m = misura({ tipo: 'dote-disabili', dal: '2019-02-01', al: '2019-12-31', operatore: 'cooperativa esempio', azienda: 'Rossi srl', servizi: 'QD2,mantenimento' });
    expect(elig({ persona: employed, tipo: tipo('D2-MAN'), azienda: 'Rossi SRL', misure: [m] }).findings[0]!.message).toMatch(/mantenimento presso Rossi srl già erogato .*01\/02\/2019/);
    expect(elig({ persona: employed, tipo: tipo('D2-MAN'), azienda: 'Rossi SRL', misure: [{ ...m, operatore: '1234' }] }).findings).toHaveLength(1);
    expect(elig({ persona: employed, tipo: tipo('D2-MAN'), azienda: 'Rossi SRL', misure: [{ ...m, operatore: 'Altro Ente' }] }).findings).toEqual([]);
    expect(elig({ persona: employed, tipo: tipo('D2-MAN'), azienda: 'Rossi SRL', misure: [{ ...m, servizi: 'QD2,Q0C' }] }).findings).toEqual([]);
    expect(elig({ persona: employed, tipo: tipo('D2-MAN'), azienda: 'Rossi SRL', misure: [m], ente: null }).findings).toEqual([]);
  });
  it('D1-INS without an employer yet: nothing to compare', () => {
    expect(elig({ precedenti: [prev({})] }).findings).toEqual([]);
  });
});
