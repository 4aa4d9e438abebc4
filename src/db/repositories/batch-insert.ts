/**
 * Inserts rows 256 at a time with one multi-row INSERT: per row, a statement run costs more than
 * the row itself (about a fifth of the import time). Rows wait in one flat parameter array;
 * `flush` writes what is left one row at a time. Callers flush before they query the table for a
 * row that may be waiting (`hasPending` says whether one is). The same on both stores: on
 * PostgreSQL 256 rows are 3.328 parameters of one statement (its limit is 65.535).
 */
import type { Sql, Statement } from '../sql.js';

const SIZE = 256;

export class BatchInsert {
  private readonly one: Statement;
  private readonly many: Statement;
  private params: unknown[] = [];
  private rows = 0;

  constructor(db: Sql, head: string, values: string, private readonly width: number) {
    this.one = db.prepare(`${head} VALUES ${values}`);
    this.many = db.prepare(`${head} VALUES ${Array(SIZE).fill(values).join(', ')}`);
  }

  /** Adds the row made of the `width` values of `values` from `offset`. */
  addFrom(values: readonly unknown[], offset: number): void {
    for (let i = 0; i < this.width; i++) this.params.push(values[offset + i]);
    if (++this.rows === SIZE) {
      // Spread, not the array: better-sqlite3 reads call arguments directly, while each element
      // of an array argument costs a generic property lookup (a tenth of the insert time here).
      this.many.run(...this.params);
      this.params.length = 0;
      this.rows = 0;
    }
  }

  /** Whether a row waiting to be written satisfies `match` (given the values and the row's offset). */
  hasPending(match: (values: readonly unknown[], offset: number) => boolean): boolean {
    for (let r = 0; r < this.rows; r++) if (match(this.params, r * this.width)) return true;
    return false;
  }

  flush(): void {
    for (let r = 0; r < this.rows; r++) this.one.run(...this.params.slice(r * this.width, (r + 1) * this.width));
    this.params.length = 0;
    this.rows = 0;
  }
}
