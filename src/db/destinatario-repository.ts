/** Destinatari: the people the doti are for, and their measures outside our doti. */
import type { DestinatarioRow } from './repo/lookup.js';
import type { MisuraEsterna } from '../rules/dote-one-active.js';
import type { DoteFine } from '../domain/anonimizzazione.js';

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

/** Everything held about a person, table by table, as stored (history snapshots as JSON text). */
export interface DatiPersona {
  destinatario: Record<string, unknown>;
  misureEsterne: Record<string, unknown>[];
  doti: Record<string, unknown>[];
  pipVersioni: Record<string, unknown>[];
  pipVoci: Record<string, unknown>[];
  attivita: Record<string, unknown>[];
  erogazioni: Record<string, unknown>[];
  avvisiErogazioni: Record<string, unknown>[];
  timesheet: Record<string, unknown>[];
  contratti: Record<string, unknown>[];
  output: Record<string, unknown>[];
  liquidazioni: Record<string, unknown>[];
  fileLiquidazioni: Record<string, unknown>[];
  storia: { id: number; prima: string | null; dopo: string | null; [k: string]: unknown }[];
}

/** A kept text that may name the person: where it is (table, column, rowid) and what it says. */
export interface TestoPersona {
  tabella: 'storia' | 'erogazione_avviso' | 'output_servizio' | 'liquidazione' | 'contratto';
  colonna: 'prima' | 'dopo' | 'messaggio' | 'file' | 'cartella' | 'azienda';
  riga: number;
  valore: string;
}

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
  /** Everything held about a person (GDPR access): their row, measures, and every row of their doti. */
  personalData(destinatarioId: number): Promise<DatiPersona>;
  /** A person's doti with the dates that end them (and their liquidation request's), for the retention period. */
  finiDoti(destinatarioId: number): Promise<DoteFine[]>;
  /** Replaces CF, name and surname, clears birth data, contacts, addresses and the free texts of their records. */
  anonymise(destinatarioId: number, a: { cf: string; nome: string; cognome: string; oggi: string }): Promise<void>;
  /** The texts kept in their records that may still name them (history snapshots, warnings, file names…). */
  textsNaming(destinatarioId: number): Promise<TestoPersona[]>;
  /** Rewrites one of those texts. */
  setText(t: TestoPersona, valore: string): Promise<void>;
}
