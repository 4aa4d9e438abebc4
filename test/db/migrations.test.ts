/**
 * Migrations from every earlier schema version, on a database made by that version
 * (fixtures/db/schema-N.db, made by fixtures/db/make-fixtures.mjs with that version's SQL): dote
 * opens a copy, brings it to the current schema, and the rows are all there, with the file's
 * integrity and foreign keys intact.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { OLD_SCHEMA_VERSIONS, copyFixtureDb, dote, sql, tempDir } from '../helpers.js';
import { SCHEMA_VERSION } from '../../src/db/connection.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe.each(OLD_SCHEMA_VERSIONS)('a database of schema version %i', (version) => {
  it('is migrated by the first command that opens it, and keeps its rows', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = copyFixtureDb(version, path.join(t.dir, 'vecchio.db'));
    expect(sql(db, "SELECT valore FROM meta WHERE chiave = 'schema_version'")).toEqual([{ valore: String(version) }]);

    const r = dote(['mostra', 'CR-2022-0001', '--json', '--db', db, '--oggi', '2022-03-20']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ id: 'CR-2022-0001', destinatario: { cf: 'BNCLGU75B12D150X' } });

    expect(sql(db, "SELECT valore FROM meta WHERE chiave = 'schema_version'")).toEqual([{ valore: String(SCHEMA_VERSION) }]);
    expect(sql(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(sql(db, 'PRAGMA foreign_key_check')).toEqual([]);

    expect(sql(db, 'SELECT cf, nome, cognome, data_nascita FROM destinatario')).toEqual([{ cf: 'BNCLGU75B12D150X', nome: 'Luigi', cognome: 'Bianchi', data_nascita: '1975-02-12' }]);
    expect(sql(db, 'SELECT id, stato, fascia FROM dote')).toEqual([{ id: 'CR-2022-0001', stato: 'ATTIVA', fascia: 3 }]);
    expect(sql(db, 'SELECT servizio, minuti_individuali FROM pip_voce ORDER BY servizio')).toEqual([
      { servizio: 'QD1', minuti_individuali: 60 },
      { servizio: 'QD2', minuti_individuali: 120 },
    ]);
    // The imported delivery and timesheet row still name their file, now through file_importato.
    expect(sql(db, 'SELECT e.id, e.origine, e.riga, f.percorso FROM erogazione e LEFT JOIN file_importato f ON f.id = e.file_id ORDER BY e.id')).toEqual([
      { id: 1, origine: 'manuale', riga: null, percorso: null },
      { id: 2, origine: 'importa', riga: 2, percorso: 'calendario-2022.csv' },
    ]);
    expect(sql(db, 'SELECT t.inizio, t.fine, t.riga, f.percorso FROM timesheet_riga t JOIN file_importato f ON f.id = t.file_id')).toEqual([{ inizio: 540, fine: 660, riga: 3, percorso: 'calendario-2022.csv' }]);
    expect(sql(db, 'SELECT count(*) AS n FROM storia')).toEqual([{ n: 2 }]);
    expect(sql(db, 'SELECT count(*) AS n FROM contratto')).toEqual([{ n: version >= 4 ? 1 : 0 }]);
    expect(sql(db, 'SELECT conservazione_anni FROM ente')).toEqual([{ conservazione_anni: null }]);

    // And the migrated file works as a current one: a new delivery is accepted.
    const add = dote(['erogazione', 'aggiungi', 'CR-2022-0001', '--servizio', 'QD1', '--data', '2022-03-21', '--inizio', '14:00', '--fine', '14:30', '--professionista', 'P01', '--sede', 'Cremona', '--db', db, '--oggi', '2022-03-21']);
    expect(add.status).toBe(0);
    expect(sql(db, 'SELECT count(*) AS n FROM erogazione')).toEqual([{ n: 3 }]);
  });
});
