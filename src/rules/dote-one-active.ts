import type { Finding, Severity } from './types.js';
import { finding } from './types.js';
import { STATI_ATTIVI, STATO } from '../domain/dote-stati.js';
import { formatDateIt } from '../domain/dates.js';
import { periodCovers } from '../domain/dote.js';

/** Another dote of the same person, with its state as time made it (see domain/dote.ts). */
export interface AltraDote {
  id: string;
  tipo: string;
  statoEffettivo: string;
  inizio: string;
  data_conclusione: string | null;
  data_fine: string | null;
}

/** A measure recorded outside our doti: a disability dote of a previous annualità, DUL, Garanzia Giovani. */
export interface MisuraEsterna {
  tipo: string;
  dal: string;
  al: string | null;
  operatore: string | null;
  azienda: string | null;
  servizi: string | null;
}

export interface OneActiveInput {
  cf: string;
  /** The new dote's request / activation date. */
  data: string;
  doti: readonly AltraDote[];
  misure: readonly MisuraEsterna[];
}

const ID = 'dote/one-active';

/**
 * dote/one-active: "Ogni destinatario non potrà essere titolare, contemporaneamente, di più di
 * una Dote Lavoro sia nell'ambito dei piani provinciali che nell'ambito di analoghe misure
 * regionali (DUL, Garanzia Giovani)" (Cremona, "RIPETIBILITA' DEI SERVIZI"). A dote of ours
 * counts while it is in an active state (ATTIVA, PROPOSTA, AMMESSO AL SERVIZIO) and has not
 * passed its end date, and a closed one counts for the days it ran; an external measure counts
 * when its period covers the new dote's date. Refused and cancelled requests never count.
 */
const messages = {
  altraDote: (d: { cf: string; dote: string; tipo: string; quando: string }) => `${d.cf} ha già la dote ${d.dote} (${d.tipo}, ${d.quando}): una sola dote per persona alla volta`,
  misura: (d: { cf: string; tipo: string; periodo: string; data: string }) =>
    `${d.cf} ha la misura ${d.tipo} ${d.periodo}, in corso il ${formatDateIt(d.data)}: una sola dote per persona alla volta, contando DUL e Garanzia Giovani`,
};

export const doteOneActive = {
  id: ID,
  messages,
  check(input: OneActiveInput, severity: Severity): Finding[] {
    const out: Finding[] = [];
    for (const d of input.doti) {
      if (d.statoEffettivo === STATO.RIFIUTATA || d.statoEffettivo === STATO.CANCELLATA) continue;
      let overlaps: boolean;
      if (STATI_ATTIVI.includes(d.statoEffettivo)) overlaps = d.data_fine === null || input.data <= d.data_fine;
      else overlaps = periodCovers(d.inizio, d.data_conclusione ?? d.data_fine, input.data);
      if (!overlaps) continue;
      const quando = STATI_ATTIVI.includes(d.statoEffettivo)
        ? `${d.statoEffettivo}${d.data_fine ? ` fino al ${formatDateIt(d.data_fine)}` : ''}`
        : `attiva dal ${formatDateIt(d.inizio)} al ${formatDateIt(d.data_conclusione ?? d.data_fine ?? d.inizio)}`;
      out.push(finding(doteOneActive, severity, { messageId: 'altraDote', data: { cf: input.cf, dote: d.id, tipo: d.tipo, quando } }));
    }
    for (const m of input.misure) {
      if (!periodCovers(m.dal, m.al, input.data)) continue;
      const periodo = m.al ? `dal ${formatDateIt(m.dal)} al ${formatDateIt(m.al)}` : `dal ${formatDateIt(m.dal)}, senza fine`;
      out.push(finding(doteOneActive, severity, { messageId: 'misura', data: { cf: input.cf, tipo: m.tipo, periodo, data: input.data } }));
    }
    return out;
  },
};
