/**
 * csv/encoding: the file is neither valid UTF-8 nor readable as Windows-1252, or it is binary
 * (domain.md 3: users export from spreadsheets in UTF-8, with or without BOM, or Windows-1252).
 * Detection is in src/csv/encoding.ts; this module owns the id and the message.
 */
export const csvEncoding = {
  id: 'csv/encoding',
  message(problem: string): string {
    return problem;
  },
} as const;
