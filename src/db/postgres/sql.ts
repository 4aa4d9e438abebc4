/**
 * The PostgreSQL side of src/db/sql.ts: the repositories' statements on the server, through the
 * synchronous client (sync-client.ts). The text is the one the SQLite file runs (or its
 * `postgres` variant); here its `?` and `@name` parameters become `$1`, `$2`… (a name used twice
 * is one parameter), and each distinct text is a named prepared statement of the connection,
 * parsed and planned once.
 *
 * PostgreSQL has no rowid: the four tables whose rows have no integer key of their own (dote,
 * pip_voce, attivita, liquidazione_file) have a column named `rowid` (migrations/007-base.sql),
 * numbered as rows are written, so `ORDER BY rowid` means what it means on the file. As SQLite's
 * own, it is not part of `SELECT *`: the rows returned here leave it out.
 */
import { InternalError } from '../../errors.js';
import { textFor, type Sql, type SqlParams, type SqlText, type Statement } from '../sql.js';
import type { SyncPgClient } from './sync-client.js';

interface Translated {
  text: string;
  /** The parameters' names in $n order, or null: positional. */
  names: string[] | null;
}

/** `?` and `@name` to `$n`, leaving quoted strings and identifiers alone. */
export function translateParameters(sql: string): Translated {
  let out = '';
  let positional = 0;
  const names: string[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      if (end < 0) throw new InternalError(`SQL con virgolette non chiuse: ${sql}`);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === '?') {
      out += `$${++positional}`;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))!;
      let k = names.indexOf(m[0]);
      if (k < 0) k = names.push(m[0]) - 1;
      out += `$${k + 1}`;
      i += m[0].length;
    } else {
      out += c;
    }
  }
  if (positional && names.length) throw new InternalError(`SQL con parametri sia posizionali sia con nome: ${sql}`);
  return { text: out, names: names.length ? names : null };
}

/** A value as pg binds it: better-sqlite3's undefined-less world, where a missing value is an error. */
function bindValues(t: Translated, params: SqlParams, source: string): unknown[] {
  if (!t.names) return params.map((v) => (v === undefined ? null : v));
  const obj = params[0] as Record<string, unknown> | undefined;
  if (params.length !== 1 || obj === null || typeof obj !== 'object') throw new InternalError(`parametri con nome attesi: ${source}`);
  return t.names.map((n) => {
    if (!(n in obj)) throw new InternalError(`parametro @${n} mancante: ${source}`);
    const v = obj[n];
    return v === undefined ? null : v;
  });
}

function withoutRowid<T>(rows: unknown[]): T[] {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (first && Object.hasOwn(first, 'rowid')) for (const r of rows) delete (r as Record<string, unknown>).rowid;
  return rows as T[];
}

class PgStatement implements Statement {
  private readonly t: Translated;
  private returning: { text: string; name: string } | undefined;

  constructor(
    private readonly client: SyncPgClient,
    private readonly source: string,
    private readonly name: string,
  ) {
    this.t = translateParameters(source);
  }

  private query(params: SqlParams, rowMode?: 'array') {
    return this.client.query(this.t.text, bindValues(this.t, params, this.source), { name: this.name, rowMode });
  }

  all<T>(...params: SqlParams): T[] {
    return withoutRowid<T>(this.query(params).rows);
  }

  get<T>(...params: SqlParams): T | undefined {
    return withoutRowid<T>(this.query(params).rows)[0];
  }

  run(...params: SqlParams): { changes: number } {
    return { changes: this.query(params).rowCount };
  }

  value<T>(...params: SqlParams): T | undefined {
    return (this.query(params, 'array').rows[0] as unknown[] | undefined)?.[0] as T | undefined;
  }

  column<T>(...params: SqlParams): T[] {
    return (this.query(params, 'array').rows as unknown[][]).map((r) => r[0] as T);
  }

  rows(...params: SqlParams): unknown[][] {
    return this.query(params, 'array').rows as unknown[][];
  }

  insert(...params: SqlParams): number {
    this.returning ??= { text: `${this.t.text} RETURNING id`, name: `${this.name}r` };
    const r = this.client.query(this.returning.text, bindValues(this.t, params, this.source), { name: this.returning.name, rowMode: 'array' });
    return (r.rows[0] as unknown[])[0] as number;
  }

  send(...params: SqlParams): void {
    this.client.send(this.t.text, bindValues(this.t, params, this.source), { name: this.name });
  }
}

export class PgSql implements Sql {
  readonly dialect = 'postgres';
  private readonly statements = new Map<string, Statement>();

  constructor(readonly client: SyncPgClient) {}

  prepare(q: SqlText): Statement {
    const text = textFor(q, 'postgres');
    let s = this.statements.get(text);
    if (!s) {
      s = new PgStatement(this.client, text, `d${this.statements.size + 1}`);
      this.statements.set(text, s);
    }
    return s;
  }

  exec(text: string): void {
    this.client.exec(text);
  }
}
