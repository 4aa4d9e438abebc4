import type { Finding, Severity } from './types.js';
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
export const doteDeadline = {
  id: ID,
  scadenze(bando: Bando, d: DoteDates, oggi: string): ScadenzaDote[] {
    return scadenzeDote(bando, d, oggi);
  },
  check(bando: Bando, d: DoteDates, oggi: string, severity: Severity): Finding[] {
    return scadenzeDote(bando, d, oggi)
      .filter((s) => s.stato === 'scaduta' || s.stato === 'in-ritardo')
      .map((s) => ({
        rule: ID,
        severity,
        message:
          s.stato === 'in-ritardo'
            ? `dote ${d.id}: ${s.descrizione} entro il ${formatDateIt(s.entro)}: ${descriviRitardo(s)}`
            : `dote ${d.id}: ${s.descrizione} entro il ${formatDateIt(s.entro)}: scaduta da ${-s.giorniMancanti} giorni`,
      }));
  },
};
