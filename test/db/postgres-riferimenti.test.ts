/**
 * On the server, the references of erogazione and timesheet_riga to their parents are statement
 * triggers, not declared FOREIGN KEYs (src/db/postgres/migrations/007-base.sql, "dote_riferimenti":
 * a declared key checks row by row and cost the import most of its time on the server). They must
 * refuse exactly what a declared key refuses, for any client: a row naming a missing parent
 * (inserted or changed), and a parent deleted, renumbered or emptied while a row names it; and
 * nothing more (the same statements with the parents there, or unreferenced, go through). And
 * they must hold under concurrency as a declared key does: a parent's delete waits for the writer
 * that named it and is then refused; a writer naming a parent being deleted waits and is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { dote } from '../helpers.js';
import { freshPgDatabase } from '../postgres/pg.js';

let url: string;
let admin: pg.Client;

/** The SQLSTATE and constraint of the statement's error, or 'ok'. */
async function attempt(c: pg.Client, text: string, values: unknown[] = []): Promise<string> {
  await c.query('SAVEPOINT s');
  try {
    await c.query(text, values);
    await c.query('RELEASE SAVEPOINT s');
    return 'ok';
  } catch (e) {
    await c.query('ROLLBACK TO SAVEPOINT s');
    const x = e as { code?: string; constraint?: string };
    return `${x.code} ${x.constraint ?? ''}`.trim();
  }
}

const EROGAZIONE = `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, sede_id, liquidazione_id, file_id, stato, registrata_il, creata_il, aggiornata_il)
  VALUES ($1, 'QF0', '2030-01-07', 540, 600, $2, $3, $4, $5, 'EROGATA', 'x', 'x', 'x') RETURNING id`;
const TIMESHEET = `INSERT INTO timesheet_riga (professionista_id, dote_id, servizio, data, inizio, fine, file_id, importata_il)
  VALUES ($1, 'CR-1', 'QF0', $2, 540, 600, $3, 'x')`;

beforeAll(async () => {
  url = freshPgDatabase();
  const r = dote(['init', '--db', url]);
  expect(r.status, r.stderr).toBe(0);
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`
    INSERT INTO sede (id, nome, comune) VALUES (1, 'Cremona', 'Cremona'), (2, 'Crema', 'Crema');
    INSERT INTO professionista (id, codice, nome) VALUES (1, 'P01', 'Mario Rossi'), (2, 'P02', 'Anna Neri');
    INSERT INTO destinatario (id, cf, nome, cognome, creato_il) VALUES (1, 'RSSMRA80A01D150X', 'Maria', 'Rossi', 'x'), (2, 'BNCLGU80A01D150X', 'Luigi', 'Bianchi', 'x');
    INSERT INTO dote (id, bando, tipo, destinatario_id, stato, data_richiesta, creata_il) VALUES ('CR-1', 'cremona-2021', 'D1-INS', 1, 'ATTIVA', '2030-01-01', 'x'),
      ('CR-2', 'cremona-2021', 'D1-INS', 2, 'ATTIVA', '2030-01-01', 'x');
    INSERT INTO liquidazione (id, dote_id, data, creata_il) VALUES (1, 'CR-1', '2030-02-01', 'x');
    INSERT INTO file_importato (id, percorso) VALUES (1, '/a.csv'), (2, '/b.csv');
    SELECT setval(pg_get_serial_sequence(t, 'id'), 100) FROM unnest(ARRAY['sede', 'professionista', 'destinatario', 'liquidazione', 'file_importato']) t;
  `);
  await admin.query('BEGIN');
});

afterAll(async () => {
  await admin?.query('ROLLBACK').catch(() => undefined);
  await admin?.end();
});

