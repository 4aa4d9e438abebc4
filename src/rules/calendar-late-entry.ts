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
export const calendarLateEntry: Rule = {
  id: ID,
  create(env) {
    const skip = onceSkipper(env, ID);
    const days = new Map<string, number>();
    const limitsOf = memoByBando((b) => lateEntryLimits(env.setting(b, ID)));
    return {
      row(r) {
        if (r.registrataIl === null) {
          // registrata_il is a calendar column (cli.md): a timesheet without it is normal and
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
        const when = `registrata il ${formatDateIt(r.registrataIl)}`;
        if (l.errore !== null && late >= l.errore) {
          env.report(r, {
            rule: ID,
            severity: 'error',
            message: `${when}, ${late} giorni dopo l'erogazione del ${formatDateIt(r.data)}: oltre i ${l.errore - 1} giorni consentiti`,
            column: 'registrata_il',
          });
        } else if (l.avviso !== null && late >= l.avviso) {
          const message =
            late === 0
              ? `${when}, il giorno stesso dell'erogazione: andava inserita entro il giorno precedente`
              : `${when}, ${late} ${late === 1 ? 'giorno' : 'giorni'} dopo l'erogazione`;
          env.report(r, { rule: ID, severity: 'warning', message, column: 'registrata_il' });
        }
      },
    };
  },
};
