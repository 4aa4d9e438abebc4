/**
 * The SQL of the import writer thread (src/import/import-writer-worker.ts): the statements it
 * runs on its connection (import-connection.ts: the file's or the server's), prepared once. The
 * thread keeps the logic (which rows, in which order, what counts as the same row); here is only
 * how the database is asked. The statements are handed out as they are: the writer runs them per
 * row, for millions of rows.
 */
import type { Sql, Statement } from '../sql.js';
import { FREED_STATES_SQL } from '../states.js';
import { BatchInsert } from './batch-insert.js';

/** One file's multi-row inserts (its id and the call's timestamps are constants of the statement). */
export interface FileInserts {
  /** 13 values: dote_id, servizio, data, inizio, fine, professionista_id, sede_id, modalita, collettiva, sessione, descrizione, registrata_il, riga. */
  erogazione: BatchInsert;
  /** 9 values: professionista_id, dote_id, servizio, data, inizio, fine, collettiva, descrizione, riga. */
  timesheet: BatchInsert;
}

export interface ImportStatements {
  /** fine, sede_id (null: unchanged), modalita, collettiva, descrizione (null: unchanged), file_id, riga, aggiornata_il, id. */
  updateErogazione: Statement;
  /** fine, collettiva, descrizione (null: unchanged), file_id, riga, importata_il, id. */
  updateTimesheet: Statement;
  /** The first live delivery of a key, with its source (file, riga): professionista_id, data, dote_id, servizio, inizio. */
  findErogazione: Statement;
  /** The imported timesheet row of a key, with its source (file, riga): professionista_id, dote_id, servizio, data, inizio. */
  findTimesheet: Statement;
  /** An activity's state from one to the next: new state, dote_id, servizio, expected state. */
  startActivity: Statement;
  /** The id in file_importato of a file's path (its path is stored once, not on every row). */
  fileId(path: string): number;
  /** The inserts of the rows of the file with this id. */
  inserts(fileId: number, now: string, oggi: string): FileInserts;
}

const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** Prepares the writer's statements on its connection. */
export function prepareImportStatements(db: Sql): ImportStatements {
  const insertFile = db.prepare('INSERT INTO file_importato (percorso) VALUES (?) ON CONFLICT DO NOTHING');
  const selectFile = db.prepare('SELECT id FROM file_importato WHERE percorso = ?');
  return {
    updateErogazione: db.prepare(
      `UPDATE erogazione SET fine = ?, sede_id = coalesce(?, sede_id), modalita = ?, collettiva = ?, descrizione = coalesce(?, descrizione),
              file_id = ?, riga = ?, aggiornata_il = ? WHERE id = ?`,
    ),
    updateTimesheet: db.prepare('UPDATE timesheet_riga SET fine = ?, collettiva = ?, descrizione = coalesce(?, descrizione), file_id = ?, riga = ?, importata_il = ? WHERE id = ?'),
    findErogazione: db.prepare(
      `SELECT id, fine, sede_id, modalita, collettiva, descrizione, (SELECT percorso FROM file_importato WHERE id = file_id) AS file, riga FROM erogazione
        WHERE professionista_id = ? AND data = ? AND dote_id = ? AND servizio = ? AND inizio = ?
          AND stato NOT IN (${FREED_STATES_SQL}) ORDER BY id LIMIT 1`,
    ),
    findTimesheet: db.prepare(
      'SELECT id, fine, collettiva, descrizione, (SELECT percorso FROM file_importato WHERE id = file_id) AS file, riga FROM timesheet_riga WHERE professionista_id = ? AND dote_id = ? AND servizio = ? AND data = ? AND inizio = ?',
    ),
    startActivity: db.prepare('UPDATE attivita SET stato = ? WHERE dote_id = ? AND servizio = ? AND stato = ?'),
    fileId(path) {
      insertFile.run(path);
      return selectFile.value<number>(path)!;
    },
    inserts(file, now, oggi) {
      return {
        erogazione: new BatchInsert(
          db,
          `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, sede_id, modalita, collettiva, sessione,
                                   descrizione, stato, registrata_il, origine, file_id, riga, creata_il, aggiornata_il)`,
          `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EROGATA', ?, 'importa', ${file}, ?, ${lit(now)}, ${lit(now)})`,
          ['text', 'text', 'text', 'integer', 'integer', 'integer', 'integer', 'text', 'integer', 'text', 'text', 'text', 'integer'],
        ),
        timesheet: new BatchInsert(
          db,
          'INSERT INTO timesheet_riga (professionista_id, dote_id, servizio, data, inizio, fine, collettiva, descrizione, file_id, riga, importata_il)',
          `(?, ?, ?, ?, ?, ?, ?, ?, ${file}, ?, ${lit(oggi)})`,
          ['integer', 'text', 'text', 'text', 'integer', 'integer', 'integer', 'text', 'integer'],
        ),
      };
    },
  };
}
