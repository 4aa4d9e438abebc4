import type { Rule } from './types.js';
import { lateEntryLimits } from '../domain/late-entry.js';
import { dayNumber, formatDateIt } from '../domain/dates.js';
import { memoByBando, onceSkipper } from './delivery-keys.js';

const ID = 'calendar/late-entry';

/**
 * calendar/late-entry: a delivery recorded on or after the day it took place. Parameters:
 * `avvisoDaGiorni` (warning when registered that many days after, or more) and `erroreDaGiorni`
 * (error from that many days). Job Coach manual, 3.1: "Tutte le attività devono essere inserite
 * entro il giorno precedente alla loro erogazione" (warning from the day itself: 0) and 3.2:
 * "inserite, programmate, avviate e concluse anche in un secondo momento, comunque entro e non
 * oltre 7 giorni" (error from the 8th day). Cremona: our warning after 7 days (8).
 */
const messages = {
  oltreTermine: (d: { registrataIl: string; giorni: number; data: string; consentiti: number }) =>
    `registrata il ${formatDateIt(d.registrataIl)}, ${d.giorni} giorni dopo l'erogazione del ${formatDateIt(d.data)}: oltre i ${d.consentiti} giorni consentiti`,
  stessoGiorno: (d: { registrataIl: string }) => `registrata il ${formatDateIt(d.registrataIl)}, il giorno stesso dell'erogazione: andava inserita entro il giorno precedente`,
  inRitardo: (d: { registrataIl: string; giorni: number }) => `registrata il ${formatDateIt(d.registrataIl)}, ${d.giorni} ${d.giorni === 1 ? 'giorno' : 'giorni'} dopo l'erogazione`,
};

export const calendarLateEntry: Rule<typeof messages> = {
  id: ID,
  messages,
  create(env) {
    const skip = onceSkipper(env, ID);
    const days = new Map<string, number>();
    const limitsOf = memoByBando((b) => lateEntryLimits(env.setting(b, ID)));
    return {
      row(r) {
        if (r.registrataIl === null) {
          // registrata_il is a calendar column (docs/comandi.md): a timesheet without it is normal and
          // must not make the rule look skipped; a calendar without it does.
          if (r.registrataNonValida) skip('data di registrazione non valida in qualche riga (segnalata da field/date)');
          else if (r.kind !== 'timesheet') skip('data di registrazione sconosciuta: colonna registrata_il assente o vuota');
          return;
        }
        const bando = env.bandoOf(r);
        if (!bando) return;
        const l = limitsOf(bando);
        if (!l) return;
        let reg = days.get(r.registrataIl);
        if (reg === undefined) {
          reg = dayNumber(r.registrataIl);
          days.set(r.registrataIl, reg);
        }
        const late = reg - r.day;
        const column = 'registrata_il';
        if (l.errore !== null && late >= l.errore) {
          env.report(r, { severity: 'error', column, messageId: 'oltreTermine', data: { registrataIl: r.registrataIl, giorni: late, data: r.data, consentiti: l.errore - 1 } });
        } else if (l.avviso !== null && late >= l.avviso) {
          if (late === 0) env.report(r, { severity: 'warning', column, messageId: 'stessoGiorno', data: { registrataIl: r.registrataIl } });
          else env.report(r, { severity: 'warning', column, messageId: 'inRitardo', data: { registrataIl: r.registrataIl, giorni: late } });
        }
      },
    };
  },
};
