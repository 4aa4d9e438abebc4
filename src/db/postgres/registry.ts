// Placeholder while the PostgreSQL repositories are written (issue 14, in progress): replaced
// wholesale by the real PgRegistry.
import type { Pg } from './query.js';
import type { RegistryRepository } from '../registry-repository.js';

export const PgRegistry = class {
  constructor(_pg: Pg) {
    throw new Error('PgRegistry: non ancora implementato');
  }
} as unknown as new (pg: Pg) => RegistryRepository;
