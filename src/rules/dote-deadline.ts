import type { Finding, Severity } from './types.js';
import { finding } from './types.js';
import type { Bando } from '../bandi/schema.js';
import { formatDateIt } from '../domain/dates.js';
import { descriviRitardo, scadenzeDote, type DoteDates, type ScadenzaDote } from '../domain/scadenze.js';

const ID = 'dote/deadline';

/**
 * dote/deadline: a workflow deadline passed with its event not recorded (admission 7 days, PIP
 * by PEC 10 working days, validation 30 working days, liquidation 30 days, Job Coach reporting
 * 60 days, a Cremona dote not concluded by its end date, a Job Coach delivery not concluded
 * within 7 days of its date), or recorded after it ('in-ritardo': `pip invia` and `pip valida`
 * report it when they record the late date). The deadlines are the bando's data
 * (domain/scadenze.ts computes them); `dote scadenze` and `dote mostra` display them.
 */
const messages = {
  scaduta: (d: { dote: string; descrizione: string; entro: string; giorni: number }) =>
    `dote ${d.dote}: ${d.descrizione} entro il ${formatDateIt(d.entro)}: scaduta da ${d.giorni} giorni`,
  inRitardo: (d: { dote: string; descrizione: string; entro: string; ritardo: string }) => `dote ${d.dote}: ${d.descrizione} entro il ${formatDateIt(d.entro)}: ${d.ritardo}`,
  /** A step recorded after its deadline (`pip invia|valida`): recorded all the same. */
  registratoInRitardo: (d: { dote: string; descrizione: string; ritardo: string; giorni: number | null; lavorativi: boolean; dal: string }) =>
    `dote ${d.dote}: ${d.descrizione}: scadenza non rispettata, ${d.ritardo}` +
    (d.giorni !== null ? ` (${d.giorni} giorni${d.lavorativi ? ' lavorativi' : ''} dal ${formatDateIt(d.dal)})` : '') +
    '; registrato comunque',
  /** A request admitted or refused after its 7 days (Job Coach, `ammetti|rifiuta`). */
  ammissioneScaduta: (d: { termine: string }) => `ammissione o rifiuto entro il ${formatDateIt(d.termine)}`,
};

export const doteDeadline = {
  id: ID,
  messages,
  scadenze(bando: Bando, d: DoteDates, oggi: string): ScadenzaDote[] {
    return scadenzeDote(bando, d, oggi);
  },
  /** The deadlines passed (only those of `eventi`, when given: the claim looks at its own). */
  check(bando: Bando, d: DoteDates, oggi: string, severity: Severity, eventi?: readonly string[]): Finding[] {
    return scadenzeDote(bando, d, oggi)
      .filter((s) => s.stato === 'scaduta' || s.stato === 'in-ritardo')
      .filter((s) => !eventi || eventi.includes(s.evento))
      .map((s) =>
        s.stato === 'in-ritardo'
          ? finding(doteDeadline, severity, { messageId: 'inRitardo', data: { dote: d.id, descrizione: s.descrizione, entro: s.entro, ritardo: descriviRitardo(s) } })
          : finding(doteDeadline, severity, { messageId: 'scaduta', data: { dote: d.id, descrizione: s.descrizione, entro: s.entro, giorni: -s.giorniMancanti } }),
      );
  },
};
