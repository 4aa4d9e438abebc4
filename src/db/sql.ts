/**
 * The one way the repositories (src/db/repositories/) speak to a database: statements prepared
 * once per connection by their text, run with positional (`?`) or named (`@name`) parameters, in
 * better-sqlite3's style. Two implementations: the SQLite file (src/db/sqlite/sql.ts, better-sqlite3
 * itself) and the PostgreSQL server (src/db/postgres/sql.ts, the `pg` driver behind a synchronous
 * bridge). So each repository, the rules' view of a dote and the batch checker's context are
 * written once, and both stores answer the same statements the same way (issue 14: the same
 * output on both).
 *
 * Synchronous on purpose: the batch checker asks per row, for millions of rows, and cannot pay a
 * Promise per answer; the repositories' methods still return Promises (store.ts), so a use case
 * never knows which store it talks to.
 *
 * The text is written once in the SQL both databases speak. Where they differ, a statement gives
 * one text per dialect ({ sqlite, postgres }): case-insensitive names (SQLite's COLLATE NOCASE,
 * PostgreSQL's lower()), SQLite's rowid and index hints. Everything else is kept portable by
 * habit: camelCase aliases in double quotes (PostgreSQL folds bare names to lower case), CAST(…
 * AS TEXT) where a parameter's type is not otherwise known, CASE instead of summing booleans,
 * ON CONFLICT instead of INSERT OR ….
 */

export type Dialect = 'sqlite' | 'postgres';

/** A statement's text: the same for both databases, or one per dialect. */
export type SqlText = string | { readonly sqlite: string; readonly postgres: string };

/** Positional values, or one object of named values (`@name` in the text). */
export type SqlParams = readonly unknown[];

export interface Statement {
  all<T = Record<string, unknown>>(...params: SqlParams): T[];
  get<T = Record<string, unknown>>(...params: SqlParams): T | undefined;
  run(...params: SqlParams): { changes: number };
  /** The first column of the first row; undefined when there is no row. */
  value<T = unknown>(...params: SqlParams): T | undefined;
  /** The first column of every row. */
  column<T = unknown>(...params: SqlParams): T[];
  /** Every row as an array of its columns, in the order of the SELECT. */
  rows(...params: SqlParams): unknown[][];
  /** Runs an INSERT into a table with an `id` column and returns the new row's id. */
  insert(...params: SqlParams): number;
  /**
   * Runs a statement whose answer nobody reads (a batch of an import's INSERTs), without
   * waiting for it where waiting costs: on the file as run(); on the server the statement goes
   * out and the program goes on while the server works. Its error, if any, is thrown by a later
   * call on the same connection (at the latest by COMMIT, which therefore never commits it).
   */
  send(...params: SqlParams): void;
}

export interface Sql {
  readonly dialect: Dialect;
  /** The statement of this text, prepared once per connection. */
  prepare(text: SqlText): Statement;
  /** Runs statements without parameters (transaction control, a migration). */
  exec(text: string): void;
}

/** The text of `q` for a dialect. */
export function textFor(q: SqlText, dialect: Dialect): string {
  return typeof q === 'string' ? q : q[dialect];
}

/** `column = ?` ignoring ASCII case, as SQLite's COLLATE NOCASE compares: the same on both databases. */
export function equalsNocase(column: string, param: string): SqlText {
  return { sqlite: `${column} = ${param} COLLATE NOCASE`, postgres: `lower(${column}) = lower(${param})` };
}

/** An ORDER BY term ignoring ASCII case (COLLATE NOCASE; on PostgreSQL lower() of the "C" collation). */
export function orderNocase(column: string): { sqlite: string; postgres: string } {
  return { sqlite: `${column} COLLATE NOCASE`, postgres: `lower(${column})` };
}

/**
 * Builds a per-dialect text from a template whose `${}` parts are dialect pairs or plain strings:
 * sql`SELECT * FROM sede WHERE ${equalsNocase('nome', '?')}`.
 */
export function sql(strings: TemplateStringsArray, ...parts: (SqlText | number)[]): SqlText {
  if (parts.every((p) => typeof p === 'string' || typeof p === 'number')) return String.raw(strings, ...parts);
  const build = (d: Dialect) => String.raw(strings, ...parts.map((p) => (typeof p === 'number' ? String(p) : textFor(p, d))));
  return { sqlite: build('sqlite'), postgres: build('postgres') };
}
