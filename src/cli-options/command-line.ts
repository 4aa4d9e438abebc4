/** Splits a command line into words: whitespace separates, "double quotes" group (fixtures' setup.txt). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inQuotes = false;
  let has = false;
  for (const ch of line) {
    if (ch === '"') {
      inQuotes = !inQuotes;
      has = true;
    } else if (!inQuotes && /\s/.test(ch)) {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) words.push(cur);
  return words;
}
