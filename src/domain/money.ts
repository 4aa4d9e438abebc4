/** Money in integer cents, hours in integer minutes; Italian formats only at the edges. */

/** Euro amount (as written in a catalogue, e.g. 69.75) to integer cents, exactly. */
export function euroToCents(euro: number): number {
  return Math.round(euro * 100);
}

/** cents × minutes / 60, rounded to the cent (half up): the value of hours at an hourly rate. */
export function valueOfMinutes(rateCents: number, minutes: number): number {
  return Math.round((rateCents * minutes) / 60);
}

/** `1.672,00 €` */
export function formatCents(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const c = abs % 100;
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped},${c < 10 ? '0' : ''}${c} €`;
}

/** Minutes as hours for people: `8`, `1,5`, `0,75` (decimal comma, no trailing zeros). */
export function formatHours(minutes: number): string {
  const h = minutes / 60;
  const s = Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0+$/, '');
  return s.replace('.', ',');
}

/** `1.234` (thousands with a dot). */
export function formatInt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Minutes as people say them: `2 ore`, `1 ora e 30 minuti`, `45 minuti`, `0 ore`. */
export function formatDurata(minutes: number): string {
  const h = Math.floor(minutes / 60), m = minutes % 60;
  const ore = h === 1 ? '1 ora' : `${formatInt(h)} ore`;
  const min = m === 1 ? '1 minuto' : `${m} minuti`;
  if (!m) return ore;
  return h ? `${ore} e ${min}` : min;
}
