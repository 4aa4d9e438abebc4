import type { Catalogues } from '../../bandi/load.js';
import type { DoteInfo } from '../../domain/dote-info.js';
import type { VocePip } from '../../domain/pip.js';
import type { ErogazioneAperta } from '../../domain/scadenze.js';
import { cachedStatement, type Db } from '../connection.js';
import { doteInfoFromRow } from '../dote-info.js';
import { findDote, type DoteRow } from '../repo/lookup.js';
import { COUNTED_STATES_SQL, OPEN_STATES_SQL } from '../states.js';
import type { DoteChanges, DoteFilter, DoteRepository, MinutiServizio, PipVersione } from '../dote-repository.js';

const LIST_BY_RICHIESTA = 'SELECT * FROM dote ORDER BY data_richiesta, id';
const LIST_BY_ID = 'SELECT * FROM dote ORDER BY id';
const LIST_OF_BANDO_BY_RICHIESTA = 'SELECT * FROM dote WHERE bando = @bando ORDER BY data_richiesta, id';
const LIST_OF_BANDO_BY_ID = 'SELECT * FROM dote WHERE bando = @bando ORDER BY id';
const OF_DESTINATARIO = 'SELECT * FROM dote WHERE destinatario_id = ? ORDER BY data_richiesta, id';
const IDS_WITH_PREFIX = "SELECT id FROM dote WHERE id LIKE @prefix || '%'";
const INSERT = `INSERT INTO dote (id, bando, tipo, destinatario_id, fascia, linea, azienda, stato, data_richiesta, data_notifica,
   data_ammissione, data_rifiuto, motivo_rifiuto, data_attivazione, data_invio_pip, data_validazione_pip,
   data_conclusione, data_fine, risultato_raggiunto, creata_il)
 VALUES (@id, @bando, @tipo, @destinatario_id, @fascia, @linea, @azienda, @stato, @data_richiesta, @data_notifica,
   @data_ammissione, @data_rifiuto, @motivo_rifiuto, @data_attivazione, @data_invio_pip, @data_validazione_pip,
   @data_conclusione, @data_fine, @risultato_raggiunto, @creata_il)`;
/** The columns `update` may set: the names become SQL, so only these. */
const CHANGEABLE: readonly (keyof DoteChanges)[] = [
  'stato',
  'data_ammissione',
  'data_rifiuto',
  'motivo_rifiuto',
  'data_invio_pip',
  'data_validazione_pip',
  'data_conclusione',
  'data_fine',
];
const LIQUIDAZIONE_DATE = 'SELECT data FROM liquidazione WHERE dote_id = ?';
const PIP_VERSIONS = 'SELECT id, versione, data, motivo, creata_il FROM pip_versione WHERE dote_id = ? ORDER BY versione';
const PIP_LINES = 'SELECT servizio, minuti_individuali AS minutiIndividuali, minuti_collettivi AS minutiCollettivi FROM pip_voce WHERE pip_versione_id = ? ORDER BY servizio';
const INSERT_PIP_VERSION = 'INSERT INTO pip_versione (dote_id, versione, data, motivo, creata_il) VALUES (@doteId, @versione, @data, @motivo, @creataIl)';
const INSERT_PIP_LINE =
  'INSERT INTO pip_voce (pip_versione_id, servizio, minuti_individuali, minuti_collettivi) VALUES (@versioneId, @servizio, @minutiIndividuali, @minutiCollettivi)';
const COMMITTED_MINUTES = `SELECT servizio, collettiva, sum(fine - inizio) AS minuti FROM erogazione
 WHERE dote_id = ? AND stato IN (${COUNTED_STATES_SQL}) GROUP BY servizio, collettiva`;
