/**
 * Deadlines of a dote, computed from the bando's `scadenze` (data: from which event, how many
 * working or calendar days, which event meets it) plus the dote's end date. Pure: the dote's
 * dates, whether a liquidation exists and today are arguments.
 *
 * Cremona ("COME ATTIVARE UNA DOTE", "DOMANDA DI LIQUIDAZIONE"): PIP sent by PEC within 10
 * working days of activation, validated within 30 working days of sending, liquidation within 30
 * days of closure. Job Coach (manual, 2; the programme's public page): admission or refusal within
 * 7 days of the CPI's notification, reporting within 60 days of conclusion, vouchers closed
 * automatically at their end.
 */
import type { Bando, Scadenza } from '../bandi/schema.js';
import { addDays, dayNumber, daysBetween, isoFromDay, weekday } from './dates.js';
import { addWorkingDays, holidayName } from './holidays.js';
import { STATO } from './dote-stati.js';

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
}

export type StatoScadenza = 'rispettata' | 'in-corso' | 'scaduta';

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
  /** Days from today to the deadline: negative once passed. */
  giorniMancanti: number;
  fonte: string | null;
}

/** Working days are the bando's weekdays (Monday-Friday unless it says otherwise) minus national holidays. */
export function addWorkingDaysBando(bando: Bando, fromIso: string, n: number): string {
  const days = bando.giorniLavorativi;
  if (days.length === 5 && [0, 1, 2, 3, 4].every((d) => days.includes(d))) return addWorkingDays(fromIso, n);
  if (days.length === 0) throw new Error(`il bando ${bando.id} non ha giorni lavorativi`);
  let day = dayNumber(fromIso);
  let left = n;
  while (left > 0) {
    day++;
    const h = holidayName(day);
    if (days.includes(weekday(day)) && (h === null || h === 'domenica')) left--;
  }
  return isoFromDay(day);
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
  if (avvenutoIl) return 'rispettata';
  return oggi > entro ? 'scaduta' : 'in-corso';
}

/**
 * Every deadline of a dote that applies now: those whose starting event happened. A refused
 * request has only its admission deadline (met by the refusal); once a dote is closed, the
 * deadlines of steps before the closure that never happened no longer apply (a dote closed
 * early never had its PIP validated, and nothing can be done about it any more).
 */
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
      giorniMancanti: daysBetween(oggi, fine),
      fonte: auto ? 'Pagina pubblica del programma (2023): voucher chiusi automaticamente alla fine' : 'DURATA DELLA DOTE; Validità dei PIP',
    });
  }
  return out.sort((a, b) => a.entro.localeCompare(b.entro) || a.id.localeCompare(b.id));
}

/** The deadlines still to meet: unmet, soonest first (overdue ones first of all). */
export function scadenzeAperte(all: readonly ScadenzaDote[]): ScadenzaDote[] {
  return all.filter((s) => s.stato !== 'rispettata').sort((a, b) => a.entro.localeCompare(b.entro) || a.doteId.localeCompare(b.doteId) || a.id.localeCompare(b.id));
}
