import type { Catalogues } from '../../bandi/load.js';
import type { DoteInfo } from '../../domain/dote-info.js';
import { cachedStatement, type Db } from '../connection.js';
import { doteInfoFromRow } from '../dote-info.js';
import { findDote, type DoteRow } from '../repo/lookup.js';
import type { DoteRepository } from '../dote-repository.js';

export class SqliteDoti implements DoteRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<DoteRow | undefined> {
    return findDote(this.db, id);
  }

  async inLiquidazione(id: string): Promise<boolean> {
    return Boolean(cachedStatement(this.db, 'SELECT 1 FROM liquidazione WHERE dote_id = ?').get(id));
  }

  async info(cats: Catalogues, id: string): Promise<DoteInfo | undefined> {
    const row = findDote(this.db, id);
    return row ? doteInfoFromRow(this.db, cats, row) : undefined;
  }

  async ofDestinatario(destinatarioId: number): Promise<DoteRow[]> {
    return cachedStatement(this.db, 'SELECT * FROM dote WHERE destinatario_id = ? ORDER BY data_richiesta, id').all(destinatarioId) as DoteRow[];
  }
}
