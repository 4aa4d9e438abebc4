/**
 * Deadlines of a dote, computed from the bando's `scadenze` (data: from which event, how many
 * working or calendar days, which event meets it) plus the dote's end date. Pure: the dote's
 * dates, whether a liquidation exists and today are arguments.
 *
 * Cremona ("COME ATTIVARE UNA DOTE", "DOMANDA DI LIQUIDAZIONE"): PIP sent by PEC within 10
 * working days of activation, validated within 30 working days of sending, liquidation within 30
 * days of closure. Job Coach (manual, 2; the programme's public page): admission or refusal within
 * 7 days of the CPI's notification, reporting within 60 days of conclusion, vouchers closed
 * automatically at their end; and each open delivery concluded within 7 days of its date (manual,
 * 3.2, where the bando makes calendar/late-entry an error).
 *
 * A deadline is met ('rispettata') only when its event happened by the due date; an event recorded
 * after it is 'in-ritardo': it happened (nothing is left to do), but an inspector must see that the
 * deadline was not met, and by how much.
 */
import type { Bando, Scadenza } from '../bandi/schema.js';
import { addDays, dayNumber, daysBetween, formatDateIt, isoFromDay, weekday } from './dates.js';
import { addWorkingDays, holidayName } from './holidays.js';
import { STATO } from './dote-stati.js';
import { lateEntryLimits } from './late-entry.js';
import { UsageError } from '../errors.js';

export interface DoteDates {
  id: string;
  /** Stored state. */
  stato: string;
  /** Effective state (a request unanswered past its deadline is CANCELLATA, etc.). */
  statoEffettivo: string;
  data_richiesta: string;
  data_notifica: string | null;
  data_ammissione: string | null;
  data_rifiuto: string | null;
  data_attivazione: string | null;
  data_invio_pip: string | null;
  data_validazione_pip: string | null;
  data_conclusione: string | null;
  data_fine: string | null;
  /** Date of the liquidation request (table liquidazione), if prepared. */
  data_liquidazione: string | null;
  /** Deliveries still open (INSERITA, PROGRAMMATA, AVVIATA), for their conclusion deadline. */
  erogazioniAperte?: readonly ErogazioneAperta[];
  /**
   * Whether a training session (a `formazione` service) was already delivered (EROGATA); known
   * only when the dote has open training deliveries, for the reminder of the training notice.
   */
  formazioneAvviata?: boolean;
}

export interface ErogazioneAperta {
  id: number;
  /** The delivery date (ISO). */
  data: string;
  servizio: string;
  stato: string;
}

/**
 * `rispettata`: the event happened by the due date; `in-ritardo`: it happened, after the due date;
 * `in-corso`: not yet happened, still in time; `scaduta`: not happened and the due date passed.
 */
export type StatoScadenza = 'rispettata' | 'in-ritardo' | 'in-corso' | 'scaduta';

/** How late an event was recorded, for a deadline `in-ritardo`. */
export interface Ritardo {
  /** Calendar days from the due date to the event. */
  giorni: number;
  /** Working days of the bando after the due date up to the event's day; null for calendar-day deadlines. */
  giorniLavorativi: number | null;
}

export interface ScadenzaDote {
  doteId: string;
  /** The catalogue's deadline id, or `fine` for the dote's end date. */
  id: string;
  descrizione: string;
  /** Event the deadline runs from, and its date. */
  da: string;
  dal: string;
  giorni: number | null;
  tipoGiorni: 'lavorativi' | 'calendario' | null;
  /** Last day on which the event may happen. */
  entro: string;
  /** The event that meets the deadline, and its date once it happened. */
  evento: string;
  avvenutoIl: string | null;
  stato: StatoScadenza;
  /** Set only when `stato` is `in-ritardo`. */
  ritardo: Ritardo | null;
  /** Days from today to the deadline: negative once passed. */
  giorniMancanti: number;
  fonte: string | null;
}

function isWorkingDayBando(bando: Bando, day: number): boolean {
  const h = holidayName(day);
  return bando.giorniLavorativi.includes(weekday(day)) && (h === null || h === 'domenica');
}

