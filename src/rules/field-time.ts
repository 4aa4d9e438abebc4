import type { Said } from './types.js';
import { cachedParser } from '../csv/strings.js';
import { parseTime } from '../domain/dates.js';

/**
 * field/time: a time not written `HH:MM`, `H:MM`, `HH.MM` or `H.MM` (Italian usage, docs/comandi.md), or
 * outside 00:00-23:59. Seconds `:00`, as spreadsheets export time cells, are accepted.
 */
const messages = {
  nonValido: (d: { orario: string }) => `orario "${d.orario}" non valido: scrivi HH:MM tra 00:00 e 23:59`,
};

export const fieldTime = {
  id: 'field/time',
  messages,
  /** A time as written to minutes since midnight, or what is wrong with it. */
  parser(): (raw: string) => number | Said<typeof messages> {
    return cachedParser((raw) => parseTime(raw.replace(/^(\d{1,2}[:.]\d{2}):00$/, '$1')) ?? { messageId: 'nonValido' as const, data: { orario: raw } });
  },
} as const;
