/** Ente, sedi and professionisti. */
import type { ProfessionistaRow, SedeRow } from './repo/lookup.js';

export type { ProfessionistaRow, SedeRow };

/** The operator's one row (table `ente`, id 1). */
export interface EnteRow {
  nome: string;
  codice: string | null;
  indirizzo: string | null;
  pec: string | null;
  iban: string | null;
  logo: string | null;
  rappresentante_legale: string | null;
  /** Years a person's identity is kept after the end of their last dote (migration 006); null: not set. */
  conservazione_anni: number | null;
  aggiornato_il: string;
}

export type NewSede = Omit<SedeRow, 'id'>;
export type NewProfessionista = Omit<ProfessionistaRow, 'id'>;

export interface RegistryRepository {
  /** A professional by code (case ignored) or by full name, also written "Cognome Nome". */
  findProfessionista(codeOrName: string): Promise<ProfessionistaRow | undefined>;
  /** A sede by name (case ignored). */
  findSede(nome: string): Promise<SedeRow | undefined>;
  /** The operator's data, if set. */
  findEnte(): Promise<EnteRow | undefined>;
  /** Writes the operator's data (creates the row the first time). */
  saveEnte(row: EnteRow): Promise<void>;
  /** Adds a sede; returns its id. */
  insertSede(row: NewSede): Promise<number>;
  /** All sedi by name (case ignored). */
  listSedi(): Promise<SedeRow[]>;
  /** Adds a professional; returns the id. */
  insertProfessionista(row: NewProfessionista): Promise<number>;
  /** All professionals by name (case ignored), then code. */
  listProfessionisti(): Promise<ProfessionistaRow[]>;
  /** The ente's name and code, once registered. */
  ente(): Promise<{ nome: string; codice: string | null } | null>;
}
