import type { Rule } from './types.js';
import { formatDateIt } from '../domain/dates.js';
import { onceSkipper } from './delivery-keys.js';

const ID = 'calendar/outside-dote';

/**
 * calendar/outside-dote: a delivery before the dote's start (activation, or admission for Job
 * Coach) or after its end. Needs the dote's dates, which only the database knows.
 */
export const calendarOutsideDote: Rule = {
  id: ID,
  create(env) {
    const skip = onceSkipper(env, ID);
    return {
      row(r) {
        const info = env.dote(r.doteId);
        if (!info) {
          skip(env.hasDatabase ? 'dote sconosciuta nel database' : 'date della dote sconosciute: nessun database');
          return;
        }
        const bando = env.bandoOf(r) ?? info.bando;
        const s = env.setting(bando, ID);
        if (!s) return;
        let message: string | null = null;
        if (!info.inizio) {
          message = `attività il ${formatDateIt(r.data)}, ma la dote ${info.id} non è ancora attiva (stato ${info.stato})`;
        } else if (r.data < info.inizio) {
          message = `attività il ${formatDateIt(r.data)}, prima dell'inizio della dote ${info.id} (${formatDateIt(info.inizio)})`;
        } else if (info.fine && r.data > info.fine) {
          message = `attività il ${formatDateIt(r.data)}, dopo la fine della dote ${info.id} (${formatDateIt(info.fine)})`;
        }
        if (message) env.report(r, { rule: ID, severity: s.severita, message, column: 'data' });
      },
    };
  },
};
