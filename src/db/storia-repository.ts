/** The audit trail (storia): every change with when, who, what, before and after. */
import type { HistoryEntry } from './storia.js';

export type { HistoryEntry };

export interface StoriaRepository {
  /** Records one change; call it inside the same `write` as the change. */
  record(entry: HistoryEntry, now?: Date): Promise<void>;
}