/** Working days are the bando's weekdays (Monday-Friday unless it says otherwise) minus national holidays. */
export function addWorkingDaysBando(bando: Bando, fromIso: string, n: number): string {
  const days = bando.giorniLavorativi;
  if (days.length === 5 && [0, 1, 2, 3, 4].every((d) => days.includes(d))) return addWorkingDays(fromIso, n);
  // Only a catalogue loaded from a file can say so (the shipped ones list their days): the
  // user's file cannot be used, as when it does not validate.
  if (days.length === 0) throw new UsageError(`il bando ${bando.id} non ha giorni lavorativi ("giorniLavorativi" è vuoto nel suo catalogo): le sue scadenze in giorni lavorativi non si possono calcolare`);
  let day = dayNumber(fromIso);
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDayBando(bando, day)) left--;
  }
  return isoFromDay(day);
}

/** Working days of the bando after `fromIso` up to and including `toIso` (0 when `toIso` is not after). */
export function workingDaysAfter(bando: Bando, fromIso: string, toIso: string): number {
  let n = 0;
  for (let day = dayNumber(fromIso) + 1, end = dayNumber(toIso); day <= end; day++) if (isWorkingDayBando(bando, day)) n++;
  return n;
}

function dueDate(bando: Bando, s: Scadenza, from: string): string {
  return s.tipo === 'lavorativi' ? addWorkingDaysBando(bando, from, s.giorni) : addDays(from, s.giorni);
}

/** The conclusion that deadlines run from: the recorded one, or the automatic closure at the end. */
function conclusione(d: DoteDates): string | null {
  if (d.data_conclusione) return d.data_conclusione;
  if (d.statoEffettivo === STATO.CONCLUSA && d.data_fine) return d.data_fine;
  return null;
}

function startOf(d: DoteDates, da: Scadenza['da']): string | null {
  switch (da) {
    case 'richiesta':
      return d.data_richiesta;
    case 'notifica':
      return d.data_notifica;
    case 'attivazione':
      return d.data_attivazione;
    case 'invio-pip':
      return d.data_invio_pip;
    case 'conclusione':
      return conclusione(d);
    case 'fine':
      return d.data_fine;
  }
}

/**
 * When the event happened. Our reading: the Job Coach "rendicontazione" is met by the same
 * liquidation packet (`dote liquidazione prepara`) that meets the Cremona liquidation request.
 */
function eventDate(d: DoteDates, evento: Scadenza['evento']): string | null {
  switch (evento) {
    case 'ammissione':
      return d.data_ammissione ?? d.data_rifiuto;
    case 'invio-pip':
      return d.data_invio_pip;
    case 'validazione-pip':
      return d.data_validazione_pip;
    case 'liquidazione':
    case 'rendicontazione':
      return d.data_liquidazione;
    case 'chiusura':
      return conclusione(d);
  }
}

/** Events that belong to the life of the dote before its closure. */
const BEFORE_CLOSURE = new Set<string>(['ammissione', 'invio-pip', 'validazione-pip']);

function statoOf(entro: string, avvenutoIl: string | null, oggi: string): StatoScadenza {
  if (avvenutoIl) return avvenutoIl > entro ? 'in-ritardo' : 'rispettata';
  return oggi > entro ? 'scaduta' : 'in-corso';
}

function ritardoOf(bando: Bando, entro: string, avvenutoIl: string | null, tipoGiorni: ScadenzaDote['tipoGiorni']): Ritardo | null {
  if (!avvenutoIl || avvenutoIl <= entro) return null;
  return { giorni: daysBetween(entro, avvenutoIl), giorniLavorativi: tipoGiorni === 'lavorativi' ? workingDaysAfter(bando, entro, avvenutoIl) : null };
}

/** Whether the deadline's event has happened, in time or late: nothing is left to do about it. */
export function avvenuta(s: Pick<ScadenzaDote, 'stato'>): boolean {
  return s.stato === 'rispettata' || s.stato === 'in-ritardo';
}

const giorni = (n: number, lavorativi = false) => `${n} giorn${n === 1 ? 'o' : 'i'}${lavorativi ? (n === 1 ? ' lavorativo' : ' lavorativi') : ''}`;

