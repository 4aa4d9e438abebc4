/** Erogazioni with their warnings, Job Coach activities, imported timesheet rows. */
import type { StatoAttivita } from '../domain/erogazione-state.js';

export interface ErogazioneRepository {
  /** The state of a dote's activity for a service (Job Coach), if it has one. */
  attivitaStato(doteId: string, servizio: string): Promise<StatoAttivita | undefined>;
  /** A dote's activities (Job Coach) with their hours in minutes, in the order they were created. */
  attivitaOf(doteId: string): Promise<{ servizio: string; minuti: number; stato: StatoAttivita }[]>;
  insertAttivita(a: { doteId: string; servizio: string; minuti: number; stato: StatoAttivita }): Promise<void>;
  /** Sets an activity's state and conclusion date. */
  concludeAttivita(a: { doteId: string; servizio: string; stato: StatoAttivita; data: string }): Promise<void>;
  /** How many of a dote's deliveries for a service are in state `stato`. */
  countByState(doteId: string, servizio: string, stato: string): Promise<number>;
  /** A dote's deliveries for a service still open (INSERITA, PROGRAMMATA, AVVIATA), by date, start and id. */
  openDeliveriesOfService(doteId: string, servizio: string): Promise<{ id: number; data: string; stato: string }[]>;
}
