/**
 * A person's data across the tables, for `destinatario esporta` (everything held about them) and
 * `destinatario anonimizza` (identity and free texts removed). The rows of their doti are found
 * through dote.destinatario_id; timesheet rows and history entries through the dote they name.
 * Rows in the order they were written: the integer key where the table has one, else `rowid`
 * (SQLite's own; a column of the same name on PostgreSQL, migrations/007-base.sql).
 */
import type { Sql } from '../sql.js';
import { InternalError } from '../../errors.js';
import type { DatiPersona, TestoPersona } from '../destinatario-repository.js';
import type { DoteFine } from '../../domain/anonimizzazione.js';

const DOTI = 'SELECT id FROM dote WHERE destinatario_id = @id';
/**
 * The person's registry history (`dote storia --anagrafica`: entries of no dote): their own
 * entries, named by their codice fiscale, and those of their external measures, by the measure's id.
 */
const ANAGRAFICA_PERSONA = `dote_id = '' AND ((entita = 'destinatario' AND entita_id = (SELECT cf FROM destinatario WHERE id = @id))
   OR (entita = 'misura' AND entita_id IN (SELECT CAST(id AS TEXT) FROM misura_esterna WHERE destinatario_id = @id)))`;

/** Each part of the export: its key and the statement that reads it (rowid order). */
const PARTS: readonly [keyof Omit<DatiPersona, 'destinatario'>, string][] = [
  ['misureEsterne', 'SELECT * FROM misura_esterna WHERE destinatario_id = @id ORDER BY id'],
  ['doti', 'SELECT * FROM dote WHERE destinatario_id = @id ORDER BY rowid'],
  ['pipVersioni', `SELECT * FROM pip_versione WHERE dote_id IN (${DOTI}) ORDER BY id`],
  ['pipVoci', `SELECT v.* FROM pip_voce v JOIN pip_versione p ON p.id = v.pip_versione_id WHERE p.dote_id IN (${DOTI}) ORDER BY v.rowid`],
  ['attivita', `SELECT * FROM attivita WHERE dote_id IN (${DOTI}) ORDER BY rowid`],
  ['erogazioni', `SELECT e.*, f.percorso AS file FROM erogazione e LEFT JOIN file_importato f ON f.id = e.file_id WHERE e.dote_id IN (${DOTI}) ORDER BY e.id`],
  ['avvisiErogazioni', `SELECT a.* FROM erogazione_avviso a JOIN erogazione e ON e.id = a.erogazione_id WHERE e.dote_id IN (${DOTI}) ORDER BY a.id`],
  ['timesheet', `SELECT t.*, f.percorso AS file FROM timesheet_riga t LEFT JOIN file_importato f ON f.id = t.file_id WHERE t.dote_id IN (${DOTI}) ORDER BY t.id`],
  ['contratti', `SELECT * FROM contratto WHERE dote_id IN (${DOTI}) ORDER BY id`],
  ['output', `SELECT * FROM output_servizio WHERE dote_id IN (${DOTI}) ORDER BY id`],
  ['liquidazioni', `SELECT * FROM liquidazione WHERE dote_id IN (${DOTI}) ORDER BY id`],
  ['fileLiquidazioni', `SELECT f.* FROM liquidazione_file f JOIN liquidazione l ON l.id = f.liquidazione_id WHERE l.dote_id IN (${DOTI}) ORDER BY f.rowid`],
  ['storia', `SELECT * FROM storia WHERE dote_id IN (${DOTI}) OR (${ANAGRAFICA_PERSONA}) ORDER BY id`],
];

export function personalData(db: Sql, id: number): DatiPersona {
  const destinatario = db.prepare('SELECT * FROM destinatario WHERE id = @id').get({ id })!;
  const parts = Object.fromEntries(PARTS.map(([key, sql]) => [key, db.prepare(sql).all({ id })]));
  return { destinatario, ...parts } as DatiPersona;
}

