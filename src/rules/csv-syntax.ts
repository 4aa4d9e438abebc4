/**
 * csv/syntax: broken quoting, a record the CSV reader cannot read. The splitter
 * (src/csv/split.ts) finds it, reports it at the line where the record starts and goes on from
 * the next line, so one bad quote does not hide the rest of the file.
 */
export const csvSyntax = {
  id: 'csv/syntax',
  message(detail: string): string {
    return detail;
  },
} as const;
