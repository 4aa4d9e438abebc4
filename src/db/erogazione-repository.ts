/** Erogazioni with their warnings, Job Coach activities, imported timesheet rows. */
import type { Modalita } from '../bandi/schema.js';
import type { StatoErogazione } from '../domain/dote-stati.js';
import type { StatoAttivita } from '../domain/erogazione-state.js';

/** A row of `erogazione`. */
export interface ErogazioneRow {
  id: number;
  dote_id: string;
  servizio: string;
  data: string;
  inizio: number;
  fine: number;
  professionista_id: number;
  sede_id: number | null;
  modalita: Modalita;
  collettiva: number;
  sessione: string | null;
  descrizione: string | null;
  stato: StatoErogazione;
  registrata_il: string;
  origine: string;
  file_id: number | null;
  riga: number | null;
  liquidazione_id: number | null;
  creata_il: string;
  aggiornata_il: string;
}

/** A delivery with its professional's code and name, its sede's name and its person's codice fiscale. */
export interface ErogazioneFullRow extends ErogazioneRow {
  prof_codice: string;
  prof_nome: string;
  sede_nome: string | null;
  cf: string;
}

/** The columns a person enters and may change while the delivery is INSERITA. */
export type ErogazioneEditable = Pick<
  ErogazioneRow,
  'servizio' | 'data' | 'inizio' | 'fine' | 'professionista_id' | 'sede_id' | 'modalita' | 'collettiva' | 'sessione' | 'descrizione' | 'registrata_il'
>;

/** A new delivery: the editable columns, its dote, state and origin, and when it was made. */
export interface NuovaErogazioneRow extends ErogazioneEditable {
  dote_id: string;
  stato: StatoErogazione;
  origine: string;
  creata_il: string;
  aggiornata_il: string;
}

/** A warning stored with a delivery. */
export interface AvvisoRow {
  regola: string;
  messaggio: string;
}

/** A Job Coach activity of a dote. */
export interface AttivitaRow {
  servizio: string;
  minuti: number;
  stato: StatoAttivita;
  data_conclusione: string | null;
}

/** The minutes and counts of an activity's deliveries: EROGATA, and still open (INSERITA, PROGRAMMATA, AVVIATA). */
export interface AttivitaTotals {
  erogate: number;
  aperte: number;
  n_erogate: number;
  n_aperte: number;
}

/** A delivery still open (INSERITA, PROGRAMMATA, AVVIATA), as a refusal names it. */
export interface ErogazioneAperta {
  id: number;
  data: string;
  stato: StatoErogazione;
}

/** An imported timesheet row, with its dote's person. */
export interface TimesheetRigaRow {
  id: number;
  dote_id: string;
  servizio: string;
  data: string;
  inizio: number;
  fine: number;
  collettiva: number;
  descrizione: string | null;
  /** Null when the row names a dote the database does not have. */
  cf: string | null;
}

export interface ErogazioneRepository {
  /** The live deliveries (not ANNULLATA nor CHIUSA NEGATIVAMENTE) of a group session, in all doti, by the person's surname and name. */
  liveOfSession(sessione: string): Promise<ErogazioneFullRow[]>;
  /** A professional's EROGATA deliveries from `from` to `to` (ISO dates, inclusive), in all doti, by date, start and id. */
  deliveredOfProfessionalBetween(professionistaId: number, from: string, to: string): Promise<ErogazioneFullRow[]>;
  /** A professional's imported timesheet rows from `from` to `to`, by date, start and id. */
  timesheetOfProfessionalBetween(professionistaId: number, from: string, to: string): Promise<TimesheetRigaRow[]>;

  /** The state of a dote's activity for a service (Job Coach), if it has one. */
  attivitaStato(doteId: string, servizio: string): Promise<StatoAttivita | undefined>;

  /** A delivery with its professional, sede and person. */
  find(id: number): Promise<ErogazioneFullRow | undefined>;
  /** A dote's deliveries (only those in `stato`, if given), by date, start time and id. */
  ofDote(doteId: string, stato?: StatoErogazione): Promise<ErogazioneFullRow[]>;
  /** A person's live deliveries (not ANNULLATA or CHIUSA NEGATIVAMENTE) from `from` to `to`, in all their doti, except `exceptId`. */
  liveOfPersonBetween(destinatarioId: number, from: string, to: string, exceptId: number): Promise<ErogazioneFullRow[]>;
  /** A professional's live deliveries of day `data`, except `exceptId`. */
  liveOfProfessionalOn(professionistaId: number, data: string, exceptId: number): Promise<ErogazioneFullRow[]>;
  /** A dote's deliveries of a service whose hours count (PROGRAMMATA, AVVIATA, EROGATA), except `exceptId`. */
  countedOf(doteId: string, servizio: string, exceptId: number): Promise<ErogazioneFullRow[]>;
  /** The id of another live delivery of the dote in group session `sessione`, if there is one. */
  liveIdInSession(doteId: string, sessione: string, exceptId: number): Promise<number | undefined>;
  /** Inserts a delivery; returns its id. */
  insert(row: NuovaErogazioneRow): Promise<number>;
  /** Changes a delivery's editable columns. */
  update(id: number, columns: ErogazioneEditable, aggiornataIl: string): Promise<void>;
  setStato(id: number, stato: StatoErogazione, aggiornataIl: string): Promise<void>;
  /** A delivery's stored warnings, in the order they were stored. */
  avvisi(id: number): Promise<AvvisoRow[]>;
  /** Stores the warnings a delivery does not have yet (same rule and message). */
  addAvvisi(id: number, avvisi: readonly AvvisoRow[], creatoIl: string): Promise<void>;

  /** A dote's activities, in the order they were made. */
  attivitaOf(doteId: string): Promise<AttivitaRow[]>;
  /** Whether the dote has any activity. */
  hasAttivita(doteId: string): Promise<boolean>;
  /** The minutes and counts of the deliveries of a dote's service, delivered and still open. */
  attivitaTotals(doteId: string, servizio: string): Promise<AttivitaTotals>;
  /** The deliveries of a dote's service still open, by date, start time and id. */
  apertiOf(doteId: string, servizio: string): Promise<ErogazioneAperta[]>;
  setAttivitaStato(doteId: string, servizio: string, stato: StatoAttivita): Promise<void>;
  /** An activity's new state and date of conclusion. */
  setAttivitaConclusa(doteId: string, servizio: string, stato: StatoAttivita, dataConclusione: string): Promise<void>;
  insertAttivita(a: { doteId: string; servizio: string; minuti: number; stato: StatoAttivita }): Promise<void>;
  /** How many of a dote's deliveries for a service are in state `stato`. */
  countByState(doteId: string, servizio: string, stato: string): Promise<number>;
}
