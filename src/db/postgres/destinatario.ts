// Placeholder while the PostgreSQL repositories are written (issue 14, in progress): replaced
// wholesale by the real PgDestinatari.
import type { Pg } from './query.js';
import type { DestinatarioRepository } from '../destinatario-repository.js';

export const PgDestinatari = class {
  constructor(_pg: Pg) {
    throw new Error('PgDestinatari: non ancora implementato');
  }
} as unknown as new (pg: Pg) => DestinatarioRepository;
