/** Deadlines (Cremona "COME ATTIVARE UNA DOTE", "DOMANDA DI LIQUIDAZIONE"; Job Coach manual, 2; rule dote/deadline). */
import { describe, expect, it } from 'vitest';
import { loadCatalogues } from '../../src/bandi/load.js';
import { addWorkingDays } from '../../src/domain/holidays.js';
import { scadenzeAperte, scadenzeDote, type DoteDates } from '../../src/domain/scadenze.js';
import { doteDeadline } from '../../src/rules/dote-deadline.js';

const cats = loadCatalogues();
const cremona = cats.get('cremona-2021');
const jc = cats.get('veneto-jc-2022');

const base: DoteDates = {
  id: 'CR-2022-0001',
  stato: 'ATTIVA',
  statoEffettivo: 'ATTIVA',
  data_richiesta: '2022-04-08',
  data_notifica: null,
  data_ammissione: null,
  data_rifiuto: null,
  data_attivazione: '2022-04-08',
  data_invio_pip: null,
  data_validazione_pip: null,
  data_conclusione: null,
  data_fine: '2022-06-30',
  data_liquidazione: null,
};
const byId = (list: ReturnType<typeof scadenzeDote>) => Object.fromEntries(list.map((s) => [s.id, s]));

describe('working days across Easter 2022 and 25 April', () => {
  it('skips weekends, Easter Monday (18/04) and Liberation Day (25/04)', () => {
    // Friday 08/04/2022 + 10: 11-15 (5), 18 Pasquetta, 19-22 (9), 25 Liberazione, 26 (10).
    expect(addWorkingDays('2022-04-08', 10)).toBe('2022-04-26');
    expect(addWorkingDays('2022-04-14', 1)).toBe('2022-04-15');
    expect(addWorkingDays('2022-04-15', 1)).toBe('2022-04-19');
    expect(addWorkingDays('2022-04-22', 1)).toBe('2022-04-26');
  });
});

describe('Cremona deadlines', () => {
  it('PIP by PEC within 10 working days of activation', () => {
    const s = byId(scadenzeDote(cremona, base, '2022-04-20'));
    expect(s['invio-pip']).toMatchObject({ entro: '2022-04-26', stato: 'in-corso', giorniMancanti: 6, tipoGiorni: 'lavorativi' });
    expect(s['validazione-pip']).toBeUndefined();
    expect(s.fine).toMatchObject({ entro: '2022-06-30', stato: 'in-corso' });
    expect(byId(scadenzeDote(cremona, base, '2022-04-27'))['invio-pip']).toMatchObject({ stato: 'scaduta', giorniMancanti: -1 });
  });
  it('met when sent; validation within 30 working days of sending', () => {
    const d = { ...base, data_invio_pip: '2022-04-22' };
    const s = byId(scadenzeDote(cremona, d, '2022-04-27'));
    expect(s['invio-pip']).toMatchObject({ stato: 'rispettata', avvenutoIl: '2022-04-22' });
    // 30 working days from Fri 22/04: 26-29 Apr (4), May has 22 working days (1 May is a Sunday) → 26 by 31/05, then 1, 3, 6, 7 June (2 June a holiday).
    expect(s['validazione-pip']).toMatchObject({ entro: '2022-06-07', stato: 'in-corso' });
  });
  it('liquidation within 30 calendar days of the conclusion, met by a liquidation', () => {
    const d = { ...base, stato: 'CONCLUSA', statoEffettivo: 'CONCLUSA', data_invio_pip: '2022-04-12', data_validazione_pip: '2022-05-02', data_conclusione: '2022-06-15' };
    const s = byId(scadenzeDote(cremona, d, '2022-06-20'));
    expect(s.liquidazione).toMatchObject({ entro: '2022-07-15', stato: 'in-corso', tipoGiorni: 'calendario' });
    expect(s.fine).toMatchObject({ stato: 'rispettata', avvenutoIl: '2022-06-15' });
    expect(scadenzeAperte(scadenzeDote(cremona, d, '2022-06-20')).map((x) => x.id)).toEqual(['liquidazione']);
    const paid = scadenzeDote(cremona, { ...d, data_liquidazione: '2022-07-01' }, '2022-08-01');
    expect(scadenzeAperte(paid)).toEqual([]);
  });
  it('a dote closed early has no PIP deadlines left', () => {
    const d = { ...base, stato: 'CONCLUSA', statoEffettivo: 'CONCLUSA', data_conclusione: '2022-04-15' };
    expect(scadenzeDote(cremona, d, '2022-05-01').map((x) => x.id)).toEqual(['liquidazione', 'fine']);
  });
  it('a Cremona dote not concluded by its end is overdue', () => {
    const s = byId(scadenzeDote(cremona, { ...base, data_invio_pip: '2022-04-12', data_validazione_pip: '2022-05-02' }, '2022-07-05'));
    expect(s.fine).toMatchObject({ stato: 'scaduta', giorniMancanti: -5 });
  });
  it('dote/deadline reports the overdue ones', () => {
    const f = doteDeadline.check(cremona, base, '2022-05-01', 'error');
    expect(f).toMatchObject([{ rule: 'dote/deadline', severity: 'error', messageId: 'scaduta', message: expect.stringMatching(/CR-2022-0001: Invio del PIP.*entro il 26\/04\/2022: scaduta da 5 giorni/) }]);
  });
  it('dote/deadline reports one met late, with how late; one met in time is not a finding', () => {
    const late = doteDeadline.check(cremona, { ...base, data_invio_pip: '2022-04-28' }, '2022-05-01', 'error');
    expect(late.map((x) => x.message)).toEqual([expect.stringMatching(/Invio del PIP.*entro il 26\/04\/2022: fatto il 28\/04\/2022, 2 giorni lavorativi dopo la scadenza/)]);
    expect(doteDeadline.check(cremona, { ...base, data_invio_pip: '2022-04-26' }, '2022-05-01', 'error')).toEqual([]);
  });
});

