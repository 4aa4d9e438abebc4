/**
 * Inserts rows many at a time with one statement: per row, a statement run costs more than the
 * row itself (about a fifth of the import time). Rows wait in one flat parameter array;
 * `flush` writes what is left. Callers flush before they query the table for a row that may be
 * waiting (`hasPending` says whether one is).
 *
 * On the file, a multi-row INSERT of 256 rows (`VALUES (…), (…)`), the rest one row at a time.
 * On the server, one parameter per column holding the values of up to 5.000 rows as an array,
 * spread back into rows by unnest(): a few parameters instead of thousands, so the server parses
 * and plans one short statement and the values cross the connection as one text each (a
 * multi-row VALUES of the same rows went 3 times slower). The array's text (`{"a","b",NULL}`)
 * is written here, not by the driver from an array of values: the driver would do it on the
 * connection's thread while the server waits, one value at a time with a regular expression
 * each, after copying the 65.000 values across threads. And each batch is sent without waiting
 * for its answer (Statement.send): the server writes one batch while this thread makes the next.
 */
import type { Sql, Statement } from '../sql.js';

const SIZE = 256;
const SIZE_SERVER = 5000;

export class BatchInsert {
  private readonly one: Statement | undefined;
  private readonly many: Statement;
  private readonly size: number;
  private readonly width: number;
  private readonly server: boolean;
  private readonly types: readonly ('text' | 'integer')[];
  private params: unknown[] = [];
  private rows = 0;

  /**
   * `values`: one row's values, `?` for each of the row's values (given to `addFrom`) and
   * constants for the rest; `types`: the server's type of each `?`, in order (text, integer).
   */
  constructor(db: Sql, head: string, values: string, types: readonly ('text' | 'integer')[]) {
    this.width = types.length;
    this.types = types;
    this.server = db.dialect === 'postgres';
    if (this.server) {
      let k = 0;
      const select = values.trim().replace(/^\(|\)$/g, '').replace(/\?/g, () => `c${++k}`);
      const arrays = types.map((t) => `CAST(? AS ${t}[])`).join(', ');
      this.many = db.prepare(`${head} SELECT ${select} FROM unnest(${arrays}) AS t(${types.map((_t, i) => `c${i + 1}`).join(', ')})`);
      this.size = SIZE_SERVER;
    } else {
      this.one = db.prepare(`${head} VALUES ${values}`);
      this.many = db.prepare(`${head} VALUES ${Array(SIZE).fill(values).join(', ')}`);
      this.size = SIZE;
    }
  }

  /** Adds the row made of the `width` values of `values` from `offset`. */
  addFrom(values: readonly unknown[], offset: number): void {
    for (let i = 0; i < this.width; i++) this.params.push(values[offset + i]);
    if (++this.rows === this.size) this.write();
  }

  private write(): void {
    if (this.server) {
      // One array per column, as the text of a PostgreSQL array.
      const w = this.width;
      const columns = this.types.map((t, i) => arrayLiteral(this.params, i, w, this.rows, t === 'text'));
      this.many.send(...columns);
    } else {
      // Spread, not the array: better-sqlite3 reads call arguments directly, while each element
      // of an array argument costs a generic property lookup (a tenth of the insert time here).
      this.many.run(...this.params);
    }
    this.params.length = 0;
    this.rows = 0;
  }

  /** Whether a row waiting to be written satisfies `match` (given the values and the row's offset). */
  hasPending(match: (values: readonly unknown[], offset: number) => boolean): boolean {
    for (let r = 0; r < this.rows; r++) if (match(this.params, r * this.width)) return true;
    return false;
  }

  flush(): void {
    if (this.server) {
      if (this.rows) this.write();
      return;
    }
    for (let r = 0; r < this.rows; r++) this.one!.run(...this.params.slice(r * this.width, (r + 1) * this.width));
    this.params.length = 0;
    this.rows = 0;
  }
}

const QUOTED = /["\\]/g;

/**
 * The values `params[offset]`, `params[offset + step]`… (`count` of them) as the text of a
 * PostgreSQL array: `{1,2,NULL}`, or with `quote` `{"a","b \"c\"",NULL}` (every element in
 * double quotes, `"` and `\` escaped with a backslash: the array's own syntax, whatever the text
 * holds: commas, braces, spaces, the word NULL).
 */
export function arrayLiteral(params: readonly unknown[], offset: number, step: number, count: number, quote: boolean): string {
  // Joined once at the end: adding to one string 5.000 times made twice the work (and garbage).
  const parts = new Array<string>(count);
  for (let r = 0; r < count; r++) {
    const v = params[offset + r * step];
    if (v === null || v === undefined) parts[r] = 'NULL';
    else if (!quote) parts[r] = String(v);
    else {
      const t = String(v);
      parts[r] = `"${t.includes('"') || t.includes('\\') ? t.replace(QUOTED, '\\$&') : t}"`;
    }
  }
  return `{${parts.join(',')}}`;
}
