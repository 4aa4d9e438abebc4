// Placeholder while the PostgreSQL repositories are written (issue 14, in progress): replaced
// wholesale by the real PgErogazioni.
import type { Pg } from './query.js';
import type { ErogazioneRepository } from '../erogazione-repository.js';

export const PgErogazioni = class {
  constructor(_pg: Pg) {
    throw new Error('PgErogazioni: non ancora implementato');
  }
} as unknown as new (pg: Pg) => ErogazioneRepository;
