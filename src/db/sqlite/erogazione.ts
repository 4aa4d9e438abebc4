import type { StatoAttivita } from '../../domain/erogazione-state.js';
import { cachedStatement, type Db } from '../connection.js';
import type { ErogazioneRepository } from '../erogazione-repository.js';

export class SqliteErogazioni implements ErogazioneRepository {
  constructor(private readonly db: Db) {}

  async attivitaStato(doteId: string, servizio: string): Promise<StatoAttivita | undefined> {
    const a = cachedStatement(this.db, 'SELECT stato FROM attivita WHERE dote_id = ? AND servizio = ?').get(doteId, servizio) as { stato: StatoAttivita } | undefined;
    return a?.stato;
  }
}
