/** Destinatari: the people the doti are for. */
import type { DestinatarioRow } from './repo/lookup.js';
import type { MisuraEsterna } from '../rules/dote-one-active.js';

export type { DestinatarioRow };

export interface DestinatarioRepository {
  /** A person by codice fiscale (case ignored). */
  find(cf: string): Promise<DestinatarioRow | undefined>;
  findById(id: number): Promise<DestinatarioRow | undefined>;
  /** A person's measures outside our doti (other operators, past annualità), by start date. */
  misureEsterne(destinatarioId: number): Promise<MisuraEsterna[]>;
}
