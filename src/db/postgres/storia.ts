// Placeholder while the PostgreSQL repositories are written (issue 14, in progress): replaced
// wholesale by the real PgStoria.
import type { Pg } from './query.js';
import type { StoriaRepository } from '../storia-repository.js';

export const PgStoria = class {
  constructor(_pg: Pg) {
    throw new Error('PgStoria: non ancora implementato');
  }
} as unknown as new (pg: Pg) => StoriaRepository;
