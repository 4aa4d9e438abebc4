/**
 * The liquidation request's arithmetic (pure): the amount claimed for the services delivered,
 * and the employment days that earn the result.
 *
 * Cremona, "DOMANDA DI LIQUIDAZIONE": services are paid for the hours delivered at the service's
 * rate (individual and group hours each at their own rate), never beyond what the PIP planned
 * nor the fascia's cap ("ore pianificate ma non erogate non vengono riconosciute"); the result
 * (inserimento) is paid only for subordinate employment or staff-leasing missions totalling at
 * least 180 days, even non-continuous and with different employers, with weekly hours not below
 * the CCNL's; a traineeship never counts. Job Coach: the activities' hours at the service rate.
 */
import type { Bando } from '../bandi/schema.js';
import type { OreServizi } from './massimali.js';
import { dayNumber } from './dates.js';
import { valueOfMinutes } from './money.js';

/** Minutes delivered (EROGATA) of one service in one mode. */
export interface Erogato {
  servizio: string;
  collettiva: boolean;
  minuti: number;
}

export interface RigaImporto {
  servizio: string;
  collettiva: boolean;
  minutiErogati: number;
  /** What may be paid: the plan's hours of the service in that mode, within the fascia's cap. */
  minutiLimite: number;
  minutiPagati: number;
  tariffaCent: number;
  importoCent: number;
}

/**
 * The services' part of the claim, line by line, in the catalogue's order of services.
 * `pianificato` is the plan (the latest PIP, or the Job Coach activities); `cap` the fascia's caps.
 * A service the plan does not have is paid nothing (its hours were never planned).
 */
export function importoServizi(bando: Bando, cap: OreServizi, pianificato: OreServizi | null, erogati: readonly Erogato[]): { righe: RigaImporto[]; totaleCent: number } {
  const order = new Map(bando.servizi.map((s, i) => [s.codice, i]));
  const righe = [...erogati]
    .filter((e) => e.minuti > 0)
    .sort((a, b) => (order.get(a.servizio) ?? 999) - (order.get(b.servizio) ?? 999) || Number(a.collettiva) - Number(b.collettiva))
    .map((e) => {
      const s = bando.servizi.find((x) => x.codice === e.servizio);
      const tariffaCent = (e.collettiva ? s?.tariffa.collettiva : s?.tariffa.individuale) ?? 0;
      const c = cap.get(e.servizio);
      const capMin = c ? (e.collettiva ? c.collettiva : c.individuale) : 0;
      const p = pianificato?.get(e.servizio);
      const planMin = pianificato ? (p ? (e.collettiva ? p.collettiva : p.individuale) : 0) : capMin;
      const minutiLimite = Math.min(planMin, capMin);
      const minutiPagati = Math.min(e.minuti, minutiLimite);
      return { servizio: e.servizio, collettiva: e.collettiva, minutiErogati: e.minuti, minutiLimite, minutiPagati, tariffaCent, importoCent: valueOfMinutes(tariffaCent, minutiPagati) };
    });
  return { righe, totaleCent: righe.reduce((a, r) => a + r.importoCent, 0) };
}

export type TipoContratto = 'subordinato' | 'somministrazione' | 'tirocinio';

export interface Contratto {
  numero: number;
  tipo: TipoContratto;
  azienda: string;
  dal: string;
  /** null: open-ended. */
  al: string | null;
  minutiSettimanali: number;
  minutiCcnl: number;
}

export interface EsitoOccupazione {
  /** Days of qualifying employment, each day counted once however many contracts cover it. */
  giorni: number;
  /** A qualifying open-ended contract: the duration is met by itself. */
  indeterminato: boolean;
  raggiunto: boolean;
  soglia: number;
  /** Contracts that do not count, and why. */
  esclusi: { numero: number; motivo: 'tirocinio' | 'orario' }[];
}

/**
 * The employment that earns the result. Our readings: a contract counts from its start to its
 * end date, both included (the source speaks of the contract's own duration, not of the days
 * worked, and a fixed-term contract signed during the dote may end after today); overlapping
 * contracts count each day once; an open-ended contract qualifies whatever its start.
 */
export function occupazione(contratti: readonly Contratto[], soglia: number): EsitoOccupazione {
  const esclusi: EsitoOccupazione['esclusi'] = [];
  const periodi: [number, number][] = [];
  let indeterminato = false;
  for (const c of contratti) {
    if (c.tipo === 'tirocinio') {
      esclusi.push({ numero: c.numero, motivo: 'tirocinio' });
      continue;
    }
    if (c.minutiSettimanali < c.minutiCcnl) {
      esclusi.push({ numero: c.numero, motivo: 'orario' });
      continue;
    }
    if (c.al === null) indeterminato = true;
    else periodi.push([dayNumber(c.dal), dayNumber(c.al)]);
  }
  periodi.sort((a, b) => a[0] - b[0]);
  let giorni = 0;
  let fine = -Infinity;
  for (const [da, a] of periodi) {
    const inizio = Math.max(da, fine + 1);
    if (a >= inizio) giorni += a - inizio + 1;
    fine = Math.max(fine, a);
  }
  return { giorni, indeterminato, raggiunto: indeterminato || giorni >= soglia, soglia, esclusi };
}
