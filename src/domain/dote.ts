/**
 * Doti as plain values: who may receive which type and line, how long a dote lasts, the
 * effective state of a Job Coach request whose answer never came, and dote ids. Pure: no I/O,
 * no clock (every date is an argument).
 */
import type { Bando, TipoDote } from '../bandi/schema.js';
import { addDays, addMonths, dayNumber, formatDateIt } from './dates.js';
import { ageOn } from './codice-fiscale.js';
import { STATO } from './dote-stati.js';

/** What the rules need to know about a person (a `destinatario` row, in plain words). */
export interface Persona {
  cf: string;
  dataNascita: string | null;
  disabilita: string | null;
  l68: boolean;
  did: boolean;
  occupato: boolean;
  ammortizzatoriCovid: boolean;
  nuovoIscritto: boolean;
}

export interface CategoriaPrioritaria {
  codice: 'disabilita-psichica' | 'disabilita-sensoriale' | 'eta-18-29' | 'eta-oltre-45' | 'nuovo-iscritto-fascia-3-4';
  descrizione: string;
}

/**
 * Priority categories of line D1 a (Cremona, "Dote lavoro inserimento lavorativo D1", a):
 * psychic/intellectual disability; sensory disability; age 18-29; age over 45; new registrations
 * in fascia 3 and 4. Age is in full years on the request date, from the codice fiscale's birth
 * date. Our readings: "età superiore ai 45 anni" is 46 full years or more (45 and some months is
 * not "over 45" in full years); "tra i 18 e i 29 anni" includes both ends; `plurima` disability
 * is not a priority category by itself (the register records the predominant type when it is
 * psychic, intellectual or sensory).
 */
export function categoriePrioritarie(p: Persona, fascia: number | null, dataRichiesta: string): CategoriaPrioritaria[] {
  const out: CategoriaPrioritaria[] = [];
  if (p.disabilita === 'psichica' || p.disabilita === 'intellettiva') {
    out.push({ codice: 'disabilita-psichica', descrizione: `disabilità ${p.disabilita}` });
  }
  if (p.disabilita === 'sensoriale') out.push({ codice: 'disabilita-sensoriale', descrizione: 'disabilità sensoriale' });
  if (p.dataNascita) {
    const eta = ageOn(p.dataNascita, dataRichiesta);
    if (eta >= 18 && eta <= 29) out.push({ codice: 'eta-18-29', descrizione: `età ${eta} anni, tra i 18 e i 29` });
    if (eta > 45) out.push({ codice: 'eta-oltre-45', descrizione: `età ${eta} anni, oltre i 45` });
  }
  if (p.nuovoIscritto && (fascia === 3 || fascia === 4)) {
    out.push({ codice: 'nuovo-iscritto-fascia-3-4', descrizione: `nuovo iscritto in fascia ${fascia}` });
  }
  return out;
}

/** The line a dote of this type gets: lines are only for types that declare them (D1 a / b). */
export const LINEA_PRIORITARIA = 'a';
export const LINEA_RETE = 'b';

/**
 * Unmet requirements of a type (catalogue `requisiti`), each as an Italian phrase. D1: not
 * employed, L. 68/99 registration, DID; D2: employed; D2-COV: also social shock absorbers for
 * Covid-19 (Cremona, "Dote inserimento lavorativo D1", "Dote lavoro mantenimento D2").
 */
export function requisitiMancanti(tipo: TipoDote, p: Persona): string[] {
  const r = tipo.requisiti;
  const out: string[] = [];
  if (r.occupato === false && p.occupato) out.push('è occupato (la dote richiede una persona disoccupata o inoccupata)');
  if (r.occupato === true && !p.occupato) out.push('non è occupato (la dote richiede un lavoratore occupato)');
  if (r.l68 && !p.l68) out.push('non è iscritto alle liste della L. 68/99');
  if (r.did && !p.did) out.push('non ha la DID');
  if (r.ammortizzatoriCovid && !p.ammortizzatoriCovid) {
    out.push('non risulta al termine di ammortizzatori sociali per Covid-19 (CIGO, CIGS, CIGD, FIS, fondi bilaterali)');
  }
  return out;
}

/**
 * Kind of result a type pays, for the repeat rules ("Non sono ripetibili per il medesimo
 * operatore il servizio di inserimento lavorativo e di mantenimento lavorativo nella medesima
 * azienda"): read from the catalogue's result name, so another year's catalogue needs no code.
 */
