/**
 * The registry of rule implementations, explicit and sorted by id (no directory scanning at run
 * time). Rule ids and titles are in ./catalog.ts; a catalogue id missing here is "non ancora attiva".
 * Delivery rules (scope `erogazione`) run through ./engine.ts for both CSV rows and delivery entry.
 */
import type { Rule } from './types.js';
import { timeOrder } from './time-order.js';
import { timeWindow } from './time-window.js';

export const DELIVERY_RULES: readonly Rule[] = [timeOrder, timeWindow];

/**
 * Rule ids implemented outside the delivery engine (CSV parsing, header and field checks, dote
 * and liquidation checks), each in its own module that the owning code calls.
 */
export const OTHER_IMPLEMENTED_RULES: readonly string[] = ['dote/deadline', 'dote/eligibility', 'dote/one-active'];

export function implementedRuleIds(): Set<string> {
  return new Set([...DELIVERY_RULES.map((r) => r.id), ...OTHER_IMPLEMENTED_RULES]);
}
