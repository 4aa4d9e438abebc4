/**
 * The repositories of store.ts, written once over a statement runner (sql.ts): the same code
 * answers on the SQLite file and on the PostgreSQL server.
 */
import type { Repositories } from '../store.js';
import type { Sql } from '../sql.js';
import { SqlRegistry } from './registry.js';
import { SqlDestinatari } from './destinatario.js';
import { SqlDoti } from './dote.js';
import { SqlErogazioni } from './erogazione.js';
import { SqlStoria } from './storia.js';
import { SqlLiquidazioni } from './liquidazione.js';

export function repositoriesOver(sql: Sql): Repositories {
  return {
    registry: new SqlRegistry(sql),
    destinatari: new SqlDestinatari(sql),
    doti: new SqlDoti(sql),
    erogazioni: new SqlErogazioni(sql),
    storia: new SqlStoria(sql),
    liquidazioni: new SqlLiquidazioni(sql),
  };
}
