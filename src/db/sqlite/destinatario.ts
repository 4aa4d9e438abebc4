import { cachedStatement, type Db } from '../connection.js';
import { findDestinatario, type DestinatarioRow } from '../repo/lookup.js';
import type { DestinatarioRepository } from '../destinatario-repository.js';
import type { MisuraEsterna } from '../../rules/dote-one-active.js';

export class SqliteDestinatari implements DestinatarioRepository {
  constructor(private readonly db: Db) {}

  async find(cf: string): Promise<DestinatarioRow | undefined> {
    return findDestinatario(this.db, cf);
  }

  async findById(id: number): Promise<DestinatarioRow | undefined> {
    return cachedStatement(this.db, 'SELECT * FROM destinatario WHERE id = ?').get(id) as DestinatarioRow | undefined;
  }

  async misureEsterne(destinatarioId: number): Promise<MisuraEsterna[]> {
    return cachedStatement(this.db, 'SELECT tipo, dal, al, operatore, azienda, servizi FROM misura_esterna WHERE destinatario_id = ? ORDER BY dal').all(destinatarioId) as MisuraEsterna[];
  }
}
