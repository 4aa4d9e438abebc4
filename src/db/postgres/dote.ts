// Placeholder while the PostgreSQL repositories are written (issue 14, in progress): replaced
// wholesale by the real PgDoti.
import type { Pg } from './query.js';
import type { DoteRepository } from '../dote-repository.js';

export const PgDoti = class {
  constructor(_pg: Pg) {
    throw new Error('PgDoti: non ancora implementato');
  }
} as unknown as new (pg: Pg) => DoteRepository;
