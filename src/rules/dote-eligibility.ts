import type { Finding, Said, Severity } from './types.js';
import { finding } from './types.js';
import type { TipoDote } from '../bandi/schema.js';
import {
  categoriePrioritarie,
  LINEA_PRIORITARIA,
  LINEA_RETE,
  requisitiMancanti,
  sameAzienda,
  tipoRisultato,
  type CategoriaPrioritaria,
  type Persona,
} from '../domain/dote.js';
import { STATO } from '../domain/dote-stati.js';
import { formatDateIt } from '../domain/dates.js';
import { normalizeName } from '../domain/names.js';
import type { MisuraEsterna } from './dote-one-active.js';

/** One of our earlier doti of the same person, for the repeat rules. */
export interface DotePrecedente {
  id: string;
  tipo: TipoDote | undefined;
  azienda: string | null;
  statoEffettivo: string;
  risultatoRaggiunto: number | null;
}

export interface EligibilityInput {
  persona: Persona;
  tipo: TipoDote;
  fascia: number | null;
  /** --linea as given (undefined: choose). */
  linea: string | undefined;
  azienda: string | null;
  data: string;
  precedenti: readonly DotePrecedente[];
  misure: readonly MisuraEsterna[];
  /** Our operator as registered (`dote ente imposta`), to recognise our external doti. */
  ente: { nome: string; codice: string | null } | null;
}

export interface EligibilityResult {
  findings: Finding[];
  /** The line assigned (D1: a or b), null for types without lines. */
  linea: string | null;
  categorie: CategoriaPrioritaria[];
}

const ID = 'dote/eligibility';

function isOurs(operatore: string | null, ente: EligibilityInput['ente']): boolean {
  if (!operatore || !ente) return false;
  const o = normalizeName(operatore);
  return o === normalizeName(ente.nome) || (ente.codice !== null && o === normalizeName(ente.codice));
}

/**
 * dote/eligibility: the person meets the type's requirements (catalogue `requisiti`: D1
 * unemployed, L. 68/99, DID; D2 employed; D2-COV after Covid-19 shock absorbers), the line's
 * (D1 a: a priority category at the request date; D1 b: "non ricompresi nelle tipologie al punto
 * a)"), and the repeat rules of "RIPETIBILITA' DEI SERVIZI": the same operator is not paid twice
 * for inserimento or mantenimento at the same employer, across annualità, and D2-COV is not
 * recognised where the operator already delivered D1 inserimento or D2 mantenimento to the same
 * person at the same employer. Our readings: the repeat rule concerns the same person (the
 * source speaks of the "utente" for D2-COV, and an employer may hire several people); any
 * inserimento or mantenimento blocks any later one at that employer; an earlier dote of ours
 * counts unless it was refused, cancelled or recorded with the result not achieved; an external
 * dote counts when its operator is our ente (name or code) and its services list inserimento or
 * mantenimento.
 */
const messages = {
  requisito: (d: { cf: string; mancante: string; tipo: string }) => `${d.cf} ${d.mancante}: requisito del tipo ${d.tipo}`,
  lineaPrioritaria: (d: { cf: string }) =>
    `linea a (autocandidatura) solo per le categorie prioritarie: disabilità psichica/intellettiva o sensoriale, età 18-29 o oltre 45 anni alla richiesta, nuovi iscritti in fascia 3 o 4; ${d.cf} non è in nessuna`,
  lineaRete: (d: { cf: string; categorie: readonly string[] }) =>
    `linea b (segnalati dalla rete) solo per chi non è nelle categorie prioritarie; ${d.cf} lo è (${d.categorie.join(', ')}): usa la linea a`,
  giaErogato: (d: { servizio: string; azienda: string; cf: string; dote: string; risultato: string }) =>
    `${d.servizio} presso ${d.azienda} già erogato da questo operatore a ${d.cf} (dote ${d.dote}): ${d.risultato} non ripetibile presso lo stesso datore di lavoro`,
  giaErogatoAltrove: (d: { servizio: string; azienda: string | null; cf: string; dal: string; risultato: string }) =>
    `${d.servizio} presso ${d.azienda} già erogato da questo operatore a ${d.cf} (dote disabili dal ${formatDateIt(d.dal)}): ${d.risultato} non ripetibile presso lo stesso datore di lavoro`,
};

export const doteEligibility = {
  id: ID,
  messages,
  check(input: EligibilityInput, severity: Severity): EligibilityResult {
    const { persona: p, tipo } = input;
    const findings: Finding[] = [];
    const report = (said: Said<typeof messages>) => findings.push(finding(doteEligibility, severity, said));
    for (const m of requisitiMancanti(tipo, p)) report({ messageId: 'requisito', data: { cf: p.cf, mancante: m, tipo: tipo.codice } });

    let linea: string | null = null;
    const categorie = categoriePrioritarie(p, input.fascia, input.data);
    const hasLines = tipo.linee.includes(LINEA_PRIORITARIA) && tipo.linee.includes(LINEA_RETE);
    if (hasLines) {
      linea = input.linea ?? (categorie.length ? LINEA_PRIORITARIA : LINEA_RETE);
      if (linea === LINEA_PRIORITARIA && !categorie.length) {
        report({ messageId: 'lineaPrioritaria', data: { cf: p.cf } });
      }
      if (linea === LINEA_RETE && categorie.length) {
        report({ messageId: 'lineaRete', data: { cf: p.cf, categorie: categorie.map((c) => c.descrizione) } });
      }
    } else if (input.linea !== undefined && tipo.linee.length) {
      linea = input.linea;
    }

    const kind = tipoRisultato(tipo);
    if (kind && input.azienda) {
      for (const d of input.precedenti) {
        const prevKind = tipoRisultato(d.tipo);
        if (!prevKind || !sameAzienda(d.azienda, input.azienda)) continue;
        if (d.statoEffettivo === STATO.RIFIUTATA || d.statoEffettivo === STATO.CANCELLATA || d.risultatoRaggiunto === 0) continue;
        report({ messageId: 'giaErogato', data: { servizio: prevKind, azienda: d.azienda!, cf: p.cf, dote: d.id, risultato: kind } });
      }
      for (const m of input.misure) {
        if (m.tipo !== 'dote-disabili' || !isOurs(m.operatore, input.ente) || !sameAzienda(m.azienda, input.azienda)) continue;
        const servizi = (m.servizi ?? '').toLowerCase().split(/[,;\s]+/);
        const prev = servizi.find((s) => s === 'inserimento' || s === 'mantenimento');
        if (!prev) continue;
        report({ messageId: 'giaErogatoAltrove', data: { servizio: prev, azienda: m.azienda, cf: p.cf, dal: m.dal, risultato: kind } });
      }
    }
    return { findings, linea, categorie };
  },
};
