/** Erogazioni with their warnings, Job Coach activities, imported timesheet rows. */
import type { StatoAttivita } from '../domain/erogazione-state.js';

export interface ErogazioneRepository {
  /** The state of a dote's activity for a service (Job Coach), if it has one. */
  attivitaStato(doteId: string, servizio: string): Promise<StatoAttivita | undefined>;
}
