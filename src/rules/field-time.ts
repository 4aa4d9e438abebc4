import { cachedParser } from '../csv/strings.js';
import { parseTime } from '../domain/dates.js';

/**
 * field/time: a time not written `HH:MM`, `H:MM`, `HH.MM` or `H.MM` (Italian usage, cli.md), or
 * outside 00:00-23:59. Seconds `:00`, as spreadsheets export time cells, are accepted.
 */
export const fieldTime = {
  id: 'field/time',
  parser(): (raw: string) => number | string {
    return cachedParser((raw) => parseTime(raw.replace(/^(\d{1,2}[:.]\d{2}):00$/, '$1')) ?? `orario "${raw}" non valido: scrivi HH:MM tra 00:00 e 23:59`);
  },
} as const;
