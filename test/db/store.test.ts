/**
 * The SQLite store's transactions, on a real file: a write commits all of its work or, when it
 * throws, none of it; a write inside a write joins it; writes of one process run one after the
 * other; a write holds the write lock from its start, so another connection cannot write meanwhile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { withDb } from '../helpers.js';
import { openSqliteStore } from '../../src/db/sqlite/store.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function fresh() {
  const d = withDb();
  cleanups.push(d.cleanup);
  const r = d.run(['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona']);
  if (r.status !== 0) throw new Error(r.stderr);
  return d;
}

const sedi = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT nome FROM sede ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
};

describe('SqliteStore', () => {
  it('commits a write, rolls a failed one back entirely', async () => {
    const d = fresh();
    const store = openSqliteStore(d.db);
    await store.write(async () => {
      store.db.prepare("INSERT INTO sede (nome, comune) VALUES ('Crema', 'Crema')").run();
    });
    await expect(
      store.write(async () => {
        store.db.prepare("INSERT INTO sede (nome, comune) VALUES ('Lodi', 'Lodi')").run();
        await Promise.resolve();
        throw new Error('rifiutata');
      }),
    ).rejects.toThrow('rifiutata');
    await store.close();
    expect(sedi(d.db)).toEqual(['Cremona', 'Crema']);
  });

  it('joins a write inside a write, and serialises writes of the same process', async () => {
    const d = fresh();
    const store = openSqliteStore(d.db);
    const order: string[] = [];
    const a = store.write(async (r) => {
      order.push('a:inizio');
      await store.write(async () => {
        store.db.prepare("INSERT INTO sede (nome, comune) VALUES ('A', 'A')").run();
      });
      expect(await r.registry.findSede('a')).toMatchObject({ nome: 'A' });
      await new Promise((res) => setTimeout(res, 20));
      order.push('a:fine');
    });
    const b = store.write(async (r) => {
      order.push('b:inizio');
      expect(await r.registry.findSede('A')).toMatchObject({ nome: 'A' });
      order.push('b:fine');
    });
    await Promise.all([a, b]);
    await store.close();
    expect(order).toEqual(['a:inizio', 'a:fine', 'b:inizio', 'b:fine']);
  });

  it('holds the write lock from the start of a write', async () => {
    const d = fresh();
    const store = openSqliteStore(d.db);
    const other = new Database(d.db, { timeout: 50 });
    try {
      await store.write(async () => {
        expect(() => other.prepare("INSERT INTO sede (nome, comune) VALUES ('X', 'X')").run()).toThrow(/locked|busy/i);
      });
      other.prepare("INSERT INTO sede (nome, comune) VALUES ('X', 'X')").run();
    } finally {
      other.close();
      await store.close();
    }
    expect(sedi(d.db)).toEqual(['Cremona', 'X']);
  });
});