describe('Job Coach deadlines', () => {
  const req: DoteDates = { ...base, id: 'JC-1-1103/022', stato: 'PROPOSTA', statoEffettivo: 'PROPOSTA', data_richiesta: '2022-06-28', data_notifica: '2022-06-28', data_attivazione: null, data_fine: null };
  it('answer within 7 calendar days of the notification', () => {
    expect(byId(scadenzeDote(jc, req, '2022-07-01'))).toEqual({ ammissione: expect.objectContaining({ entro: '2022-07-05', giorniMancanti: 4, stato: 'in-corso' }) });
    expect(byId(scadenzeDote(jc, { ...req, statoEffettivo: 'CANCELLATA' }, '2022-07-06')).ammissione).toMatchObject({ stato: 'scaduta' });
  });
  it('admitted: the voucher runs to its end, closed automatically; reporting 60 days after', () => {
    const d = { ...req, stato: 'AMMESSO AL SERVIZIO', statoEffettivo: 'AMMESSO AL SERVIZIO', data_ammissione: '2022-07-01', data_fine: '2023-12-31' };
    const s = byId(scadenzeDote(jc, d, '2022-08-01'));
    expect(s.ammissione).toMatchObject({ stato: 'rispettata', avvenutoIl: '2022-07-01' });
    expect(s.fine).toMatchObject({ entro: '2023-12-31', stato: 'in-corso', descrizione: expect.stringMatching(/chiusura automatica/) });
    expect(s.rendicontazione).toBeUndefined();
    const after = byId(scadenzeDote(jc, { ...d, statoEffettivo: 'CONCLUSA' }, '2024-01-10'));
    expect(after.fine).toMatchObject({ stato: 'rispettata', avvenutoIl: '2023-12-31' });
    expect(after.rendicontazione).toMatchObject({ dal: '2023-12-31', entro: '2024-02-29', stato: 'in-corso' });
  });
  it('concluded by the operator: reporting within 60 days of the conclusion', () => {
    const d = { ...req, stato: 'CONCLUSA', statoEffettivo: 'CONCLUSA', data_ammissione: '2022-07-01', data_fine: '2023-12-31', data_conclusione: '2022-10-31' };
    expect(byId(scadenzeDote(jc, d, '2022-11-01')).rendicontazione).toMatchObject({ entro: '2022-12-30' });
  });
  it('a refused request has only its admission deadline, met', () => {
    const d = { ...req, stato: 'RIFIUTATA', statoEffettivo: 'RIFIUTATA', data_rifiuto: '2022-06-30' };
    expect(scadenzeDote(jc, d, '2022-08-01').map((x) => [x.id, x.stato])).toEqual([['ammissione', 'rispettata']]);
  });
});
