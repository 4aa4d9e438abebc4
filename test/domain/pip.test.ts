/**
 * PIP: plans from service specs, caps by fascia, value in cents (Cremona, "SERVIZI" tables).
 * Reading `--servizio CODICE=ORE[:coll]` itself is tested with the option readers
 * (test/cli-options/values.test.ts); here it only writes the specs briefly.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogues } from '../../src/bandi/load.js';
import { applySpecs, planValue, risultatoCent, type ServizioSpec, type VocePip } from '../../src/domain/pip.js';
import { planCapFindings } from '../../src/rules/hours-service-cap.js';
import { planNotInDote } from '../../src/rules/service-not-in-dote.js';
import { servizioOre } from '../../src/cli-options/values.js';
import { formatCents } from '../../src/domain/money.js';

const cremona = loadCatalogues().get('cremona-2021');
const tipo = (c: string) => cremona.tipi.find((t) => t.codice === c)!;
const spec = (text: string): ServizioSpec => {
  const r = servizioOre('--servizio', text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const plan = (...specs: string[]) => applySpecs([], specs.map(spec));

describe('plans from CODICE=ORE[:coll]', () => {
  it('individual and group hours of one service are separate amounts', () => {
    expect(plan('QT6=4', 'QT6=6:coll')).toEqual([{ servizio: 'QT6', minutiIndividuali: 240, minutiCollettivi: 360 }]);
  });
  it('a variation keeps unnamed services, replaces named ones, removes CODE=0', () => {
    const base: VocePip[] = plan('QD2=2', 'QT6=4', 'QT6=6:coll', 'QT8=30');
    const next = applySpecs(base, ['QT8=20', 'QT6=0', 'QF0=10'].map(spec));
    expect(next).toEqual([
      { servizio: 'QD2', minutiIndividuali: 120, minutiCollettivi: 0 },
      { servizio: 'QT6', minutiIndividuali: 0, minutiCollettivi: 360 },
      { servizio: 'QT8', minutiIndividuali: 1200, minutiCollettivi: 0 },
      { servizio: 'QF0', minutiIndividuali: 600, minutiCollettivi: 0 },
    ]);
    expect(applySpecs(next, ['QT6=0:coll'].map(spec)).map((v) => v.servizio)).toEqual(['QD2', 'QT8', 'QF0']);
  });
});

describe('caps of the fascia', () => {
  // The PIP checks of service/not-in-dote and hours/service-cap, as `pip imposta` runs them.
  const problems = (t: string, fascia: number, ...specs: string[]) => [
    ...planNotInDote('error', cremona, tipo(t), plan(...specs)),
    ...planCapFindings('error', cremona, tipo(t), fascia, plan(...specs), new Map()),
  ];
  it('at the caps: fine', () => {
    expect(problems('D1-INS', 3, 'QD1=1', 'QD2=2', 'QD3=3', 'Q0C=5', 'QD8=8', 'QT6=4', 'QT6=6:coll', 'QT7=4', 'QN7=10', 'QN7=12:coll', 'QT8=30', 'QT9=3', 'QF0=40', 'QF0=60:coll')).toEqual([]);
  });
  it('over the individual cap', () => {
    const p = problems('D1-INS', 1, 'QD2=2');
    expect(p).toMatchObject([{ rule: 'hours/service-cap', severity: 'error', messageId: 'pianoOltreMassimale', message: 'QD2 individuali: 2 ore, oltre il massimo di 1 ora per la fascia 1' }]);
    expect(problems('D1-INS', 2, 'QT8=15,5')[0]!.message).toMatch(/QT8 individuali: 15 ore e 30 minuti, oltre il massimo di 15 ore/);
  });
  it('over the group cap', () => {
    expect(problems('D1-INS', 1, 'QF0=40,5:coll')[0]!.message).toMatch(/QF0 collettive: 40 ore e 30 minuti, oltre il massimo di 40 ore per la fascia 1/);
    expect(problems('D2-MAN', 3, 'QT6=7:coll')).toHaveLength(1);
  });
  it('group hours on a service without a group rate', () => {
    expect(problems('D1-INS', 3, 'QD2=1:coll')).toMatchObject([{ rule: 'service/not-in-dote', message: 'QD2 non ha una tariffa collettiva: ore collettive non ammesse' }]);
  });
  it('a service the type does not have, or an unknown one', () => {
    expect(problems('D1-INS', 3, 'QT5=2')[0]).toMatchObject({ rule: 'service/not-in-dote', message: 'servizio QT5 non previsto dal tipo di dote D1-INS' });
    expect(problems('D1-IMP', 3, 'QT8=2')[0]!.message).toMatch(/QT8 non previsto dal tipo di dote D1-IMP/);
    expect(problems('D2-COV', 3, 'QTJ=20', 'QTP=48', 'QTP=48:coll', 'QF0-COV=20')).toEqual([]);
    expect(problems('D2-MAN', 3, 'QTJ=1')).toHaveLength(1);
    expect(problems('D1-INS', 3, 'QZZ=1')[0]!.message).toMatch(/QZZ sconosciuto/);
  });
});

describe('value in cents', () => {
  it('D1-INS fascia 3: QD2=2, QD3=3, Q0C=5, QT8=30, QF0=40:coll is 1.841,60 € (+ 2.800,00 € result)', () => {
    const v = planValue(cremona, plan('QD2=2', 'QD3=3', 'Q0C=5', 'QT8=30', 'QF0=40:coll'));
    expect(v.righe.map((r) => r.valoreCent)).toEqual([6600, 11700, 16500, 96000, 53360]);
    expect(v.totaleCent).toBe(184160);
    expect(formatCents(v.totaleCent)).toBe('1.841,60 €');
    expect(risultatoCent(tipo('D1-INS'), 3)).toBe(280000);
  });
  it('individual and group rates of one service add up', () => {
    const v = planValue(cremona, plan('QT6=4', 'QT6=6:coll'));
    expect(v.righe[0]).toMatchObject({ valoreIndividualeCent: 14000, valoreCollettivoCent: 9000, valoreCent: 23000 });
  });
  it('fractional hours at fractional rates stay exact to the cent', () => {
    // QT9 69,75 €/h × 1,5 h = 104,625 € → 104,63 € (half up); QF0 coll 13,34 × 0,75 = 10,005 → 10,01.
    expect(planValue(cremona, plan('QT9=1,5')).totaleCent).toBe(10463);
    expect(planValue(cremona, plan('QF0=0,75:coll')).totaleCent).toBe(1001);
  });
  it('results by fascia and type', () => {
    expect([1, 2, 3, 4].map((f) => risultatoCent(tipo('D1-IMP'), f))).toEqual([325000, 386000, 425000, 500000]);
    expect(risultatoCent(tipo('D2-COV'), 1)).toBe(140000);
  });
});
