/**
 * csv/syntax: broken quoting, a record the CSV reader cannot read. The splitter
 * (src/csv/split.ts) finds it, reports it at the line where the record starts and goes on from
 * the next line, so one bad quote does not hide the rest of the file.
 */
import type { SplitError } from '../csv/split.js';

export const csvSyntax = {
  id: 'csv/syntax',
  messages: {
    virgoletteAperte: (_d: Record<string, never>) => 'virgolette aperte e mai chiuse: il record non si può leggere (le righe seguenti sono controllate comunque)',
    dopoChiusura: (d: { carattere: string; riga: number | null }) =>
      `carattere ${JSON.stringify(d.carattere)} dopo le virgolette di chiusura${d.riga !== null ? ` (riga ${d.riga})` : ''}: ` +
      'un campo tra virgolette deve finire con le virgolette seguite dal separatore',
  },
  /** A record the splitter (src/csv/split.ts) could not read, as this rule's finding with its line. */
  check(e: SplitError) {
    return e;
  },
} as const;
