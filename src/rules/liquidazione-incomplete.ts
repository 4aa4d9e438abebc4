import { finding, type Finding, type Severity } from './types.js';
import { formatDateIt } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';

const ID = 'liquidazione/incomplete';

const messages = {
  nonConclusa: (d: { dote: string; stato: string }) => `la dote ${d.dote} è ${d.stato}: la richiesta si fa alla conclusione (dote concludi)`,
  erogazioneAperta: (d: { id: number; data: string; servizio: string; stato: string }) =>
    `erogazione ${d.id} del ${formatDateIt(d.data)} (${d.servizio}) ancora ${d.stato}: va conclusa o annullata`,
  nessunaErogazione: (d: { dote: string }) => `la dote ${d.dote} non ha erogazioni EROGATE: non c'è nulla da liquidare`,
  nessunTimesheet: (d: { dote: string }) =>
    `nessuna riga di timesheet importata per la dote ${d.dote}: calendario e timesheet dei professionisti vanno riconciliati (dote importa --timesheet FILE)`,
  oreNonErogate: (d: { servizio: string; collettiva: boolean; pianificate: number; erogate: number }) =>
    `${d.servizio} ${d.collettiva ? 'collettive' : 'individuali'}: pianificate ${formatDurata(d.pianificate)}, erogate ${formatDurata(d.erogate)}; quelle non erogate non sono riconosciute`,
  outputMancante: (d: { servizio: string; output: string }) => `${d.servizio}: output obbligatorio non registrato: ${d.output} (dote output aggiungi)`,
};

/** What the check looks at: facts about the dote gathered by the claim's use case. */
export interface IncompleteFacts {
  dote: string;
  /** The dote's state as time made it, and whether it is concluded. */
  stato: string;
  conclusa: boolean;
  aperte: readonly { id: number; data: string; servizio: string; stato: string }[];
  erogate: number;
  /** Whether the bando wants the professionals' timesheets (Cremona, allegato 011) and whether any row was imported. */
  timesheetRichiesto: boolean;
  timesheetImportato: boolean;
  /** Planned against delivered minutes per service and mode. */
  piano: readonly { servizio: string; collettiva: boolean; pianificate: number; erogate: number }[];
  /** Services delivered whose required output (catalogue `output`) has no record. */
  outputMancanti: readonly { servizio: string; output: string }[];
}

/**
 * liquidazione/incomplete: what makes a request incomplete. Errors (the bando's severity): the dote
 * not concluded, a delivery still INSERITA, PROGRAMMATA or AVVIATA, nothing delivered, and for a
 * bando with timesheets (Cremona) no timesheet imported for the dote (calendar and timesheet must
 * reconcile; the totals themselves are reconcile/total's). Warnings, which do not block (Cremona,
 * "DOMANDA DI LIQUIDAZIONE"): planned hours never delivered (they are not paid) and a
 * required output not recorded.
 */
export const liquidazioneIncomplete = {
  id: ID,
  messages,
  check(f: IncompleteFacts, severity: Severity): Finding[] {
    const out: Finding[] = [];
    if (!f.conclusa) out.push(finding(liquidazioneIncomplete, severity, { messageId: 'nonConclusa', data: { dote: f.dote, stato: f.stato } }));
    for (const e of f.aperte) out.push(finding(liquidazioneIncomplete, severity, { messageId: 'erogazioneAperta', data: e }));
    if (!f.erogate) out.push(finding(liquidazioneIncomplete, severity, { messageId: 'nessunaErogazione', data: { dote: f.dote } }));
    else if (f.timesheetRichiesto && !f.timesheetImportato) out.push(finding(liquidazioneIncomplete, severity, { messageId: 'nessunTimesheet', data: { dote: f.dote } }));
    for (const p of f.piano) {
      if (p.erogate < p.pianificate) out.push(finding(liquidazioneIncomplete, 'warning', { messageId: 'oreNonErogate', data: p }));
    }
    for (const o of f.outputMancanti) out.push(finding(liquidazioneIncomplete, 'warning', { messageId: 'outputMancante', data: o }));
    return out;
  },
};
