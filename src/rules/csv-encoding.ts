/**
 * csv/encoding: the file is neither valid UTF-8 nor readable as Windows-1252, or it is binary
 * (docs/csv.md: users export from spreadsheets in UTF-8, with or without BOM, or Windows-1252).
 * Detection is in src/csv/encoding.ts; this module owns the id and the message.
 */
import type { EncodingInfo } from '../csv/encoding.js';

export const csvEncoding = {
  id: 'csv/encoding',
  messages: {
    byteNullo: (d: { riga: number }) => `byte nullo (0x00) alla riga ${d.riga}: file binario o in UTF-16, non un CSV di testo (salvalo come CSV UTF-8)`,
    byteIllegibile: (d: { byte: string }) => `byte ${d.byte}: il file non è in UTF-8 e non è leggibile come Windows-1252 (salvalo come CSV UTF-8)`,
  },
  /** What detection found (src/csv/encoding.ts), as this rule's finding with its line. */
  check(info: EncodingInfo) {
    return info.problem ?? null;
  },
} as const;
