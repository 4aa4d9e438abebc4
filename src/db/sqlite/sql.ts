/**
 * The SQLite side of src/db/sql.ts: better-sqlite3's own statements, prepared once per
 * connection and text. A statement answers as objects, as arrays (`rows`) or by its first column
 * (`value`, `column`); better-sqlite3 keeps that mode on the statement, so each mode has its own.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../connection.js';
import { textFor, type Sql, type SqlParams, type SqlText, type Statement } from '../sql.js';

class SqliteStatement implements Statement {
  private plucked: BetterSqlite3.Statement | undefined;
  private raw: BetterSqlite3.Statement | undefined;

  constructor(
    private readonly db: Db,
    private readonly text: string,
    private readonly plain: BetterSqlite3.Statement = db.prepare(text),
  ) {}

  all<T>(...params: SqlParams): T[] {
    return this.plain.all(...params) as T[];
  }

  get<T>(...params: SqlParams): T | undefined {
    return this.plain.get(...params) as T | undefined;
  }

  run(...params: SqlParams): { changes: number } {
    return { changes: this.plain.run(...params).changes };
  }

  value<T>(...params: SqlParams): T | undefined {
    this.plucked ??= this.db.prepare(this.text).pluck();
    return this.plucked.get(...params) as T | undefined;
  }

  column<T>(...params: SqlParams): T[] {
    this.plucked ??= this.db.prepare(this.text).pluck();
    return this.plucked.all(...params) as T[];
  }

  rows(...params: SqlParams): unknown[][] {
    this.raw ??= this.db.prepare(this.text).raw();
    return this.raw.all(...params) as unknown[][];
  }

  insert(...params: SqlParams): number {
    return Number(this.plain.run(...params).lastInsertRowid);
  }

  send(...params: SqlParams): void {
    this.plain.run(...params);
  }
}

export class SqliteSql implements Sql {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  prepare(q: SqlText): Statement {
    const text = textFor(q, 'sqlite');
    let s = this.statements.get(text);
    if (!s) {
      s = new SqliteStatement(this.db, text);
      this.statements.set(text, s);
    }
    return s;
  }

  exec(text: string): void {
    this.db.exec(text);
  }
}

/** The runner of a connection, one per connection (its statements are kept with it). */
const runners = new WeakMap<Db, SqliteSql>();

export function sqliteSql(db: Db): SqliteSql {
  let r = runners.get(db);
  if (!r) runners.set(db, (r = new SqliteSql(db)));
  return r;
}