/**
 * For a deadline met late, what an inspector reads: "fatto il 20/03/2022, 3 giorni lavorativi dopo
 * la scadenza del 15/03/2022". Working days for a deadline counted in working days (a Saturday
 * after a Friday deadline is 0 working days late, so then calendar days are given).
 */
export function descriviRitardo(s: Pick<ScadenzaDote, 'entro' | 'avvenutoIl' | 'ritardo'>): string {
  const r = s.ritardo!;
  const quanto = r.giorniLavorativi ? giorni(r.giorniLavorativi, true) : giorni(r.giorni);
  return `fatto il ${formatDateIt(s.avvenutoIl!)}, ${quanto} dopo la scadenza del ${formatDateIt(s.entro)}`;
}

/**
 * Days after a delivery's date by which it may still be entered, programmed, started and
 * concluded, when the bando makes calendar/late-entry an error (Job Coach manual, 3.2: "comunque
 * entro e non oltre 7 giorni"); null when late entry is only a warning or off. The parameters are
 * read by the rule's own lateEntryLimits (rules/calendar-late-entry.ts): an error from `erroreDaGiorni` days late
 * (8 by default), so the last allowed day, the deadline, is the delivery date + erroreDaGiorni − 1.
 */
export function giorniConclusioneErogazione(bando: Bando): number | null {
  const s = bando.regole['calendar/late-entry'];
  const errore = lateEntryLimits(!s || s === 'off' ? null : s)?.errore ?? null;
  return errore === null ? null : errore - 1;
}

/** One deadline per open delivery: concluded (or closed) by its last allowed day. */
function scadenzeErogazioni(bando: Bando, d: DoteDates, oggi: string): ScadenzaDote[] {
  const n = giorniConclusioneErogazione(bando);
  if (n === null || !d.erogazioniAperte?.length) return [];
  return d.erogazioniAperte.map((e) => {
    const entro = addDays(e.data, n);
    return {
      doteId: d.id,
      id: `erogazione-${e.id}`,
      descrizione: `Concludere l'erogazione ${e.id} del ${formatDateIt(e.data)} (${e.servizio}, ${e.stato})`,
      da: 'erogazione',
      dal: e.data,
      giorni: n,
      tipoGiorni: 'calendario' as const,
      entro,
      evento: 'conclusione-erogazione',
      avvenutoIl: null,
      stato: statoOf(entro, null, oggi),
      ritardo: null,
      giorniMancanti: daysBetween(oggi, entro),
      fonte: 'Manuale Job Coach, 3.2: inserite, programmate, avviate e concluse entro e non oltre 7 giorni',
    };
  });
}

/**
 * Cremona, "Realizzazione del PIP": for training the operator tells the Collocamento Disabili the
 * course start date and mode (and the guest access for distance training). While a dote has
 * training planned and none delivered yet, a reminder is due by the first session's date (our
 * reading: the notice precedes the start). The tool does not record the sending: the reminder
 * goes once the first session is delivered.
 */
function scadenzaAvvioFormazione(bando: Bando, d: DoteDates, oggi: string): ScadenzaDote[] {
  if (d.formazioneAvviata !== false || !d.erogazioniAperte?.length) return [];
  const training = new Set(bando.servizi.filter((s) => s.formazione).map((s) => s.codice));
  const first = d.erogazioniAperte.filter((e) => training.has(e.servizio)).sort((a, b) => compareCodeUnits(a.data, b.data) || a.id - b.id)[0];
  if (!first) return [];
  return [
    {
      doteId: d.id,
      id: 'avvio-formazione',
      descrizione: `Comunicare al Collocamento Disabili l'avvio della formazione ${first.servizio} del ${formatDateIt(first.data)}, con la modalità (dote stampa avvio-formazione ${d.id})`,
      da: 'erogazione',
      dal: first.data,
      giorni: 0,
      tipoGiorni: 'calendario',
      entro: first.data,
      evento: 'avvio-formazione',
      avvenutoIl: null,
      stato: statoOf(first.data, null, oggi),
      ritardo: null,
      giorniMancanti: daysBetween(oggi, first.data),
      fonte: 'REALIZZAZIONE DEL PIP: comunicare al Collocamento Disabili la data di avvio dei corsi, la modalità e, a distanza, l’accesso guest',
    },
  ];
}

