import type { StatoErogazione } from '../../domain/dote-stati.js';
import type { StatoAttivita } from '../../domain/erogazione-state.js';
import type { Sql } from '../sql.js';
import { COUNTED_STATES_SQL, FREED_STATES_SQL, OPEN_STATES_SQL } from '../states.js';
import type {
  AttivitaRow,
  AttivitaTotals,
  AvvisoRow,
  ErogazioneAperta,
  ErogazioneEditable,
  ErogazioneFullRow,
  ErogazioneRepository,
  NuovaErogazioneRow,
  TimesheetRigaRow,
} from '../erogazione-repository.js';

const FULL_SELECT = `
  SELECT e.*, p.codice AS prof_codice, p.nome AS prof_nome, s.nome AS sede_nome, dest.cf AS cf
  FROM erogazione e
  JOIN professionista p ON p.id = e.professionista_id
  LEFT JOIN sede s ON s.id = e.sede_id
  JOIN dote d ON d.id = e.dote_id
  JOIN destinatario dest ON dest.id = d.destinatario_id`;

const LIVE = `e.stato NOT IN (${FREED_STATES_SQL})`;

/** The delivered state, bound as a parameter where a statement needs it (never spelled in SQL). */
const EROGATA: StatoErogazione = 'EROGATA';

const SQL = {
  attivitaStato: 'SELECT stato FROM attivita WHERE dote_id = @doteId AND servizio = @servizio',
  find: `${FULL_SELECT} WHERE e.id = ?`,
  liveOfSession: `${FULL_SELECT} WHERE e.sessione = @sessione AND ${LIVE} ORDER BY dest.cognome, dest.nome, e.id`,
  deliveredOfProfessionalBetween: `${FULL_SELECT} WHERE e.professionista_id = @professionistaId AND e.data BETWEEN @from AND @to AND e.stato = @erogata
    ORDER BY e.data, e.inizio, e.id`,
  timesheetOfProfessionalBetween: `SELECT t.id, t.dote_id, t.servizio, t.data, t.inizio, t.fine, t.collettiva, t.descrizione, dest.cf AS cf
    FROM timesheet_riga t LEFT JOIN dote d ON d.id = t.dote_id LEFT JOIN destinatario dest ON dest.id = d.destinatario_id
    WHERE t.professionista_id = @professionistaId AND t.data BETWEEN @from AND @to ORDER BY t.data, t.inizio, t.id`,
  ofDote: `${FULL_SELECT} WHERE e.dote_id = ? ORDER BY e.data, e.inizio, e.id`,
  ofDoteInState: `${FULL_SELECT} WHERE e.dote_id = @doteId AND e.stato = @stato ORDER BY e.data, e.inizio, e.id`,
  liveOfPersonBetween: `${FULL_SELECT} WHERE d.destinatario_id = @destinatarioId AND e.data BETWEEN @from AND @to AND ${LIVE} AND e.id <> @exceptId`,
  liveOfProfessionalOn: `${FULL_SELECT} WHERE e.professionista_id = @professionistaId AND e.data = @data AND ${LIVE} AND e.id <> @exceptId`,
  countedOf: `${FULL_SELECT} WHERE e.dote_id = @doteId AND e.servizio = @servizio AND e.stato IN (${COUNTED_STATES_SQL}) AND e.id <> @exceptId`,
  liveIdInSession: `SELECT id FROM erogazione e WHERE e.dote_id = @doteId AND e.sessione = @sessione AND ${LIVE} AND e.id <> @exceptId`,
  insert: `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, sede_id, modalita, collettiva, sessione,
      descrizione, stato, registrata_il, origine, creata_il, aggiornata_il)
    VALUES (@dote_id, @servizio, @data, @inizio, @fine, @professionista_id, @sede_id, @modalita, @collettiva, @sessione,
      @descrizione, @stato, @registrata_il, @origine, @creata_il, @aggiornata_il)`,
  update: `UPDATE erogazione SET servizio = @servizio, data = @data, inizio = @inizio, fine = @fine, professionista_id = @professionista_id,
      sede_id = @sede_id, modalita = @modalita, collettiva = @collettiva, sessione = @sessione, descrizione = @descrizione,
      registrata_il = @registrata_il, aggiornata_il = @aggiornata_il
    WHERE id = @id`,
  setStato: 'UPDATE erogazione SET stato = @stato, aggiornata_il = @aggiornataIl WHERE id = @id',
  avvisi: 'SELECT regola, messaggio FROM erogazione_avviso WHERE erogazione_id = ? ORDER BY id',
  avvisoExists: 'SELECT 1 FROM erogazione_avviso WHERE erogazione_id = @id AND regola = @regola AND messaggio = @messaggio',
  addAvviso: 'INSERT INTO erogazione_avviso (erogazione_id, regola, messaggio, creato_il) VALUES (@id, @regola, @messaggio, @creatoIl)',
  attivitaOf: 'SELECT servizio, minuti, stato, data_conclusione FROM attivita WHERE dote_id = ? ORDER BY rowid',
  hasAttivita: 'SELECT 1 FROM attivita WHERE dote_id = ? LIMIT 1',
  attivitaTotals: `SELECT
      COALESCE(SUM(CASE WHEN stato = @erogata THEN fine - inizio END), 0) AS erogate,
      COALESCE(SUM(CASE WHEN stato IN (${OPEN_STATES_SQL}) THEN fine - inizio END), 0) AS aperte,
      COALESCE(SUM(CASE WHEN stato = @erogata THEN 1 ELSE 0 END), 0) AS n_erogate,
      COALESCE(SUM(CASE WHEN stato IN (${OPEN_STATES_SQL}) THEN 1 ELSE 0 END), 0) AS n_aperte
    FROM erogazione WHERE dote_id = @doteId AND servizio = @servizio`,
  apertiOf: `SELECT id, data, stato FROM erogazione WHERE dote_id = @doteId AND servizio = @servizio AND stato IN (${OPEN_STATES_SQL}) ORDER BY data, inizio, id`,
  setAttivitaStato: 'UPDATE attivita SET stato = @stato WHERE dote_id = @doteId AND servizio = @servizio',
  setAttivitaConclusa: 'UPDATE attivita SET stato = @stato, data_conclusione = @dataConclusione WHERE dote_id = @doteId AND servizio = @servizio',
} as const;