describe('references of erogazione and timesheet_riga on the server', () => {
  it('refuses a new row naming any missing parent, and takes the same row with its parents there', async () => {
    expect(await attempt(admin, EROGAZIONE, ['CR-1', 1, 1, 1, 1])).toBe('ok');
    expect(await attempt(admin, EROGAZIONE, ['CR-1', 2, null, null, null])).toBe('ok'); // the optional ones NULL
    expect(await attempt(admin, EROGAZIONE, ['CR-9', 1, 1, 1, 1])).toBe('23503 erogazione_dote_id_fkey');
    expect(await attempt(admin, EROGAZIONE, ['CR-1', 9, 1, 1, 1])).toBe('23503 erogazione_professionista_id_fkey');
    expect(await attempt(admin, EROGAZIONE, ['CR-1', 1, 9, 1, 1])).toBe('23503 erogazione_sede_id_fkey');
    expect(await attempt(admin, EROGAZIONE, ['CR-1', 1, 1, 9, 1])).toBe('23503 erogazione_liquidazione_id_fkey');
    expect(await attempt(admin, EROGAZIONE, ['CR-1', 1, 1, 1, 9])).toBe('23503 erogazione_file_id_fkey');
    expect(await attempt(admin, TIMESHEET, [1, '2030-01-07', 1])).toBe('ok');
    expect(await attempt(admin, TIMESHEET, [9, '2030-01-08', 1])).toBe('23503 timesheet_riga_professionista_id_fkey');
    expect(await attempt(admin, TIMESHEET, [1, '2030-01-08', 9])).toBe('23503 timesheet_riga_file_id_fkey');
  });

  it('checks all the rows of one statement: one bad row among many refuses them all', async () => {
    const many = `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, stato, registrata_il, creata_il, aggiornata_il)
      SELECT d, 'QF0', '2030-01-09', 540 + g, 600 + g, 1, 'EROGATA', 'x', 'x', 'x' FROM generate_series(1, 1000) g, LATERAL (SELECT CASE WHEN g = $1 THEN 'CR-404' ELSE 'CR-2' END AS d) k`;
    const before = (await admin.query('SELECT count(*)::int AS n FROM erogazione')).rows[0].n;
    expect(await attempt(admin, many, [737])).toBe('23503 erogazione_dote_id_fkey');
    expect((await admin.query('SELECT count(*)::int AS n FROM erogazione')).rows[0].n).toBe(before);
    expect(await attempt(admin, many, [0])).toBe('ok');
    expect((await admin.query('SELECT count(*)::int AS n FROM erogazione')).rows[0].n).toBe(before + 1000);
  });

  it('refuses an update that points a row at a missing parent, not one that leaves its references alone', async () => {
    const id = (await admin.query(EROGAZIONE, ['CR-1', 1, 1, null, 1])).rows[0].id;
    expect(await attempt(admin, 'UPDATE erogazione SET fine = 610, stato = $2 WHERE id = $1', [id, 'ANNULLATA'])).toBe('ok');
    expect(await attempt(admin, 'UPDATE erogazione SET sede_id = 2, liquidazione_id = 1 WHERE id = $1', [id])).toBe('ok');
    expect(await attempt(admin, 'UPDATE erogazione SET dote_id = $2 WHERE id = $1', [id, 'CR-7'])).toBe('23503 erogazione_dote_id_fkey');
    expect(await attempt(admin, 'UPDATE erogazione SET liquidazione_id = 5 WHERE id = $1', [id])).toBe('23503 erogazione_liquidazione_id_fkey');
    expect(await attempt(admin, "UPDATE timesheet_riga SET professionista_id = 4 WHERE data = '2030-01-07'")).toBe('23503 timesheet_riga_professionista_id_fkey');
    expect(await attempt(admin, "UPDATE timesheet_riga SET fine = 620 WHERE data = '2030-01-07'")).toBe('ok');
  });

  it('refuses deleting, renumbering or emptying a parent a row still names, and lets an unnamed one go', async () => {
    await admin.query('INSERT INTO sede (id, nome, comune) VALUES (3, $1, $1)', ['Casalmaggiore']);
    await admin.query("INSERT INTO file_importato (id, percorso) VALUES (3, '/c.csv')");
    expect(await attempt(admin, 'DELETE FROM sede WHERE id = 1')).toBe('23503 erogazione_sede_id_fkey');
    expect(await attempt(admin, 'UPDATE sede SET id = 10 WHERE id = 1')).toBe('23503 erogazione_sede_id_fkey');
    expect(await attempt(admin, 'UPDATE sede SET nome = $1 WHERE id = 1', ['Cremona centro'])).toBe('ok');
    expect(await attempt(admin, 'DELETE FROM sede WHERE id = 3')).toBe('ok');
    expect(await attempt(admin, 'DELETE FROM professionista WHERE id = 1')).toBe('23503 erogazione_professionista_id_fkey');
    expect(await attempt(admin, 'DELETE FROM file_importato WHERE id = 1')).toBe('23503 erogazione_file_id_fkey');
    expect(await attempt(admin, 'DELETE FROM file_importato WHERE id = 3')).toBe('ok');
    expect(await attempt(admin, "UPDATE dote SET stato = 'CONCLUSA' WHERE id = 'CR-2'")).toBe('ok');
    expect(await attempt(admin, "UPDATE dote SET id = 'CR-20' WHERE id = 'CR-2'")).toMatch(/^23503 /);
    expect(await attempt(admin, 'TRUNCATE sede')).toBe('0A000');
    expect(await attempt(admin, 'TRUNCATE file_importato')).toBe('0A000');
  });

  it('named only by timesheet rows, a professional is still protected', async () => {
    await admin.query("INSERT INTO professionista (id, codice, nome) VALUES (3, 'P03', 'Luca Verdi')");
    await admin.query(TIMESHEET, [3, '2030-01-10', 2]);
    expect(await attempt(admin, 'DELETE FROM professionista WHERE id = 3')).toBe('23503 timesheet_riga_professionista_id_fkey');
    expect(await attempt(admin, 'DELETE FROM file_importato WHERE id = 2')).toBe('23503 timesheet_riga_file_id_fkey');
  });
});

