import { finding, type Finding, type Severity } from './types.js';
import type { EsitoOccupazione, Contratto } from '../domain/liquidazione.js';
import { formatDateIt } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';

const ID = 'liquidazione/result-180';

const messages = {
  nessunContratto: (d: { risultato: string }) => `risultato (${d.risultato}) non raggiunto: nessun contratto registrato (dote contratto aggiungi)`,
  tirocinio: (d: { numero: number; azienda: string }) => `contratto ${d.numero} (${d.azienda}): un tirocinio non conta per il risultato`,
  orario: (d: { numero: number; azienda: string; settimanali: number; ccnl: number }) =>
    `contratto ${d.numero} (${d.azienda}): orario settimanale di ${formatDurata(d.settimanali)}, sotto quello del CCNL (${formatDurata(d.ccnl)}): non conta per il risultato`,
  sottoSoglia: (d: { risultato: string; giorni: number; soglia: number; dal: string | null }) =>
    `risultato (${d.risultato}) non raggiunto: ${d.giorni} giorni di lavoro subordinato o somministrato${d.dal ? ` dal ${formatDateIt(d.dal)}` : ''}, ne servono almeno ${d.soglia}: la richiesta lo esclude`,
  nessunaImpresa: (d: { risultato: string }) => `risultato (${d.risultato}) non raggiunto: nessuna impresa registrata (dote impresa imposta)`,
  impresaPrecedente: (d: { risultato: string; denominazione: string; iscrizione: string; avvio: string }) =>
    `risultato (${d.risultato}) non raggiunto: ${d.denominazione} è iscritta dal ${formatDateIt(d.iscrizione)}, prima dell'avvio della dote (${formatDateIt(d.avvio)}): la richiesta lo esclude`,
};

/**
 * liquidazione/result-180: the result (inserimento, mantenimento, avvio d'impresa) is paid only
 * for subordinate employment or staff-leasing missions totalling at least `giorni` days (Cremona,
 * "DOMANDA DI LIQUIDAZIONE": 180), even non-continuous and with different employers, with weekly
 * hours not below the CCNL's; a traineeship never counts (domain/liquidazione.ts sums them). A
 * result not met does not block the request: the request leaves it out and says why. For the
 * business start-up the same rule looks at the business instead (checkImpresa). Every
 * finding is about the dote as a whole; a contract left out says why too.
 */
export const liquidazioneResult180 = {
  id: ID,
  messages,
  check(risultato: string, contratti: readonly Contratto[], esito: EsitoOccupazione, severity: Severity): Finding[] {
    const out: Finding[] = [];
    for (const e of esito.esclusi) {
      const c = contratti.find((x) => x.numero === e.numero)!;
      if (e.motivo === 'tirocinio') out.push(finding(liquidazioneResult180, severity, { messageId: 'tirocinio', data: { numero: c.numero, azienda: c.azienda } }));
      else out.push(finding(liquidazioneResult180, severity, { messageId: 'orario', data: { numero: c.numero, azienda: c.azienda, settimanali: c.minutiSettimanali, ccnl: c.minutiCcnl } }));
    }
    if (esito.raggiunto) return out;
    if (!contratti.length) return [finding(liquidazioneResult180, severity, { messageId: 'nessunContratto', data: { risultato } })];
    const first = contratti.filter((c) => !esito.esclusi.some((e) => e.numero === c.numero)).map((c) => c.dal).sort()[0] ?? null;
    out.push(finding(liquidazioneResult180, severity, { messageId: 'sottoSoglia', data: { risultato, giorni: esito.giorni, soglia: esito.soglia, dal: first } }));
    return out;
  },
  /**
   * The business start-up (D1-IMP, catalogue `risultato.prova: "impresa"`): the result rests on
   * the Registro Imprese entry or the partita IVA (Cremona, "DOMANDA DI LIQUIDAZIONE"), not on
   * contracts. Our reading: it counts when registered on or after the dote's start (`avvio`).
   */
  checkImpresa(risultato: string, impresa: { denominazione: string; iscrizione: string } | null, avvio: string, severity: Severity): Finding[] {
    if (!impresa) return [finding(liquidazioneResult180, severity, { messageId: 'nessunaImpresa', data: { risultato } })];
    if (impresa.iscrizione < avvio) return [finding(liquidazioneResult180, severity, { messageId: 'impresaPrecedente', data: { risultato, denominazione: impresa.denominazione, iscrizione: impresa.iscrizione, avvio } })];
    return [];
  },
};