/**
 * Every deadline of a dote that applies now: those whose starting event happened. A refused
 * request has only its admission deadline (met by the refusal); once a dote is closed, the
 * deadlines of steps before the closure that never happened no longer apply (a dote closed
 * early never had its PIP validated, and nothing can be done about it any more).
 */
/**
 * Order of ISO dates and ids: by UTF-16 code units. Not localeCompare: its first call builds
 * ICU's collator, 5-15 ms of every `dote mostra` (README "Prestazioni"), and for ISO dates and
 * ids of letters, digits, `-` and `/` the order is the same.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function scadenzeDote(bando: Bando, d: DoteDates, oggi: string): ScadenzaDote[] {
  const out: ScadenzaDote[] = [];
  const closed = conclusione(d) !== null || d.statoEffettivo === STATO.RIFIUTATA;
  for (const s of bando.scadenze) {
    const dal = startOf(d, s.da);
    if (!dal) continue;
    const avvenutoIl = eventDate(d, s.evento);
    if (closed && !avvenutoIl && BEFORE_CLOSURE.has(s.evento)) continue;
    if (d.statoEffettivo === STATO.RIFIUTATA && s.evento !== 'ammissione') continue;
    const entro = dueDate(bando, s, dal);
    out.push({
      doteId: d.id,
      id: s.id,
      descrizione: s.descrizione,
      da: s.da,
      dal,
      giorni: s.giorni,
      tipoGiorni: s.tipo,
      entro,
      evento: s.evento,
      avvenutoIl,
      stato: statoOf(entro, avvenutoIl, oggi),
      ritardo: ritardoOf(bando, entro, avvenutoIl, s.tipo),
      giorniMancanti: daysBetween(oggi, entro),
      fonte: s.fonte ?? null,
    });
  }
  // The dote's end: Cremona doti must be concluded by it; Job Coach vouchers are closed
  // automatically at their end (stored state AMMESSO AL SERVIZIO), so theirs never becomes overdue.
  const runs = d.data_fine && (d.data_attivazione || d.data_ammissione) && d.statoEffettivo !== STATO.RIFIUTATA && d.statoEffettivo !== STATO.CANCELLATA;
  if (runs) {
    const auto = d.stato === STATO.AMMESSA;
    const fine = d.data_fine!;
    const avvenutoIl = d.data_conclusione ?? (auto && oggi > fine ? fine : null);
    out.push({
      doteId: d.id,
      id: 'fine',
      descrizione: auto ? 'Fine del voucher (chiusura automatica)' : 'Fine della dote: servizi conclusi e dote chiusa (dote concludi)',
      da: d.data_ammissione && auto ? 'ammissione' : d.data_validazione_pip ? 'validazione-pip' : 'attivazione',
      dal: (auto ? d.data_ammissione : d.data_validazione_pip ?? d.data_attivazione) ?? fine,
      giorni: null,
      tipoGiorni: null,
      entro: fine,
      evento: 'chiusura',
      avvenutoIl,
      stato: statoOf(fine, avvenutoIl, oggi),
      ritardo: ritardoOf(bando, fine, avvenutoIl, null),
      giorniMancanti: daysBetween(oggi, fine),
      fonte: auto ? 'Pagina pubblica del programma (2023): voucher chiusi automaticamente alla fine' : 'DURATA DELLA DOTE; Validità dei PIP',
    });
  }
  out.push(...scadenzeErogazioni(bando, d, oggi));
  out.push(...scadenzaAvvioFormazione(bando, d, oggi));
  return out.sort((a, b) => compareCodeUnits(a.entro, b.entro) || compareCodeUnits(a.id, b.id));
}

/**
 * The deadlines still to meet: those whose event has not happened, soonest first (overdue ones
 * first of all). A deadline met late is not among them: nothing can be done about it any more.
 */
export function scadenzeAperte(all: readonly ScadenzaDote[]): ScadenzaDote[] {
  return all
    .filter((s) => !avvenuta(s))
    .sort((a, b) => compareCodeUnits(a.entro, b.entro) || compareCodeUnits(a.doteId, b.doteId) || compareCodeUnits(a.id, b.id));
}