export function finiDoti(db: Sql, id: number): DoteFine[] {
  return db
    .prepare(
      `SELECT d.id, d.stato, d.data_richiesta, d.data_rifiuto, d.data_conclusione, l.data AS data_liquidazione
       FROM dote d LEFT JOIN liquidazione l ON l.dote_id = d.id WHERE d.destinatario_id = @id ORDER BY d.rowid`,
    )
    .all<DoteFine>({ id });
}

/** Identity out of the person's row; the free texts of their records emptied. */
export function anonymise(db: Sql, id: number, a: { cf: string; nome: string; cognome: string; oggi: string }): void {
  // The registry history names the person by codice fiscale: the pseudonym takes its place there too.
  db.prepare("UPDATE storia SET entita_id = @cf WHERE dote_id = '' AND entita = 'destinatario' AND entita_id = (SELECT cf FROM destinatario WHERE id = @id)").run({ id, cf: a.cf });
  db.prepare(
    `UPDATE destinatario SET cf = @cf, nome = @nome, cognome = @cognome, sesso = NULL, data_nascita = NULL, luogo_nascita = NULL,
       email = NULL, telefono = NULL, residenza = NULL, domicilio = NULL, titolo_studio = NULL, anonimizzato_il = @oggi
     WHERE id = @id`,
  ).run({ id, ...a });
  for (const sql of [
    'UPDATE misura_esterna SET note = NULL WHERE destinatario_id = @id',
    'UPDATE dote SET motivo_rifiuto = NULL WHERE destinatario_id = @id',
    `UPDATE pip_versione SET motivo = NULL WHERE dote_id IN (${DOTI})`,
    `UPDATE erogazione SET descrizione = NULL WHERE dote_id IN (${DOTI})`,
    `UPDATE timesheet_riga SET descrizione = NULL WHERE dote_id IN (${DOTI})`,
  ]) {
    db.prepare(sql).run({ id });
  }
}

/** The texts kept that may still name the person, each with where it is. */
const TEXTS: readonly [TestoPersona['tabella'], TestoPersona['colonna'], string][] = [
  ['storia', 'prima', `SELECT id AS riga, prima AS valore FROM storia WHERE dote_id IN (${DOTI}) AND prima IS NOT NULL`],
  ['storia', 'dopo', `SELECT id AS riga, dopo AS valore FROM storia WHERE dote_id IN (${DOTI}) AND dopo IS NOT NULL`],
  ['storia', 'prima', `SELECT id AS riga, prima AS valore FROM storia WHERE (${ANAGRAFICA_PERSONA}) AND prima IS NOT NULL`],
  ['storia', 'dopo', `SELECT id AS riga, dopo AS valore FROM storia WHERE (${ANAGRAFICA_PERSONA}) AND dopo IS NOT NULL`],
  ['erogazione_avviso', 'messaggio', `SELECT a.id AS riga, a.messaggio AS valore FROM erogazione_avviso a JOIN erogazione e ON e.id = a.erogazione_id WHERE e.dote_id IN (${DOTI})`],
  ['output_servizio', 'file', `SELECT id AS riga, file AS valore FROM output_servizio WHERE dote_id IN (${DOTI}) AND file IS NOT NULL`],
  ['liquidazione', 'cartella', `SELECT id AS riga, cartella AS valore FROM liquidazione WHERE dote_id IN (${DOTI}) AND cartella IS NOT NULL`],
  ['contratto', 'azienda', `SELECT id AS riga, azienda AS valore FROM contratto WHERE dote_id IN (${DOTI})`],
];

export function textsNaming(db: Sql, id: number): TestoPersona[] {
  return TEXTS.flatMap(([tabella, colonna, sql]) =>
    db.prepare(sql).all<{ riga: number; valore: string }>({ id }).map((r) => ({ tabella, colonna, ...r })),
  );
}

export function setText(db: Sql, t: TestoPersona, valore: string): void {
  // Table and column come from TEXTS above, never from input.
  const known = TEXTS.some(([tabella, colonna]) => tabella === t.tabella && colonna === t.colonna);
  if (!known) throw new InternalError(`testo sconosciuto: ${t.tabella}.${t.colonna}`);
  db.prepare(`UPDATE ${t.tabella} SET ${t.colonna} = @valore WHERE id = @riga`).run({ valore, riga: t.riga });
}
