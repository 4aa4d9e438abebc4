/** Destinatari: the people the doti are for. */
import type { DestinatarioRow } from './repo/lookup.js';

export type { DestinatarioRow };

export interface DestinatarioRepository {
  /** A person by codice fiscale (case ignored). */
  find(cf: string): Promise<DestinatarioRow | undefined>;
  findById(id: number): Promise<DestinatarioRow | undefined>;
}
