/**
 * The shape every rule module shares (README "Architettura": one rule per file with its metadata and a
 * check that reports findings). One implementation serves both the CSV checker (`dote verifica`,
 * `dote importa`) and delivery entry (`dote erogazione aggiungi|modifica|programma…`).
 */
import type { Bando, RegolaSetting, Modalita } from '../bandi/schema.js';
import type { DoteInfo } from '../domain/dote-info.js';

export type { DoteInfo };

export type Severity = 'error' | 'warning';

/**
 * A rule's messages, by id: each writes the Italian text of a finding from the finding's data
 * (eslint's `meta.messages` with `messageId` and `data`). Text is made only here, so a script
 * reading `--json` and a person reading the terminal get the same words.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Messages = Readonly<Record<string, (data: any) => string>>;

/**
 * What every rule module is (README "Architettura"): its id and its messages. What its check looks at
 * varies (a CSV's bytes, a field's text, a stream of deliveries, a person's doti, a PIP), but
 * every check takes plain values and says its findings as a message id with data.
 */
export interface RuleMeta<M extends Messages = Messages> {
  readonly id: string;
  readonly messages: M;
}

/** A finding as a check says it: one of its rule's message ids, with the data that message needs. */
export type Said<M extends Messages> = {
  [K in keyof M & string]: { messageId: K; data: Parameters<M[K]>[0] };
}[keyof M & string];

/** Whether a parser's result is a problem it said (a message id with data) rather than a value. */
export function isSaid(v: unknown): v is { messageId: string; data: object } {
  return typeof v === 'object' && v !== null && 'messageId' in v;
}

/** Turns what a check said into a finding: the message written from its data. */
export function finding<M extends Messages>(rule: RuleMeta<M>, severity: Severity, said: Said<M>, where: { column?: string } = {}): Finding {
  const f: Finding = { rule: rule.id, severity, messageId: said.messageId, data: said.data as object, message: rule.messages[said.messageId]!(said.data) };
  if (where.column !== undefined) f.column = where.column;
  return f;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** The rule's message id and its data (RuleMeta.messages); `message` is that message written. */
  messageId: string;
  data: object;
  message: string;
  /** CSV source: file name as given and 1-based line where the record starts (header = 1). */
  file?: string;
  line?: number;
  column?: string;
  /** Delivery entry: the erogazione the finding is about, when it exists already. */
  erogazioneId?: number;
}

/** A delivery as the rules see it: a CSV row (calendar or timesheet) or an erogazione. */
export interface DeliveryRow {
  kind: 'calendario' | 'timesheet' | 'erogazione';
  file: string;
  line: number;
  erogazioneId?: number;
  doteId: string;
  servizio: string;
  /** ISO date and its day number (days since 1970-01-01). */
  data: string;
  day: number;
  /** Minutes since midnight; `minuti` = fine - inizio. */
  inizio: number;
  fine: number;
  minuti: number;
  /** The professional as a stable key: the registry code when known, else the text normalised. */
  professionista: string;
  cf: string | null;
  modalita: Modalita;
  collettiva: boolean;
  sede: string | null;
  /** When the delivery was recorded (ISO), for calendar/late-entry; null when unknown. */
  registrataIl: string | null;
  /** CSV rows: `registrata_il` was given but is not a date (field/date reports it). */
  registrataNonValida?: boolean;
  /**
   * CSV checker with a database: minutes of this very row that the database already holds (the
   * row was imported before, with these or other hours), so that totals that start from the
   * database's hours (RuleEnv.giaRegistrate) do not count them twice.
   */
  giaNelDatabase?: number;
  /** The state of that delivery in the database (calendar rows), e.g. EROGATA or INSERITA. */
  statoNelDatabase?: string;
  /**
   * Delivery entry: the state the delivery has once the operation is done (INSERITA when added
   * or modified, PROGRAMMATA when programmed…): a draft over its hours is only a warning.
   */
  stato?: string;
  /** Context given by the CSV itself when there is no database (docs/comandi.md: fascia, tipo_dote). */
  fascia?: number | null;
  tipoDote?: string | null;
}

