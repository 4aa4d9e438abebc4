/**
 * The claim's arithmetic (Cremona, "DOMANDA DI LIQUIDAZIONE"): hours delivered × the service's
 * rate, never beyond the plan nor the fascia's cap; the result only for at least 180 days of
 * subordinate or staff-leasing employment, weekly hours not below the CCNL's, never a traineeship.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogues } from '../../src/bandi/load.js';
import { importoServizi, occupazione, type Contratto } from '../../src/domain/liquidazione.js';
import { massimaliTipo } from '../../src/domain/massimali.js';
import { liquidazioneResult180 } from '../../src/rules/liquidazione-result-180.js';
import { liquidazioneIncomplete, type IncompleteFacts } from '../../src/rules/liquidazione-incomplete.js';

const cats = loadCatalogues([]);
const cremona = cats.find('cremona-2021')!;
const caps = (fascia: number) => {
  const m = massimaliTipo(cremona, 'D1-INS', fascia);
  if (typeof m === 'string') throw new Error(m);
  return m.caps;
};
const ore = (h: number) => h * 60;

describe('importoServizi', () => {
  it('pays the hours delivered at the rate of the mode, individual and group apart, in cents', () => {
    const plan = new Map([
      ['QD2', { individuale: ore(2), collettiva: 0 }],
      ['QF0', { individuale: 0, collettiva: ore(40) }],
    ]);
    const r = importoServizi(cremona, caps(3), plan, [
      { servizio: 'QF0', collettiva: true, minuti: ore(10) + 30 },
      { servizio: 'QD2', collettiva: false, minuti: 90 },
    ]);
    // QD2 33 €/h × 1,5 h = 49,50 €; QF0 group 13,34 €/h × 10,5 h = 140,07 €; catalogue order.
    expect(r.righe.map((x) => [x.servizio, x.collettiva, x.minutiPagati, x.importoCent])).toEqual([
      ['QD2', false, 90, 4950],
      ['QF0', true, 630, 14007],
    ]);
    expect(r.totaleCent).toBe(4950 + 14007);
  });

  it('never beyond the plan, nor the fascia\'s cap; a service the plan lacks is paid nothing', () => {
    const plan = new Map([['QT8', { individuale: ore(40), collettiva: 0 }]]);
    // Fascia 1: QT8 at most 10 hours (the plan above the cap cannot raise it).
    const r = importoServizi(cremona, caps(1), plan, [
      { servizio: 'QT8', collettiva: false, minuti: ore(20) },
      { servizio: 'QD2', collettiva: false, minuti: ore(1) },
    ]);
    expect(r.righe.map((x) => [x.servizio, x.minutiLimite, x.minutiPagati, x.importoCent])).toEqual([
      ['QD2', 0, 0, 0],
      ['QT8', ore(10), ore(10), 10 * 3200],
    ]);
    // Without a PIP (pianificato null) the cap alone limits.
    expect(importoServizi(cremona, caps(3), null, [{ servizio: 'QD2', collettiva: false, minuti: ore(3) }]).righe[0]!.minutiPagati).toBe(ore(2));
  });
});

const c = (numero: number, tipo: Contratto['tipo'], dal: string, al: string | null, settimanali = 40, ccnl = 40): Contratto => ({
  numero,
  tipo,
  azienda: `Azienda ${numero}`,
  dal,
  al,
  minutiSettimanali: ore(settimanali),
  minutiCcnl: ore(ccnl),
});

describe('occupazione (the 180 days)', () => {
  it('sums non-continuous contracts with different employers, both ends included', () => {
    const o = occupazione([c(1, 'subordinato', '2021-01-01', '2021-03-31'), c(2, 'somministrazione', '2021-06-01', '2021-08-29')], 180);
    expect(o).toMatchObject({ giorni: 90 + 90, raggiunto: true, indeterminato: false, esclusi: [] });
    expect(occupazione([c(1, 'subordinato', '2021-01-01', '2021-06-28')], 180)).toMatchObject({ giorni: 179, raggiunto: false });
  });
  it('counts overlapping days once', () => {
    const o = occupazione([c(1, 'subordinato', '2021-01-01', '2021-04-30'), c(2, 'subordinato', '2021-03-01', '2021-06-30'), c(3, 'subordinato', '2021-02-01', '2021-02-10')], 180);
    expect(o.giorni).toBe(181); // 01/01-30/06/2021
    expect(o.raggiunto).toBe(true);
  });
  it('an open-ended contract qualifies; a traineeship never counts; weekly hours below the CCNL do not count', () => {
    expect(occupazione([c(1, 'subordinato', '2021-05-01', null)], 180)).toMatchObject({ indeterminato: true, raggiunto: true });
    const o = occupazione([c(1, 'tirocinio', '2021-01-01', '2021-12-31'), c(2, 'subordinato', '2021-01-01', '2021-12-31', 20, 40)], 180);
    expect(o).toMatchObject({ giorni: 0, raggiunto: false, esclusi: [{ numero: 1, motivo: 'tirocinio' }, { numero: 2, motivo: 'orario' }] });
    expect(occupazione([c(1, 'subordinato', '2021-01-01', '2021-12-31', 40, 40)], 180).raggiunto).toBe(true);
  });
});

describe('liquidazione/result-180', () => {
  it('says why the result is not met, and nothing when it is', () => {
    const contratti = [c(1, 'tirocinio', '2021-01-01', '2021-12-31'), c(2, 'subordinato', '2021-01-01', '2021-03-31', 30, 40), c(3, 'subordinato', '2021-05-01', '2021-06-30')];
    const f = liquidazioneResult180.check('inserimento lavorativo', contratti, occupazione(contratti, 180), 'warning');
    expect(f.map((x) => [x.severity, x.messageId])).toEqual([
      ['warning', 'tirocinio'],
      ['warning', 'orario'],
      ['warning', 'sottoSoglia'],
    ]);
    expect(f[2]!.message).toBe('risultato (inserimento lavorativo) non raggiunto: 61 giorni di lavoro subordinato o somministrato dal 01/05/2021, ne servono almeno 180: la richiesta lo esclude');
    const ok = [c(1, 'subordinato', '2021-01-01', null)];
    expect(liquidazioneResult180.check('inserimento lavorativo', ok, occupazione(ok, 180), 'warning')).toEqual([]);
    expect(liquidazioneResult180.check('inserimento lavorativo', [], occupazione([], 180), 'warning').map((x) => x.messageId)).toEqual(['nessunContratto']);
  });
});

describe('liquidazione/incomplete', () => {
  const ready: IncompleteFacts = {
    dote: 'CR-A',
    stato: 'CONCLUSA',
    conclusa: true,
    aperte: [],
    erogate: ore(6),
    timesheetRichiesto: true,
    timesheetImportato: true,
    piano: [{ servizio: 'QD2', collettiva: false, pianificate: ore(2), erogate: ore(2) }],
    outputMancanti: [],
  };
  it('nothing for a dote ready to be claimed', () => {
    expect(liquidazioneIncomplete.check(ready, 'error')).toEqual([]);
  });
  it('errors: not concluded, a delivery still open, no timesheet; warnings: hours not delivered, output missing', () => {
    const f = liquidazioneIncomplete.check(
      {
        ...ready,
        stato: 'ATTIVA',
        conclusa: false,
        aperte: [{ id: 7, data: '2021-04-06', servizio: 'QT8', stato: 'PROGRAMMATA' }],
        timesheetImportato: false,
        piano: [{ servizio: 'QT8', collettiva: false, pianificate: ore(10), erogate: ore(4) }],
        outputMancanti: [{ servizio: 'QT8', output: 'Relazione attività svolte' }],
      },
      'error',
    );
    expect(f.map((x) => [x.severity, x.messageId])).toEqual([
      ['error', 'nonConclusa'],
      ['error', 'erogazioneAperta'],
      ['error', 'nessunTimesheet'],
      ['warning', 'oreNonErogate'],
      ['warning', 'outputMancante'],
    ]);
    expect(f[1]!.message).toBe('erogazione 7 del 06/04/2021 (QT8) ancora PROGRAMMATA: va conclusa o annullata');
  });
  it('a Job Coach voucher without timesheets is not incomplete for that; nothing delivered is', () => {
    expect(liquidazioneIncomplete.check({ ...ready, timesheetRichiesto: false, timesheetImportato: false }, 'error')).toEqual([]);
    expect(liquidazioneIncomplete.check({ ...ready, erogate: 0 }, 'error').map((x) => x.messageId)).toEqual(['nessunaErogazione']);
  });
});
