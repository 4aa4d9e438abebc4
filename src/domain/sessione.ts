import { formatTime } from './dates.js';

/**
 * Deliveries of one group session share this key: same date, times, service and professional
 * (registry code). Used by `erogazione aggiungi --collettiva` and by `importa` alike.
 */
export function sessionKey(data: string, inizio: number, fine: number, servizio: string, profCodice: string): string {
  return `S-${data}-${formatTime(inizio)}-${formatTime(fine)}-${servizio}-${profCodice}`;
}