export class SqlErogazioni implements ErogazioneRepository {
  constructor(private readonly db: Sql) {}

  private stmt(sql: string) {
    return this.db.prepare(sql);
  }

  async liveOfSession(sessione: string): Promise<ErogazioneFullRow[]> {
    return this.stmt(SQL.liveOfSession).all<ErogazioneFullRow>({ sessione });
  }

  async deliveredOfProfessionalBetween(professionistaId: number, from: string, to: string): Promise<ErogazioneFullRow[]> {
    return this.stmt(SQL.deliveredOfProfessionalBetween).all<ErogazioneFullRow>({ professionistaId, from, to, erogata: EROGATA });
  }

  async timesheetOfProfessionalBetween(professionistaId: number, from: string, to: string): Promise<TimesheetRigaRow[]> {
    return this.stmt(SQL.timesheetOfProfessionalBetween).all<TimesheetRigaRow>({ professionistaId, from, to });
  }

  async attivitaStato(doteId: string, servizio: string): Promise<StatoAttivita | undefined> {
    return this.stmt(SQL.attivitaStato).value<StatoAttivita>({ doteId, servizio });
  }

  async find(id: number): Promise<ErogazioneFullRow | undefined> {
    return this.stmt(SQL.find).get<ErogazioneFullRow>(id);
  }

  async ofDote(doteId: string, stato?: StatoErogazione): Promise<ErogazioneFullRow[]> {
    return stato ? this.stmt(SQL.ofDoteInState).all<ErogazioneFullRow>({ doteId, stato }) : this.stmt(SQL.ofDote).all<ErogazioneFullRow>(doteId);
  }

  async liveOfPersonBetween(destinatarioId: number, from: string, to: string, exceptId: number): Promise<ErogazioneFullRow[]> {
    return this.stmt(SQL.liveOfPersonBetween).all<ErogazioneFullRow>({ destinatarioId, from, to, exceptId });
  }