export function tipoRisultato(tipo: TipoDote | undefined): 'inserimento' | 'mantenimento' | null {
  const n = tipo?.risultato?.nome.toLowerCase() ?? '';
  if (n.includes('inserimento')) return 'inserimento';
  if (n.includes('mantenimento')) return 'mantenimento';
  return null;
}

/** Company names compared without case, spaces and punctuation ("Rossi S.r.l." = "ROSSI SRL"). */
export function sameAzienda(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9àèéìòù]/g, '');
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * End of a Cremona dote: 6 months (fascia 1-2) or 12 months (fascia 3-4) from PIP validation, or
 * from activation while the PIP is not validated, never past the bando's end ("DURATA DELLA
 * DOTE"; "Validità dei PIP"). Calendar months, clamped to the month's last day. A bando without
 * durations (Job Coach) runs to its own end.
 */
export function dataFineDote(bando: Bando, fascia: number | null, dataAttivazione: string, dataValidazione: string | null): string {
  const mesi = fascia !== null ? bando.durataMesi?.[String(fascia) as '1' | '2' | '3' | '4'] : undefined;
  if (mesi === undefined) return bando.fine;
  const end = addMonths(dataValidazione ?? dataAttivazione, mesi);
  return end < bando.fine ? end : bando.fine;
}

/** The bando's admission deadline (Job Coach manual, 2: "entro 7 giorni dalla notifica"). */
export function giorniAmmissione(bando: Bando): number | null {
  const s = bando.scadenze.find((x) => x.evento === 'ammissione' && x.da === 'notifica');
  return s ? s.giorni : null;
}

/** Last day on which a Job Coach request notified on `dataNotifica` may be admitted or refused. */
export function termineAmmissione(bando: Bando, dataNotifica: string): string | null {
  const g = giorniAmmissione(bando);
  return g === null ? null : addDays(dataNotifica, g);
}

export interface StatoEffettivo {
  /** The state as stored, or CANCELLATA / CONCLUSA when time decided it. */
  stato: string;
  /** Set when the state comes from time, not from a command: why. */
  automatico: string | null;
}

/**
 * A request with no answer within the deadline is CANCELLATA (Job Coach manual, 2: "pena la
 * cancellazione automatica della richiesta"), and a voucher past its end is closed
 * automatically (the programme's public page): both hold from the day after the deadline,
 * whatever is stored. The stored state is brought in line by the next successful write on the
 * person (see use-cases/doti.ts), never by a read or a refused command, so `--oggi` what-if runs
 * change nothing.
 */
export function statoEffettivo(
  bando: Bando | undefined,
  d: { stato: string; data_notifica: string | null; data_fine: string | null; data_ammissione: string | null; bando: string },
  oggi: string,
): StatoEffettivo {
  if (bando && d.stato === STATO.PROPOSTA && d.data_notifica) {
    const t = termineAmmissione(bando, d.data_notifica);
    if (t && oggi > t) return { stato: STATO.CANCELLATA, automatico: `nessuna risposta entro il ${formatDateIt(t)}` };
  }
  if (d.stato === STATO.AMMESSA && d.data_fine && oggi > d.data_fine) {
    return { stato: STATO.CONCLUSA, automatico: `voucher chiuso automaticamente alla fine, il ${formatDateIt(d.data_fine)}` };
  }
  return { stato: d.stato, automatico: null };
}

/**
 * Generated ids for doti that do not come with one (Cremona): `CR-2022-0001`, i.e. the first two
 * letters of the bando id in capitals, the year of the request, a 4-digit sequence per prefix and
 * year. Job Coach vouchers always bring their OPAL code (`JC-1-1103/022`).
 */
export function prefissoId(bandoId: string, data: string): string {
  const letters = bandoId.replace(/[^a-z]/gi, '').slice(0, 2).toUpperCase() || 'DT';
  return `${letters}-${data.slice(0, 4)}-`;
}

export function nextId(prefix: string, existing: readonly string[]): string {
  let max = 0;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

/** An OPAL code as the Job Coach system prints it: JC-1-1103/022. */
export const OPAL_PATTERN = /^JC-[0-9A-Z]+(?:[-/][0-9A-Z]+)*$/;

/** Whether a period [dal, al] (al null = open) covers a day. */
export function periodCovers(dal: string, al: string | null, day: string): boolean {
  return dayNumber(dal) <= dayNumber(day) && (al === null || dayNumber(day) <= dayNumber(al));
}
