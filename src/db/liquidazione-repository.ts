/**
 * What a liquidation request rests on: the dote's employment contracts (the result), the
 * required output of its services, and the totals that the claim reconciles (delivered hours
 * against the imported timesheet).
 */

/** A row of `contratto`. */
export interface ContrattoRow {
  id: number;
  dote_id: string;
  numero: number;
  tipo: 'subordinato' | 'somministrazione' | 'tirocinio';
  azienda: string;
  dal: string;
  al: string | null;
  minuti_settimanali: number;
  minuti_ccnl: number;
  creato_il: string;
  rimosso_il: string | null;
}

export type NuovoContratto = Omit<ContrattoRow, 'id' | 'numero' | 'rimosso_il'>;

/** A row of `output_servizio`. */
export interface OutputRow {
  id: number;
  dote_id: string;
  servizio: string;
  data: string;
  file: string | null;
  sha256: string | null;
  creato_il: string;
}

/** A row of `impresa`: the business a D1-IMP dote started (schema 6). */
export interface ImpresaRow {
  id: number;
  dote_id: string;
  denominazione: string;
  partita_iva: string;
  rea: string | null;
  iscrizione: string;
  creata_il: string;
  sostituita_il: string | null;
}

export type NuovaImpresa = Omit<ImpresaRow, 'id' | 'sostituita_il'>;

/** Minutes of one professional on one service of a dote, in the calendar (EROGATA) or in the timesheet. */
export interface MinutiProfessionista {
  professionista: string;
  nome: string;
  servizio: string;
  minuti: number;
}

/** A row of `liquidazione`: the request made for a dote (one per dote). */
export interface RichiestaRow {
  id: number;
  dote_id: string;
  data: string;
  cartella: string;
  creata_il: string;
  /** Since schema 5 (null for a request recorded before). */
  importo_cent: number | null;
  limite_pec: number | null;
}

/** A row of `liquidazione_file`: one file of the packet as prepared. */
export interface RichiestaFileRow {
  liquidazione_id: number;
  ordine: number;
  nome: string;
  bytes: number;
  sha256: string;
  pec: number;
}

export interface LiquidazioneRepository {
  /** Records the request; returns it. */
  insertRichiesta(x: Omit<RichiestaRow, 'id'>): Promise<RichiestaRow>;
  /** Ties the dote's EROGATA deliveries to the request; returns how many. */
  lockErogate(doteId: string, liquidazioneId: number): Promise<number>;
  /** Every request, by date then dote. */
  richieste(): Promise<RichiestaRow[]>;
  richiestaOf(doteId: string): Promise<RichiestaRow | undefined>;
  insertFile(f: RichiestaFileRow): Promise<void>;
  /** A request's files, in the packet's order. */
  fileOf(liquidazioneId: number): Promise<RichiestaFileRow[]>;
  /** Professionals (code) and months (YYYY-MM) of the dote's EROGATA deliveries and timesheet rows. */
  mesiProfessionisti(doteId: string): Promise<{ professionista: string; mese: string }[]>;
  /** A dote's contracts, removed ones too, by number. */
  contrattiOf(doteId: string): Promise<ContrattoRow[]>;
  /** Adds a contract with the next number of the dote; returns it. */
  insertContratto(c: NuovoContratto): Promise<ContrattoRow>;
  /** Marks a contract removed (the row stays, for the audit trail). */
  removeContratto(id: number, rimossoIl: string): Promise<void>;
  /** The dote's business, the one not replaced. */
  impresaOf(doteId: string): Promise<ImpresaRow | undefined>;
  /** Records the dote's business, marking the previous one replaced at `creata_il`; returns it. */
  setImpresa(i: NuovaImpresa): Promise<ImpresaRow>;
  /** A dote's recorded outputs, in the order recorded. */
  outputOf(doteId: string): Promise<OutputRow[]>;
  insertOutput(o: Omit<OutputRow, 'id'>): Promise<OutputRow>;
  /** The dote's EROGATA minutes per professional and service (the calendar side of the claim). */
  erogatiPerProfessionista(doteId: string): Promise<MinutiProfessionista[]>;
  /** The dote's imported timesheet minutes per professional and service. */
  timesheetPerProfessionista(doteId: string): Promise<MinutiProfessionista[]>;
}
