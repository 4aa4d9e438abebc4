// Placeholder while the PostgreSQL repositories are written (issue 14, in progress): replaced
// wholesale by the real PgLiquidazioni.
import type { Pg } from './query.js';
import type { LiquidazioneRepository } from '../liquidazione-repository.js';

export const PgLiquidazioni = class {
  constructor(_pg: Pg) {
    throw new Error('PgLiquidazioni: non ancora implementato');
  }
} as unknown as new (pg: Pg) => LiquidazioneRepository;