  async liveOfProfessionalOn(professionistaId: number, data: string, exceptId: number): Promise<ErogazioneFullRow[]> {
    return this.stmt(SQL.liveOfProfessionalOn).all<ErogazioneFullRow>({ professionistaId, data, exceptId });
  }

  async countedOf(doteId: string, servizio: string, exceptId: number): Promise<ErogazioneFullRow[]> {
    return this.stmt(SQL.countedOf).all<ErogazioneFullRow>({ doteId, servizio, exceptId });
  }

  async liveIdInSession(doteId: string, sessione: string, exceptId: number): Promise<number | undefined> {
    return this.stmt(SQL.liveIdInSession).value<number>({ doteId, sessione, exceptId });
  }

  async insert(row: NuovaErogazioneRow): Promise<number> {
    const p: NuovaErogazioneRow = {
      dote_id: row.dote_id,
      servizio: row.servizio,
      data: row.data,
      inizio: row.inizio,
      fine: row.fine,
      professionista_id: row.professionista_id,
      sede_id: row.sede_id,
      modalita: row.modalita,
      collettiva: row.collettiva,
      sessione: row.sessione,
      descrizione: row.descrizione,
      stato: row.stato,
      registrata_il: row.registrata_il,
      origine: row.origine,
      creata_il: row.creata_il,
      aggiornata_il: row.aggiornata_il,
    };
    return this.stmt(SQL.insert).insert(p);
  }

  async update(id: number, c: ErogazioneEditable, aggiornataIl: string): Promise<void> {
    this.stmt(SQL.update).run({ ...c, id, aggiornata_il: aggiornataIl });
  }

  async setStato(id: number, stato: StatoErogazione, aggiornataIl: string): Promise<void> {
    this.stmt(SQL.setStato).run({ id, stato, aggiornataIl });
  }

  async avvisi(id: number): Promise<AvvisoRow[]> {
    return this.stmt(SQL.avvisi).all<AvvisoRow>(id);
  }

  async addAvvisi(id: number, avvisi: readonly AvvisoRow[], creatoIl: string): Promise<void> {
    const exists = this.stmt(SQL.avvisoExists);
    const add = this.stmt(SQL.addAvviso);
    for (const a of avvisi) {
      const p = { id, regola: a.regola, messaggio: a.messaggio };
      if (exists.get(p) === undefined) add.run({ ...p, creatoIl });
    }
  }

  async attivitaOf(doteId: string): Promise<AttivitaRow[]> {
    return this.stmt(SQL.attivitaOf).all<AttivitaRow>(doteId);
  }

  async hasAttivita(doteId: string): Promise<boolean> {
    return this.stmt(SQL.hasAttivita).get(doteId) !== undefined;
  }

  async attivitaTotals(doteId: string, servizio: string): Promise<AttivitaTotals> {
    return this.stmt(SQL.attivitaTotals).get<AttivitaTotals>({ doteId, servizio, erogata: EROGATA })!;
  }

  async apertiOf(doteId: string, servizio: string): Promise<ErogazioneAperta[]> {
    return this.stmt(SQL.apertiOf).all<ErogazioneAperta>({ doteId, servizio });
  }

  async setAttivitaStato(doteId: string, servizio: string, stato: StatoAttivita): Promise<void> {
    this.stmt(SQL.setAttivitaStato).run({ doteId, servizio, stato });
  }

  async setAttivitaConclusa(doteId: string, servizio: string, stato: StatoAttivita, dataConclusione: string): Promise<void> {
    this.stmt(SQL.setAttivitaConclusa).run({ doteId, servizio, stato, dataConclusione });
  }

  async insertAttivita(a: { doteId: string; servizio: string; minuti: number; stato: StatoAttivita }): Promise<void> {
    this.stmt('INSERT INTO attivita (dote_id, servizio, minuti, stato) VALUES (@doteId, @servizio, @minuti, @stato)').run(a);
  }

  async countByState(doteId: string, servizio: string, stato: string): Promise<number> {
    return this.stmt('SELECT count(*) FROM erogazione WHERE dote_id = @doteId AND servizio = @servizio AND stato = @stato').value<number>({ doteId, servizio, stato })!;
  }
}
