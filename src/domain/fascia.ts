/**
 * The fascia of a Cremona dote (1-4, from the profiling: Cremona plan, "Fasce di intensità di
 * aiuto"). One definition of the range for the catalogue schema, the CSV column and the options.
 */
export const FASCE = ['1', '2', '3', '4'] as const;
export type FasciaKey = (typeof FASCE)[number];

/** The fascia a text names ("3", " 3 "), or null. */
export function parseFascia(text: string): number | null {
  const t = text.trim();
  return (FASCE as readonly string[]).includes(t) ? Number(t) : null;
}

export function fasciaKey(fascia: number): FasciaKey | undefined {
  const k = String(fascia);
  return (FASCE as readonly string[]).includes(k) ? (k as FasciaKey) : undefined;
}
