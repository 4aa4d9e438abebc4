import type { Said } from './types.js';
import { detach } from '../csv/strings.js';
import { checkCodiceFiscale } from '../domain/codice-fiscale.js';

/**
 * field/codice-fiscale: a codice fiscale that is malformed or has the wrong check character
 * (omocodia allowed; src/domain/codice-fiscale.ts). The column is optional; an empty cell is not
 * checked. Cached per distinct code: a file names the same few people many times.
 */
const messages = {
  nonValido: (d: { cf: string; motivo: string }) => `codice fiscale "${d.cf}": ${d.motivo}`,
};

export const fieldCodiceFiscale = {
  id: 'field/codice-fiscale',
  messages,
  /** A checker with its cache: the code as written to the code, or what is wrong with it. */
  checker(oggi: string): (raw: string) => { cf: string } | Said<typeof messages> {
    const cache = new Map<string, { cf: string } | Said<typeof messages>>();
    return (raw) => {
      let v = cache.get(raw);
      if (v === undefined) {
        raw = detach(raw);
        const r = checkCodiceFiscale(raw, oggi);
        v = r.ok ? { cf: r.cf } : { messageId: 'nonValido', data: { cf: raw, motivo: r.reason } };
        if (cache.size > 100_000) cache.clear();
        cache.set(raw, v);
      }
      return v;
    };
  },
} as const;
