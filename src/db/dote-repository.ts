/** Doti with their PIP versions, and the rules' view of a dote. */
import type { Catalogues } from '../bandi/load.js';
import type { DoteInfo } from '../domain/dote-info.js';
import type { DoteRow } from './repo/lookup.js';

export type { DoteRow };

export interface DoteRepository {
  find(id: string): Promise<DoteRow | undefined>;
  /** Whether the dote is in a liquidation request. */
  inLiquidazione(id: string): Promise<boolean>;
  /** The rules' view of a dote (type, fascia, period, caps, plan, the person's history). */
  info(cats: Catalogues, id: string): Promise<DoteInfo | undefined>;
  /** A person's doti, by request date then id. */
  ofDestinatario(destinatarioId: number): Promise<DoteRow[]>;
}
