import type { Rule } from './types.js';
import { formatDateIt } from '../domain/dates.js';
import { onceSkipper } from './delivery-keys.js';

const ID = 'calendar/outside-dote';

/**
 * calendar/outside-dote: a delivery before the dote's start (activation, or admission for Job
 * Coach) or after its end. Needs the dote's dates, which only the database knows.
 */
const messages = {
  nonAttiva: (d: { data: string; dote: string; stato: string }) => `attività il ${formatDateIt(d.data)}, ma la dote ${d.dote} non è ancora attiva (stato ${d.stato})`,
  primaInizio: (d: { data: string; dote: string; inizio: string }) => `attività il ${formatDateIt(d.data)}, prima dell'inizio della dote ${d.dote} (${formatDateIt(d.inizio)})`,
  dopoFine: (d: { data: string; dote: string; fine: string }) => `attività il ${formatDateIt(d.data)}, dopo la fine della dote ${d.dote} (${formatDateIt(d.fine)})`,
  dopoConclusione: (d: { data: string; dote: string; conclusione: string }) =>
    `attività il ${formatDateIt(d.data)}, dopo la conclusione della dote ${d.dote} (${formatDateIt(d.conclusione)})`,
};

export const calendarOutsideDote: Rule<typeof messages> = {
  id: ID,
  messages,
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
        const at = { severity: s.severita, column: 'data' };
        if (!info.inizio) env.report(r, { ...at, messageId: 'nonAttiva', data: { data: r.data, dote: info.id, stato: info.stato } });
        else if (r.data < info.inizio) env.report(r, { ...at, messageId: 'primaInizio', data: { data: r.data, dote: info.id, inizio: info.inizio } });
        else if (info.fine && r.data > info.fine) {
          if (info.conclusa) env.report(r, { ...at, messageId: 'dopoConclusione', data: { data: r.data, dote: info.id, conclusione: info.fine } });
          else env.report(r, { ...at, messageId: 'dopoFine', data: { data: r.data, dote: info.id, fine: info.fine } });
        }
      },
    };
  },
};