const MINUTES_BY_STATE = 'SELECT servizio, collettiva, stato, sum(fine - inizio) AS minuti FROM erogazione WHERE dote_id = ? GROUP BY servizio, collettiva, stato';
const OPEN_DELIVERIES = `SELECT id, data, servizio, stato FROM erogazione WHERE dote_id = ? AND stato IN (${OPEN_STATES_SQL}) ORDER BY data, inizio, id`;
const LAST_DELIVERED = "SELECT max(data) AS d FROM erogazione WHERE dote_id = ? AND stato = 'EROGATA'";

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

  async list(filter: DoteFilter = {}): Promise<DoteRow[]> {
    const byId = filter.order === 'id';
    if (filter.bando === undefined) return cachedStatement(this.db, byId ? LIST_BY_ID : LIST_BY_RICHIESTA).all() as DoteRow[];
    return cachedStatement(this.db, byId ? LIST_OF_BANDO_BY_ID : LIST_OF_BANDO_BY_RICHIESTA).all({ bando: filter.bando }) as DoteRow[];
  }

  async ofDestinatario(destinatarioId: number): Promise<DoteRow[]> {
    return cachedStatement(this.db, OF_DESTINATARIO).all(destinatarioId) as DoteRow[];
  }

  async idsWithPrefix(prefix: string): Promise<string[]> {
    return cachedStatement(this.db, IDS_WITH_PREFIX).pluck().all({ prefix }) as string[];
  }

  async insert(row: DoteRow): Promise<void> {
    cachedStatement(this.db, INSERT).run(row);
  }

  async update(id: string, changes: DoteChanges): Promise<void> {
    const cols = CHANGEABLE.filter((c) => changes[c] !== undefined);
    if (!cols.length) return;
    // One statement per set of columns, prepared once each (a handful: one per workflow step).
    const sql = `UPDATE dote SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;
    const params: Record<string, unknown> = { id };
    for (const c of cols) params[c] = changes[c];
    cachedStatement(this.db, sql).run(params);
  }

  async liquidazioneDate(doteId: string): Promise<string | null> {
    const r = cachedStatement(this.db, LIQUIDAZIONE_DATE).get(doteId) as { data: string } | undefined;
    return r?.data ?? null;
  }

  async pipVersions(doteId: string): Promise<PipVersione[]> {
    const versions = cachedStatement(this.db, PIP_VERSIONS).all(doteId) as Omit<PipVersione, 'voci'>[];
    const voci = cachedStatement(this.db, PIP_LINES);
    return versions.map((v) => ({ ...v, voci: voci.all(v.id) as VocePip[] }));
  }

  async insertPipVersion(v: { doteId: string; versione: number; data: string; motivo: string | null; creataIl: string; voci: readonly VocePip[] }): Promise<number> {
    const { lastInsertRowid } = cachedStatement(this.db, INSERT_PIP_VERSION).run({
      doteId: v.doteId,
      versione: v.versione,
      data: v.data,
      motivo: v.motivo,
      creataIl: v.creataIl,
    });
    const versioneId = Number(lastInsertRowid);
    const line = cachedStatement(this.db, INSERT_PIP_LINE);
    for (const x of v.voci) line.run({ versioneId, servizio: x.servizio, minutiIndividuali: x.minutiIndividuali, minutiCollettivi: x.minutiCollettivi });
    return versioneId;
  }

  async committedMinutes(doteId: string): Promise<MinutiServizio[]> {
    return cachedStatement(this.db, COMMITTED_MINUTES).all(doteId) as MinutiServizio[];
  }

  async minutesByState(doteId: string): Promise<(MinutiServizio & { stato: string })[]> {
    return cachedStatement(this.db, MINUTES_BY_STATE).all(doteId) as (MinutiServizio & { stato: string })[];
  }

  async openDeliveries(doteId: string): Promise<ErogazioneAperta[]> {
    return cachedStatement(this.db, OPEN_DELIVERIES).all(doteId) as ErogazioneAperta[];
  }

  async lastDeliveredDate(doteId: string): Promise<string | null> {
    return (cachedStatement(this.db, LAST_DELIVERED).get(doteId) as { d: string | null }).d;
  }
}
