import { detach } from '../csv/strings.js';
import { parseTime } from '../domain/dates.js';

/**
 * field/time: a time not written `HH:MM`, `H:MM`, `HH.MM` or `H.MM` (Italian usage, cli.md), or
 * outside 00:00-23:59. Seconds `:00`, as spreadsheets export time cells, are accepted.
 */
export const fieldTime = {
  id: 'field/time',
  parser(): (raw: string) => number | string {
    const cache = new Map<string, number | string>();
    // Consecutive rows often repeat a value (a day's rows, a session's times): compare first.
    let lastRaw = '';
    let lastValue: number | string = '';
    return (raw) => {
      if (raw === lastRaw) return lastValue;
      let v = cache.get(raw);
      if (v === undefined) {
        raw = detach(raw);
        const m = parseTime(raw.replace(/^(\d{1,2}[:.]\d{2}):00$/, '$1'));
        v = m ?? `orario "${raw}" non valido: scrivi HH:MM tra 00:00 e 23:59`;
        if (cache.size > 50_000) cache.clear();
        cache.set(raw, v);
      }
      lastRaw = raw;
      lastValue = v;
      return v;
    };
  },
} as const;