describe('references under concurrency', () => {
  /** Two more connections, each in its own transaction. */
  async function pair(): Promise<[pg.Client, pg.Client]> {
    const a = new pg.Client({ connectionString: url });
    const b = new pg.Client({ connectionString: url });
    await a.connect();
    await b.connect();
    return [a, b];
  }
  const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

  it("a parent's delete waits for the writer that named it, then is refused", async () => {
    const [a, b] = await pair();
    try {
      const sede = (await a.query("INSERT INTO sede (nome, comune) VALUES ('Soresina', 'Soresina') RETURNING id")).rows[0].id;
      await a.query('BEGIN');
      await a.query(EROGAZIONE, ['CR-1', 1, sede, null, null]);
      await b.query('BEGIN');
      let settled = false;
      const del = code(b.query('DELETE FROM sede WHERE id = $1', [sede])).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false); // waiting on the writer's lock
      await a.query('COMMIT');
      expect(await del).toBe('23503');
      await b.query('ROLLBACK');
      expect((await a.query('SELECT count(*)::int AS n FROM sede WHERE id = $1', [sede])).rows[0].n).toBe(1);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('a writer naming a parent being deleted waits for the delete, then is refused', async () => {
    const [a, b] = await pair();
    try {
      const sede = (await a.query("INSERT INTO sede (nome, comune) VALUES ('Pizzighettone', 'Pizzighettone') RETURNING id")).rows[0].id;
      await b.query('BEGIN');
      await b.query('DELETE FROM sede WHERE id = $1', [sede]);
      await a.query('BEGIN');
      let settled = false;
      const ins = code(a.query(EROGAZIONE, ['CR-1', 1, sede, null, null])).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      await b.query('COMMIT');
      expect(await ins).toBe('23503');
      await a.query('ROLLBACK');
      expect((await a.query('SELECT count(*)::int AS n FROM erogazione WHERE sede_id = $1', [sede])).rows[0].n).toBe(0);
    } finally {
      await a.end();
      await b.end();
    }
  });
});
