/**
 * Delivery modes (Cremona, "Modalità di erogazione": in presenza, FAD, telematica, telefonica);
 * in person is the default and always allowed. The catalogue lists per service which others it
 * allows (bandi/schema.ts); the command line reads `--modalita` against this list.
 */
export const MODALITA = ['presenza', 'fad', 'telematica', 'telefonica'] as const;
export type Modalita = (typeof MODALITA)[number];
