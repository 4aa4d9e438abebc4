/** Destinatari: the people the doti are for, and their measures outside our doti. */
import type { DestinatarioRow } from './repo/lookup.js';
import type { MisuraEsterna } from '../rules/dote-one-active.js';

export type { DestinatarioRow };

/** A person as first written (the id and the anonymisation date come later). */
export type NewDestinatario = Omit<DestinatarioRow, 'id' | 'anonimizzato_il'>;

/** A person in the listing, with how many doti and external measures they have. */
export interface DestinatarioConConteggi extends DestinatarioRow {
  n_doti: number;
  n_misure: number;
}

/** A measure outside our doti (a previous disability dote, DUL, Garanzia Giovani). */
export interface MisuraEsternaRow {
  id: number;
  tipo: string;
  annualita: string | null;
  operatore: string | null;
  azienda: string | null;
  /** Comma-separated service codes. */
  servizi: string | null;
  dal: string;
  al: string | null;
  note: string | null;
}

export type NewMisuraEsterna = Omit<MisuraEsternaRow, 'id'> & { destinatario_id: number };

export interface DestinatarioRepository {
  /** A person by codice fiscale (case ignored). */
  find(cf: string): Promise<DestinatarioRow | undefined>;
  findById(id: number): Promise<DestinatarioRow | undefined>;
  /** Adds a person; returns the id. */
  insert(row: NewDestinatario): Promise<number>;
  /** Writes a person's changeable fields (all of them; the CF, birth date, sex and creation date stay). */
  update(row: DestinatarioRow): Promise<void>;
  /** Everyone, by surname, name and CF, with the number of doti and of external measures. */
  listWithCounts(): Promise<DestinatarioConConteggi[]>;
  /** A person's external measures, by start date. */
  misureOf(destinatarioId: number): Promise<MisuraEsternaRow[]>;
  /** Adds an external measure; returns its id. */
  insertMisura(row: NewMisuraEsterna): Promise<number>;
  /** A person's measures outside our doti (other operators, past annualità), by start date. */
  misureEsterne(destinatarioId: number): Promise<MisuraEsterna[]>;
}
