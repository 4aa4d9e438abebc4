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
 * multi-row VALUES of the same rows went 3 times slower).
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
  private params: unknown[] = [];
  private rows = 0;

  /**
   * `values`: one row's values, `?` for each of the row's values (given to `addFrom`) and
   * constants for the rest; `types`: the server's type of each `?`, in order (text, integer).
   */
  constructor(db: Sql, head: string, values: string, types: readonly ('text' | 'integer')[]) {
    this.width = types.length;
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
      // One array per column.
      const w = this.width;
      const columns = Array.from({ length: w }, (_c, i) => {
        const col = new Array<unknown>(this.rows);
        for (let r = 0; r < this.rows; r++) col[r] = this.params[r * w + i];
        return col;
      });
      this.many.run(...columns);
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
