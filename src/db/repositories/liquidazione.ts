import type { Sql } from '../sql.js';
import type { RichiestaFileRow, RichiestaRow, ContrattoRow, ImpresaRow, LiquidazioneRepository, MinutiProfessionista, NuovaImpresa, NuovoContratto, OutputRow } from '../liquidazione-repository.js';

const CONTRATTI = 'SELECT * FROM contratto WHERE dote_id = ? ORDER BY numero';
const NEXT_NUMERO = 'SELECT coalesce(max(numero), 0) + 1 FROM contratto WHERE dote_id = ?';
const INSERT_CONTRATTO = `INSERT INTO contratto (dote_id, numero, tipo, azienda, dal, al, minuti_settimanali, minuti_ccnl, creato_il)
 VALUES (@dote_id, @numero, @tipo, @azienda, @dal, @al, @minuti_settimanali, @minuti_ccnl, @creato_il)`;
const CONTRATTO = 'SELECT * FROM contratto WHERE id = ?';
const REMOVE_CONTRATTO = 'UPDATE contratto SET rimosso_il = @rimossoIl WHERE id = @id';
const IMPRESA = 'SELECT * FROM impresa WHERE dote_id = ? AND sostituita_il IS NULL';
const REPLACE_IMPRESA = 'UPDATE impresa SET sostituita_il = @creata_il WHERE dote_id = @dote_id AND sostituita_il IS NULL';
const INSERT_IMPRESA = `INSERT INTO impresa (dote_id, denominazione, partita_iva, rea, iscrizione, creata_il)
 VALUES (@dote_id, @denominazione, @partita_iva, @rea, @iscrizione, @creata_il)`;
const OUTPUTS = 'SELECT * FROM output_servizio WHERE dote_id = ? ORDER BY id';
const INSERT_OUTPUT = `INSERT INTO output_servizio (dote_id, servizio, data, file, sha256, creato_il)
 VALUES (@dote_id, @servizio, @data, @file, @sha256, @creato_il)`;
const EROGATI = `SELECT p.codice AS professionista, p.nome AS nome, e.servizio AS servizio, sum(e.fine - e.inizio) AS minuti
 FROM erogazione e JOIN professionista p ON p.id = e.professionista_id
 WHERE e.dote_id = ? AND e.stato = 'EROGATA' GROUP BY p.codice, p.nome, e.servizio ORDER BY p.codice, e.servizio`;
const TIMESHEET = `SELECT p.codice AS professionista, p.nome AS nome, t.servizio AS servizio, sum(t.fine - t.inizio) AS minuti
 FROM timesheet_riga t JOIN professionista p ON p.id = t.professionista_id
 WHERE t.dote_id = ? GROUP BY p.codice, p.nome, t.servizio ORDER BY p.codice, t.servizio`;

const INSERT_RICHIESTA = `INSERT INTO liquidazione (dote_id, data, cartella, creata_il, importo_cent, limite_pec)
 VALUES (@dote_id, @data, @cartella, @creata_il, @importo_cent, @limite_pec)`;
const INSERT_FILE = 'INSERT INTO liquidazione_file (liquidazione_id, ordine, nome, bytes, sha256, pec) VALUES (@liquidazione_id, @ordine, @nome, @bytes, @sha256, @pec)';
const FILES = 'SELECT * FROM liquidazione_file WHERE liquidazione_id = ? ORDER BY ordine';
const LOCK_EROGATE = "UPDATE erogazione SET liquidazione_id = ? WHERE dote_id = ? AND stato = 'EROGATA'";
const RICHIESTE = 'SELECT * FROM liquidazione ORDER BY data, dote_id';
const RICHIESTA = 'SELECT * FROM liquidazione WHERE dote_id = ?';
const MESI = `SELECT DISTINCT p.codice AS professionista, m.mese AS mese FROM (
   SELECT professionista_id, substr(data, 1, 7) AS mese FROM erogazione WHERE dote_id = @d AND stato = 'EROGATA'
   UNION SELECT professionista_id, substr(data, 1, 7) AS mese FROM timesheet_riga WHERE dote_id = @d
 ) m JOIN professionista p ON p.id = m.professionista_id ORDER BY p.codice, m.mese`;

export class SqlLiquidazioni implements LiquidazioneRepository {
  constructor(private readonly db: Sql) {}

  async insertRichiesta(x: Omit<RichiestaRow, 'id'>): Promise<RichiestaRow> {
    const id = this.db.prepare(INSERT_RICHIESTA).insert(x);
    return { id, ...x };
  }

  async lockErogate(doteId: string, liquidazioneId: number): Promise<number> {
    return this.db.prepare(LOCK_EROGATE).run(liquidazioneId, doteId).changes;
  }

  async richieste(): Promise<RichiestaRow[]> {
    return this.db.prepare(RICHIESTE).all<RichiestaRow>();
  }

  async richiestaOf(doteId: string): Promise<RichiestaRow | undefined> {
    return this.db.prepare(RICHIESTA).get<RichiestaRow>(doteId);
  }

  async insertFile(f: RichiestaFileRow): Promise<void> {
    this.db.prepare(INSERT_FILE).run(f);
  }

  async fileOf(liquidazioneId: number): Promise<RichiestaFileRow[]> {
    return this.db.prepare(FILES).all<RichiestaFileRow>(liquidazioneId);
  }

  async mesiProfessionisti(doteId: string): Promise<{ professionista: string; mese: string }[]> {
    return this.db.prepare(MESI).all<{ professionista: string; mese: string }>({ d: doteId });
  }

  async contrattiOf(doteId: string): Promise<ContrattoRow[]> {
    return this.db.prepare(CONTRATTI).all<ContrattoRow>(doteId);
  }

  async insertContratto(c: NuovoContratto): Promise<ContrattoRow> {
    const numero = this.db.prepare(NEXT_NUMERO).value<number>(c.dote_id)!;
    const id = this.db.prepare(INSERT_CONTRATTO).insert({ ...c, numero });
    return this.db.prepare(CONTRATTO).get<ContrattoRow>(id)!;
  }

  async removeContratto(id: number, rimossoIl: string): Promise<void> {
    this.db.prepare(REMOVE_CONTRATTO).run({ id, rimossoIl });
  }

  async impresaOf(doteId: string): Promise<ImpresaRow | undefined> {
    return this.db.prepare(IMPRESA).get<ImpresaRow>(doteId);
  }

  async setImpresa(i: NuovaImpresa): Promise<ImpresaRow> {
    this.db.prepare(REPLACE_IMPRESA).run({ dote_id: i.dote_id, creata_il: i.creata_il });
    const id = this.db.prepare(INSERT_IMPRESA).insert(i);
    return { id, ...i, sostituita_il: null };
  }

  async outputOf(doteId: string): Promise<OutputRow[]> {
    return this.db.prepare(OUTPUTS).all<OutputRow>(doteId);
  }

  async insertOutput(o: Omit<OutputRow, 'id'>): Promise<OutputRow> {
    const id = this.db.prepare(INSERT_OUTPUT).insert(o);
    return { id, ...o };
  }

  async erogatiPerProfessionista(doteId: string): Promise<MinutiProfessionista[]> {
    return this.db.prepare(EROGATI).all<MinutiProfessionista>(doteId);
  }

  async timesheetPerProfessionista(doteId: string): Promise<MinutiProfessionista[]> {
    return this.db.prepare(TIMESHEET).all<MinutiProfessionista>(doteId);
  }
}
