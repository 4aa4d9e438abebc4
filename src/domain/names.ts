/** Whitespace collapsed, case folded: "  rossi  MARIO " and "Rossi Mario" are the same name. */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}
