/**
 * States of a dote. Cremona doti are activated by the operator (ATTIVA) and concluded
 * (CONCLUSA); the PIP's progress is in its dates (sent, validated). A Job Coach request is
 * PROPOSTA → AMMESSO AL SERVIZIO, RIFIUTATA or CANCELLATA (no answer within 7 days of the CPI's
 * notification, Job Coach manual 2), then CONCLUSA.
 */
export const STATO = {
  ATTIVA: 'ATTIVA',
  PROPOSTA: 'PROPOSTA',
  AMMESSA: 'AMMESSO AL SERVIZIO',
  RIFIUTATA: 'RIFIUTATA',
  CANCELLATA: 'CANCELLATA',
  CONCLUSA: 'CONCLUSA',
} as const;

export type StatoDote = (typeof STATO)[keyof typeof STATO];

/** States in which a dote counts as active for the one-active-dote rule. */
export const STATI_ATTIVI: readonly string[] = [STATO.ATTIVA, STATO.PROPOSTA, STATO.AMMESSA];

/** States in which deliveries may be recorded. */
export const STATI_EROGABILI: readonly string[] = [STATO.ATTIVA, STATO.AMMESSA];

/** Erogazione states (the Job Coach manual); which are live and which count: domain/erogazione-state.ts. */
export const EROGAZIONE_STATI = ['INSERITA', 'PROGRAMMATA', 'AVVIATA', 'EROGATA', 'ANNULLATA', 'CHIUSA NEGATIVAMENTE'] as const;
export type StatoErogazione = (typeof EROGAZIONE_STATI)[number];
