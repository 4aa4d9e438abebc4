/** Ente, sedi and professionisti. */
import type { ProfessionistaRow, SedeRow } from './repo/lookup.js';

export type { ProfessionistaRow, SedeRow };

export interface RegistryRepository {
  /** A professional by code (case ignored) or by full name, also written "Cognome Nome". */
  findProfessionista(codeOrName: string): Promise<ProfessionistaRow | undefined>;
  /** A sede by name (case ignored). */
  findSede(nome: string): Promise<SedeRow | undefined>;
  /** The ente's name and code, once registered. */
  ente(): Promise<{ nome: string; codice: string | null } | null>;
}
