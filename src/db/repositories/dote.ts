import type { Catalogues } from '../../bandi/load.js';
import type { DoteInfo } from '../../domain/dote-info.js';
import type { VocePip } from '../../domain/pip.js';
import type { ErogazioneAperta } from '../../domain/scadenze.js';
import type { Sql } from '../sql.js';
import { doteInfoFromRow } from '../dote-info.js';
import { findDote, type DoteRow } from '../repo/lookup.js';
import { COUNTED_STATES_SQL, OPEN_STATES_SQL } from '../states.js';
import type { DoteChanges, DoteFilter, DoteRepository, MinutiServizio, PipVersione } from '../dote-repository.js';

const LIST_BY_RICHIESTA = 'SELECT * FROM dote ORDER BY data_richiesta, id';
const LIST_BY_ID = 'SELECT * FROM dote ORDER BY id';
const LIST_OF_BANDO_BY_RICHIESTA = 'SELECT * FROM dote WHERE bando = @bando ORDER BY data_richiesta, id';
const LIST_OF_BANDO_BY_ID = 'SELECT * FROM dote WHERE bando = @bando ORDER BY id';
const OF_DESTINATARIO = 'SELECT * FROM dote WHERE destinatario_id = ? ORDER BY data_richiesta, id';
// substr, not LIKE: LIKE ignores case on SQLite and not on PostgreSQL, and a prefix's % or _ would be patterns.
const IDS_WITH_PREFIX = 'SELECT id FROM dote WHERE substr(id, 1, length(CAST(@prefix AS TEXT))) = CAST(@prefix AS TEXT)';
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
const PIP_LINES = 'SELECT servizio, minuti_individuali AS "minutiIndividuali", minuti_collettivi AS "minutiCollettivi" FROM pip_voce WHERE pip_versione_id = ? ORDER BY servizio';
const INSERT_PIP_VERSION = 'INSERT INTO pip_versione (dote_id, versione, data, motivo, creata_il) VALUES (@doteId, @versione, @data, @motivo, @creataIl)';
const INSERT_PIP_LINE =
  'INSERT INTO pip_voce (pip_versione_id, servizio, minuti_individuali, minuti_collettivi) VALUES (@versioneId, @servizio, @minutiIndividuali, @minutiCollettivi)';
const COMMITTED_MINUTES = `SELECT servizio, collettiva, sum(fine - inizio) AS minuti FROM erogazione
 WHERE dote_id = ? AND stato IN (${COUNTED_STATES_SQL}) GROUP BY servizio, collettiva`;
const MINUTES_BY_STATE = 'SELECT servizio, collettiva, stato, sum(fine - inizio) AS minuti FROM erogazione WHERE dote_id = ? GROUP BY servizio, collettiva, stato';
const OPEN_DELIVERIES = `SELECT id, data, servizio, stato FROM erogazione WHERE dote_id = ? AND stato IN (${OPEN_STATES_SQL}) ORDER BY data, inizio, id`;
const LAST_DELIVERED = "SELECT max(data) AS d FROM erogazione WHERE dote_id = ? AND stato = 'EROGATA'";

export class SqlDoti implements DoteRepository {
  constructor(private readonly db: Sql) {}

  async find(id: string): Promise<DoteRow | undefined> {
    return findDote(this.db, id);
  }

  async inLiquidazione(id: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM liquidazione WHERE dote_id = ?').get(id) !== undefined;
  }

  async info(cats: Catalogues, id: string): Promise<DoteInfo | undefined> {
    const row = findDote(this.db, id);
    return row ? doteInfoFromRow(this.db, cats, row) : undefined;
  }

  async list(filter: DoteFilter = {}): Promise<DoteRow[]> {
    const byId = filter.order === 'id';
    if (filter.bando === undefined) return this.db.prepare(byId ? LIST_BY_ID : LIST_BY_RICHIESTA).all<DoteRow>();
    return this.db.prepare(byId ? LIST_OF_BANDO_BY_ID : LIST_OF_BANDO_BY_RICHIESTA).all<DoteRow>({ bando: filter.bando });
  }

  async ofDestinatario(destinatarioId: number): Promise<DoteRow[]> {
    return this.db.prepare(OF_DESTINATARIO).all<DoteRow>(destinatarioId);
  }

  async idsWithPrefix(prefix: string): Promise<string[]> {
    return this.db.prepare(IDS_WITH_PREFIX).column<string>({ prefix });
  }

  async insert(row: DoteRow): Promise<void> {
    this.db.prepare(INSERT).run(row);
  }

  async update(id: string, changes: DoteChanges): Promise<void> {
    const cols = CHANGEABLE.filter((c) => changes[c] !== undefined);
    if (!cols.length) return;
    // One statement per set of columns, prepared once each (a handful: one per workflow step).
    const sql = `UPDATE dote SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;
    const params: Record<string, unknown> = { id };
    for (const c of cols) params[c] = changes[c];
    this.db.prepare(sql).run(params);
  }

  async liquidazioneDate(doteId: string): Promise<string | null> {
    return this.db.prepare(LIQUIDAZIONE_DATE).value<string>(doteId) ?? null;
  }

  async pipVersions(doteId: string): Promise<PipVersione[]> {
    const versions = this.db.prepare(PIP_VERSIONS).all<Omit<PipVersione, 'voci'>>(doteId);
    const voci = this.db.prepare(PIP_LINES);
    return versions.map((v) => ({ ...v, voci: voci.all<VocePip>(v.id) }));
  }

  async insertPipVersion(v: { doteId: string; versione: number; data: string; motivo: string | null; creataIl: string; voci: readonly VocePip[] }): Promise<number> {
    const versioneId = this.db.prepare(INSERT_PIP_VERSION).insert({
      doteId: v.doteId,
      versione: v.versione,
      data: v.data,
      motivo: v.motivo,
      creataIl: v.creataIl,
    });
    const line = this.db.prepare(INSERT_PIP_LINE);
    for (const x of v.voci) line.run({ versioneId, servizio: x.servizio, minutiIndividuali: x.minutiIndividuali, minutiCollettivi: x.minutiCollettivi });
    return versioneId;
  }

  async committedMinutes(doteId: string): Promise<MinutiServizio[]> {
    return this.db.prepare(COMMITTED_MINUTES).all<MinutiServizio>(doteId);
  }

  async minutesByState(doteId: string): Promise<(MinutiServizio & { stato: string })[]> {
    return this.db.prepare(MINUTES_BY_STATE).all<MinutiServizio & { stato: string }>(doteId);
  }

  async openDeliveries(doteId: string): Promise<ErogazioneAperta[]> {
    return this.db.prepare(OPEN_DELIVERIES).all<ErogazioneAperta>(doteId);
  }

  async lastDeliveredDate(doteId: string): Promise<string | null> {
    return this.db.prepare(LAST_DELIVERED).value<string | null>(doteId) ?? null;
  }
}
