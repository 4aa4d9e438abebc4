import { detach } from '../csv/strings.js';
import { checkCodiceFiscale } from '../domain/codice-fiscale.js';

/**
 * field/codice-fiscale: a codice fiscale that is malformed or has the wrong check character
 * (omocodia allowed; src/domain/codice-fiscale.ts). The column is optional; an empty cell is not
 * checked. Cached per distinct code: a file names the same few people many times.
 */
export const fieldCodiceFiscale = {
  id: 'field/codice-fiscale',
  checker(oggi: string): (raw: string) => { cf: string } | string {
    const cache = new Map<string, { cf: string } | string>();
    return (raw) => {
      let v = cache.get(raw);
      if (v === undefined) {
        raw = detach(raw);
        const r = checkCodiceFiscale(raw, oggi);
        v = r.ok ? { cf: r.cf } : `codice fiscale "${raw}": ${r.reason}`;
        if (cache.size > 100_000) cache.clear();
        cache.set(raw, v);
      }
      return v;
    };
  },
} as const;