/** Everything a rule may ask of its surroundings. Built by the CSV checker or by delivery entry. */
export interface RuleEnv<M extends Messages = Messages> extends SharedEnv {
  /** Report a finding about `row` (line and file are taken from it), as a message id with data. */
  report(row: DeliveryRow, f: Said<M> & { severity: Severity; column?: string }): void;
}

/** The surroundings shared by every delivery rule of one run; RuleEnv adds a rule's own `report`. */
export interface SharedEnv {
  /** Today (--oggi), ISO. */
  oggi: string;
  /** The bando a row belongs to (by its dote, --bando, or its service code); undefined if unknown. */
  bandoOf(row: DeliveryRow): Bando | undefined;
  /** The rule's setting in a bando, or null when the bando turns it off. */
  setting(bando: Bando, ruleId: string): RegolaSetting | null;
  /** The dote as the database knows it; undefined without a database or for an unknown dote. */
  dote(id: string): DoteInfo | undefined;
  /** Whether a database gives context (otherwise context rules are skipped, with a reason). */
  hasDatabase: boolean;
  /**
   * CSV checker with a database: minutes the database already holds for a dote's service,
   * individual or group: deliveries PROGRAMMATA, AVVIATA or EROGATA for calendar rows, imported
   * timesheet rows for timesheet rows. Absent for delivery entry, which passes the dote's
   * deliveries as rows.
   */
  giaRegistrate?(doteId: string, kind: 'calendario' | 'timesheet', servizio: string, collettiva: boolean): number;
  /**
   * CSV checker with a database: a person's (codice fiscale) minutes the database holds between
   * two days (day numbers, inclusive): live deliveries (any state but ANNULLATA and CHIUSA
   * NEGATIVAMENTE) for calendar rows, imported timesheet rows for timesheet rows.
   */
  minutiPersona?(cf: string, kind: 'calendario' | 'timesheet', fromDay: number, toDay: number): number;
  /**
   * A professional's live deliveries already in the database on a day (batch checks with a
   * database: timesheet/overlap compares the file's rows with them). `professionista` is the
   * row's key (the registry code). Absent at delivery entry, which loads them itself.
   */
  erogazioniDelGiorno?(professionista: string, day: number): readonly StoredInterval[];
  /**
   * A professional's timesheet rows already imported on a day (batch checks with a database:
   * timesheet/overlap compares a timesheet's rows with them), and where one came from (`file:riga`).
   */
  timesheetDelGiorno?(professionista: string, day: number): readonly StoredInterval[];
  rigaTimesheet?(id: number): string;
  /** Patron day (MM-DD) of a sede by name, if known. */
  patronoOf(sede: string | null, row: DeliveryRow): string | null;
  /** Record a finding made by a rule (RuleEnv.report writes its message first). */
  emit(row: DeliveryRow, f: Finding): void;
  /** Note that a rule could not run for lack of context (shown once per rule and reason). */
  skip(ruleId: string, reason: string): void;
}

export interface RuleCheck {
  /** Called for every delivery, in stream order (file by file, line by line). */
  row?(row: DeliveryRow): void;
  /** Called once after the last row: aggregate rules report here. */
  end?(): void;
}

/** A delivery rule: its check is created once per run and sees every delivery in stream order. */
export interface Rule<M extends Messages = Messages> extends RuleMeta<M> {
  create(env: RuleEnv<M>): RuleCheck;
}

/** A delivery (or an imported timesheet row) already in the database, as timesheet/overlap needs it. */
export interface StoredInterval {
  id: number;
  doteId: string;
  servizio: string;
  inizio: number;
  fine: number;
  collettiva: boolean;
}

/** A finding about a PIP being set or varied (`pip imposta|varia`): the plan is refused with it. */
export type PlanFinding = Finding;
