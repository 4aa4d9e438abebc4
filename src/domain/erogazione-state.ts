/**
 * The delivery (erogazione) and Job Coach activity state machines, as plain functions. Job Coach
 * manual, 3.1-3.3:
 *
 * | state                           | actions                          |
 * |---------------------------------|----------------------------------|
 * | INSERITA                        | modifica, programma, annulla     |
 * | PROGRAMMATA                     | avvia, chiudi-negativamente      |
 * | AVVIATA                         | concludi, chiudi-negativamente   |
 * | EROGATA                         | — (final)                        |
 * | ANNULLATA, CHIUSA NEGATIVAMENTE | — (final; the slot is free again)|
 *
 * Activities: PROPOSTA → INIZIATA when the first of their deliveries is started → TERMINATA when
 * concluded, which needs at least one EROGATA delivery (manual 3.3: "non è necessario che l'intero
 * ammontare delle ore concordate sia stato erogato, ma è sufficiente che ne sia stata effettuata
 * una"); nothing of a TERMINATA activity changes afterwards.
 */
import { RefusedError, TransitionNotAllowed } from '../errors.js';
import type { StatoErogazione } from './dote-stati.js';

export const AZIONI_EROGAZIONE = ['modifica', 'programma', 'avvia', 'concludi', 'annulla', 'chiudi-negativamente'] as const;
export type AzioneErogazione = (typeof AZIONI_EROGAZIONE)[number];

const TRANSITIONS: Record<StatoErogazione, Partial<Record<AzioneErogazione, StatoErogazione>>> = {
  INSERITA: { modifica: 'INSERITA', programma: 'PROGRAMMATA', annulla: 'ANNULLATA' },
  PROGRAMMATA: { avvia: 'AVVIATA', 'chiudi-negativamente': 'CHIUSA NEGATIVAMENTE' },
  AVVIATA: { concludi: 'EROGATA', 'chiudi-negativamente': 'CHIUSA NEGATIVAMENTE' },
  EROGATA: {},
  ANNULLATA: {},
  'CHIUSA NEGATIVAMENTE': {},
};

/** The actions allowed in a state, in the table's order. */
export function azioniConsentite(stato: StatoErogazione): AzioneErogazione[] {
  return AZIONI_EROGAZIONE.filter((a) => TRANSITIONS[stato]?.[a] !== undefined);
}

/** The state after `azione`, or TransitionNotAllowed naming the state and the allowed actions. */
export function statoDopo(stato: StatoErogazione, azione: AzioneErogazione, what = "L'erogazione"): StatoErogazione {
  const next = TRANSITIONS[stato]?.[azione];
  if (next === undefined) throw new TransitionNotAllowed(what, stato, azione, azioniConsentite(stato));
  return next;
}

/**
 * Deliveries in these states are live: they occupy their slot (a professional's time, a person's
 * day and week); ANNULLATA and CHIUSA NEGATIVAMENTE freed it. The one list of them: the SQL
 * filters are built from it (db/states.ts).
 */
export const STATI_VIVI: readonly StatoErogazione[] = ['INSERITA', 'PROGRAMMATA', 'AVVIATA', 'EROGATA'];

export function isViva(stato: string): boolean {
  return (STATI_VIVI as readonly string[]).includes(stato);
}

/**
 * States whose hours count against the activity's or the PIP's hours and the fascia's caps
 * (hours/service-cap): an INSERITA delivery is still a draft (manual 3.1: the alert comes at
 * "programma").
 */
export const STATI_PROGRAMMATI: readonly StatoErogazione[] = ['PROGRAMMATA', 'AVVIATA', 'EROGATA'];

/** Deliveries not yet in a final state: what still blocks concluding an activity or a dote. */
export const STATI_APERTI: readonly StatoErogazione[] = ['INSERITA', 'PROGRAMMATA', 'AVVIATA'];

export type StatoAttivita = 'PROPOSTA' | 'INIZIATA' | 'TERMINATA';

/** The activity's state after one of its deliveries is started. */
export function attivitaDopoAvvio(stato: StatoAttivita): StatoAttivita {
  return stato === 'PROPOSTA' ? 'INIZIATA' : stato;
}

/** Concluding an activity: refused when already TERMINATA or when no delivery was EROGATA. */
export function concludiAttivita(stato: StatoAttivita, erogate: number, what: string): StatoAttivita {
  if (stato === 'TERMINATA') throw new TransitionNotAllowed(what, stato, 'concludi', []);
  if (erogate < 1) {
    throw new AttivitaSenzaErogazioni(what);
  }
  return 'TERMINATA';
}


export class AttivitaSenzaErogazioni extends RefusedError {
  constructor(what: string) {
    super(`${what} non ha nessuna erogazione EROGATA: per concluderla ne serve almeno una (manuale Job Coach, 3.3)`);
    this.name = 'AttivitaSenzaErogazioni';
  }
}
