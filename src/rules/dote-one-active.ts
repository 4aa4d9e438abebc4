import type { Finding, Severity } from './types.js';
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
export const doteOneActive = {
  id: ID,
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
      out.push({ rule: ID, severity, message: `${input.cf} ha già la dote ${d.id} (${d.tipo}, ${quando}): una sola dote per persona alla volta` });
    }
    for (const m of input.misure) {
      if (!periodCovers(m.dal, m.al, input.data)) continue;
      const periodo = m.al ? `dal ${formatDateIt(m.dal)} al ${formatDateIt(m.al)}` : `dal ${formatDateIt(m.dal)}, senza fine`;
      out.push({
        rule: ID,
        severity,
        message: `${input.cf} ha la misura ${m.tipo} ${periodo}, in corso il ${formatDateIt(input.data)}: una sola dote per persona alla volta, contando DUL e Garanzia Giovani`,
      });
    }
    return out;
  },
};
