/** The audit trail (storia): every change with when, who, what, before and after. */
import type { HistoryEntry, HistoryRow } from './storia.js';

export type { HistoryEntry, HistoryRow };

export interface StoriaRepository {
  /** Records one change; call it inside the same `write` as the change. */
  record(entry: HistoryEntry, now?: Date): Promise<void>;
  /** Every entry of a dote (its PIP, activities, deliveries too), in the order recorded. */
  entriesOf(doteId: string): Promise<HistoryRow[]>;
}
