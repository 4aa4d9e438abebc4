/**
 * The delivery states the SQL filters on, as SQL literal lists built from the domain's one
 * definition (domain/erogazione-state.ts), so that no statement spells them out by hand.
 */
import { STATI_APERTI, STATI_PROGRAMMATI, STATI_VIVI } from '../domain/erogazione-state.js';
import { EROGAZIONE_STATI } from '../domain/dote-stati.js';

function literals(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}

/**
 * The states of deliveries that freed their slot (ANNULLATA, CHIUSA NEGATIVAMENTE): live ones are
 * `stato NOT IN (FREED_STATES_SQL)`, the shape the statements and their query plans were measured with.
 */
export const FREED_STATES_SQL = literals(EROGAZIONE_STATI.filter((s) => !STATI_VIVI.includes(s)));

/** Deliveries whose hours count against the plan and the caps: PROGRAMMATA, AVVIATA, EROGATA. */
export const COUNTED_STATES_SQL = literals(STATI_PROGRAMMATI);

/** Deliveries not yet final: INSERITA, PROGRAMMATA, AVVIATA. */
export const OPEN_STATES_SQL = literals(STATI_APERTI);
