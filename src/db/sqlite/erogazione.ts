import type { StatoAttivita } from '../../domain/erogazione-state.js';
import { cachedStatement, type Db } from '../connection.js';
import type { ErogazioneRepository } from '../erogazione-repository.js';
import { OPEN_STATES_SQL } from '../states.js';

export class SqliteErogazioni implements ErogazioneRepository {
  constructor(private readonly db: Db) {}

  async attivitaStato(doteId: string, servizio: string): Promise<StatoAttivita | undefined> {
    const a = cachedStatement(this.db, 'SELECT stato FROM attivita WHERE dote_id = ? AND servizio = ?').get(doteId, servizio) as { stato: StatoAttivita } | undefined;
    return a?.stato;
  }

  async attivitaOf(doteId: string): Promise<{ servizio: string; minuti: number; stato: StatoAttivita }[]> {
    return cachedStatement(this.db, 'SELECT servizio, minuti, stato FROM attivita WHERE dote_id = ? ORDER BY rowid').all(doteId) as { servizio: string; minuti: number; stato: StatoAttivita }[];
  }

  async insertAttivita(a: { doteId: string; servizio: string; minuti: number; stato: StatoAttivita }): Promise<void> {
    cachedStatement(this.db, 'INSERT INTO attivita (dote_id, servizio, minuti, stato) VALUES (@doteId, @servizio, @minuti, @stato)').run(a);
  }

  async concludeAttivita(a: { doteId: string; servizio: string; stato: StatoAttivita; data: string }): Promise<void> {
    cachedStatement(this.db, 'UPDATE attivita SET stato = @stato, data_conclusione = @data WHERE dote_id = @doteId AND servizio = @servizio').run(a);
  }

  async countByState(doteId: string, servizio: string, stato: string): Promise<number> {
    return (cachedStatement(this.db, 'SELECT count(*) AS n FROM erogazione WHERE dote_id = @doteId AND servizio = @servizio AND stato = @stato').get({ doteId, servizio, stato }) as { n: number }).n;
  }

  async openDeliveriesOfService(doteId: string, servizio: string): Promise<{ id: number; data: string; stato: string }[]> {
    return cachedStatement(
      this.db,
      `SELECT id, data, stato FROM erogazione WHERE dote_id = @doteId AND servizio = @servizio AND stato IN (${OPEN_STATES_SQL}) ORDER BY data, inizio, id`,
    ).all({ doteId, servizio }) as { id: number; data: string; stato: string }[];
  }
}
