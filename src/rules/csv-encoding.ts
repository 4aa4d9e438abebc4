/**
 * csv/encoding: the file is neither valid UTF-8 nor readable as Windows-1252, or it is binary
 * (docs/csv.md: users export from spreadsheets in UTF-8, with or without BOM, or Windows-1252).
 * Detection is in src/csv/encoding.ts; this module owns the id and the message.
 */
import type { EncodingInfo, Workbook } from '../csv/encoding.js';

/** What the file is and how to get the CSV out of it. */
const WORKBOOKS: Record<Workbook, string> = {
  xlsx: 'cartella di lavoro di Excel (.xlsx), non un file CSV: aprila e salvala come CSV UTF-8 (File › Salva con nome)',
  xls: 'cartella di lavoro di Excel 97-2003 (.xls), non un file CSV: aprila e salvala come CSV UTF-8 (File › Salva con nome)',
  ods: 'foglio di calcolo di LibreOffice Calc (.ods), non un file CSV: aprilo e salvalo come Testo CSV (File › Salva con nome)',
  zip: 'archivio ZIP, non un file CSV: estrai il file CSV e controlla quello',
};

export const csvEncoding = {
  id: 'csv/encoding',
  messages: {
    byteNullo: (d: { riga: number }) => `byte nullo (0x00) alla riga ${d.riga}: file binario o in UTF-16, non un CSV di testo (salvalo come CSV UTF-8)`,
    byteIllegibile: (d: { byte: string }) => `byte ${d.byte}: il file non è in UTF-8 e non è leggibile come Windows-1252 (salvalo come CSV UTF-8)`,
    cartellaDiLavoro: (d: { formato: Workbook }) => WORKBOOKS[d.formato],
  },
  /** What detection found (src/csv/encoding.ts), as this rule's finding with its line. */
  check(info: EncodingInfo) {
    return info.problem ?? null;
  },
} as const;
