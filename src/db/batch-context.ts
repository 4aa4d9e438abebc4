/**
 * The bulk paths' own way to the data (issue 9, "The store": the bulk import keeps its fast path
 * behind its own interface). `BatchContext` is what the batch checker (`verifica`, `importa`) and
 * the import's recorder learn from the database: the doti it knows (DoteInfo for the rules), the
 * professionals resolved by code or name, the sedi and their patron days, the hours already
 * recorded, and the deliveries and timesheet rows already there (importa's "already present" and
 * its refusals).
 *
 * Synchronous on purpose, unlike the repositories of store.ts: the checker asks it per row, for
 * millions of rows, and cannot pay a Promise (a microtask and an allocation) per answer. The
 * implementation (src/db/repositories/batch-context.ts, over either store's runner) caches per
 * distinct text and per (professional, day), and for a big batch reads the doti, their hours and
 * the people's hours up front, so a million rows cost a few thousand queries: on the server each
 * is a round trip through its synchronous client (postgres/sync-client.ts).
 *
 * The import's writes go through the writer thread (src/import/import-writer*.ts), whose
 * statements are in src/db/repositories/import-statements.ts.
 */
import type { Catalogues } from '../bandi/load.js';
import type { DoteInfo, StoredInterval } from '../rules/types.js';
import { openSqliteBatchDatabase } from './sqlite/batch-database.js';
import { isServerUrl } from './location.js';
import { openPgBatchDatabase } from './postgres/store.js';

export interface ProfessionistaRef {
  id: number;
  codice: string;
  nome: string;
}

export interface SedeRef {
  id: number;
  nome: string;
  patrono: string | null;
}

/** Where a recorded row came from: the imported file and its line (null for a row entered by hand). */
export interface RowSource {
  file: string | null;
  riga: number | null;
}

/** A recorded delivery as importa compares it with a calendar row of the same key. */
export interface StoredErogazione {
  id: number;
  fine: number;
  sede_id: number | null;
  modalita: string;
  collettiva: number;
  descrizione: string | null;
}

/** An imported timesheet row as importa compares it with a row of the same key. */
export interface StoredTimesheet {
  id: number;
  fine: number;
  collettiva: number;
  descrizione: string | null;
}

/** A live delivery as importa compares it, with what its refusals need. */
export interface ExistingErogazione extends StoredErogazione {
  stato: string;
  liquidazione_id: number | null;
  registrata_il: string;
}

export type ExistingTimesheetRiga = StoredTimesheet;

export interface BatchContext {
  /** The rules' view of a dote, or undefined: no such dote. A property, so it can be handed on unbound. */
  readonly dote: (id: string) => DoteInfo | undefined;
  /** A professional by registry code or name, or undefined: unknown. */
  professionista(text: string): ProfessionistaRef | undefined;
  /** A sede by name (case-insensitive), or undefined: unknown. */
  sede(nome: string): SedeRef | undefined;
  /**
   * Minutes the database holds for a dote's service, individual or group: deliveries that count
   * against the caps (PROGRAMMATA, AVVIATA, EROGATA) for calendars, imported rows for timesheets.
   */
  giaRegistrate(doteId: string, kind: 'calendario' | 'timesheet', servizio: string, collettiva: boolean): number;
  /** The state of a Job Coach activity (PROPOSTA, INIZIATA, TERMINATA), or undefined: no such activity. */
  attivitaStato(doteId: string, servizio: string): string | undefined;
  /** A person's minutes in the database between two days (RuleEnv.minutiPersona). */
  minutiPersona(cf: string, kind: 'calendario' | 'timesheet', fromDay: number, toDay: number): number;
  /** A professional's live deliveries on a day (professional by registry code), for the overlap check. */
  erogazioniDelGiorno(professionista: string, day: number): readonly StoredInterval[];
  /** The same for the timesheet rows already imported, for the overlap check of a new timesheet. */
  timesheetDelGiorno(professionista: string, day: number): readonly StoredInterval[];
  /** Whether the professional has live deliveries in the database. */
  hasErogazioni(professionistaId: number): boolean;
  /** Whether the professional has imported timesheet rows in the database. */
  hasTimesheet(professionistaId: number): boolean;
  /** Where an imported timesheet row came from: `file:riga`. */
  rigaTimesheet(id: number): string;
  /** A sede's name by id (null: none), for what importa lists. */
  sedeNome(id: number | null): string | null;
  /** The file and line a recorded row was read from (null: not imported), for an update's history. */
  sourceOf(table: 'erogazione' | 'timesheet', id: number): RowSource;
  /** Whether the dote is in a liquidation request (its services' records can no longer change). */
  inLiquidazione(doteId: string): boolean;
  /** The live delivery with this key (dote, service, date, start, professional), if any: the first recorded. */
  existingErogazione(professionistaId: number, data: string, doteId: string, servizio: string, inizio: number): ExistingErogazione | undefined;
  /** The imported timesheet row with this key (professional, dote, service, date, start), if any. */
  existingTimesheet(professionistaId: number, doteId: string, servizio: string, data: string, inizio: number): ExistingTimesheetRiga | undefined;
  /** Runs `work` in one read transaction: one consistent view of the data for the whole batch. */
  readTransaction<T>(work: () => T): T;
}

export interface BatchContextOptions {
  /**
   * About how many rows the batch holds. When they outnumber the doti of the register, every
   * dote is read up front instead of a few queries per dote.
   */
  expectedRows?: number;
}

/** The database a batch command works on, opened (and migrated) before anything is read. */
export interface BatchDatabase {
  /** The checker's context; it starts reading now (the doti up front for a large batch). */
  context(cats: Catalogues, opts?: BatchContextOptions): BatchContext;
  close(): void;
}

/**
 * Opens the database at `path` for a batch command: the SQLite file (the embedded default), or
 * the PostgreSQL server of a `postgres://` URL. Synchronous like the checker: the server's side
 * answers through its blocking client.
 */
export function openBatchDatabase(path: string, opts: { readonly?: boolean } = {}): BatchDatabase {
  return isServerUrl(path) ? openPgBatchDatabase(path) : openSqliteBatchDatabase(path, opts);
}
