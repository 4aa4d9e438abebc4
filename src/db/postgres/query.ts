/**
 * The PostgreSQL repositories' way to run SQL: one client (the command's connection, inside the
 * store's transaction), positional parameters ($1, $2…), rows as plain objects whose integers
 * are numbers (connection.ts sets the parsers). Statements a command may run many times are
 * named, so the server parses and plans them once per connection.
 */
import { createHash } from 'node:crypto';
import type { QueryResultRow } from 'pg';
import type { PgClient } from './connection.js';

const names = new Map<string, string>();

function nameOf(sql: string): string {
  let n = names.get(sql);
  if (!n) {
    n = `dote_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    names.set(sql, n);
  }
  return n;
}

export class Pg {
  constructor(readonly client: PgClient) {}

  /** Every row. */
  async all<T extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.client.query<T>({ name: nameOf(sql), text: sql, values: params as unknown[] })).rows;
  }

  /** The first row, or undefined. */
  async get<T extends QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** The first column of the first row, or undefined. */
  async value<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    const r = await this.client.query({ name: nameOf(sql), text: sql, values: params as unknown[], rowMode: 'array' });
    return (r.rows[0] as unknown[] | undefined)?.[0] as T | undefined;
  }

  /** The first column of every row. */
  async column<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const r = await this.client.query({ name: nameOf(sql), text: sql, values: params as unknown[], rowMode: 'array' });
    return (r.rows as unknown[][]).map((row) => row[0] as T);
  }

  /** Runs a statement; the rows it changed. */
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.client.query({ name: nameOf(sql), text: sql, values: params as unknown[] })).rowCount ?? 0;
  }

  /** Runs an INSERT … RETURNING id; the new row's id. */
  async insert(sql: string, params: readonly unknown[] = []): Promise<number> {
    const id = await this.value<number>(sql, params);
    if (id === undefined) throw new Error(`INSERT senza RETURNING id: ${sql}`);
    return id;
  }
}
