/**
 * Every file dote writes is readable by its owner only, whatever the umask (the data are health
 * data): run under `umask 000`, the database and its -wal/-shm, a PDF, a liquidation packet and
 * its folder, a backup, a restore with the copy kept aside, an export, an exported template.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { dote, tempDir } from '../helpers.js';
import { cremonaProntaPerLiquidazione } from './liquidazione-setup.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('files written under umask 000', () => {
  it('a new database, with its -wal and -shm, is 0600', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = path.join(t.dir, 'dote.db');
    const r = dote(['init', '--db', db], { umask: 0 });
    expect(r.status, r.stderr).toBe(0);
    // A connection held open keeps the -wal and -shm files that SQLite creates beside the file.
    const open = new Database(db);
    try {
      open.prepare("INSERT INTO sede (nome, comune) VALUES ('Cremona', 'Cremona')").run();
      const s = dote(['sede', 'aggiungi', 'Crema', '--comune', 'Crema', '--db', db], { umask: 0 });
      expect(s.status, s.stderr).toBe(0);
      expect([mode(db), mode(`${db}-wal`), mode(`${db}-shm`)]).toEqual(['600', '600', '600']);
    } finally {
      open.close();
    }
  });

  it('PDFs, the packet and its folder, backups, restores, exports and templates are owner-only', () => {
    const p = cremonaProntaPerLiquidazione((c) => cleanups.push(c));
    const run = (args: string[]) => {
      const r = dote([...args, '--db', p.t.db], { cwd: p.t.dir, env: { DOTE_OGGI: '2021-04-20' }, umask: 0 });
      expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    };
    const at = (f: string) => path.join(p.t.dir, f);

    run(['stampa', 'registro', 'CR-A', '-o', 'registro.pdf']);
    run(['liquidazione', 'prepara', 'CR-A', '-o', 'pacchetto', '--bollo', '01234567890123']);
    run(['backup', 'copia.db']);
    run(['ripristina', 'copia.db']);
    run(['destinatario', 'esporta', 'RSSMRA80A01D150J', '-o', 'persona.json']);
    run(['modelli', 'esporta', 'registro', p.t.dir]);

    expect(mode(at('pacchetto'))).toBe('700');
    const packet = readdirSync(at('pacchetto'));
    expect(packet.length).toBeGreaterThan(5);
    for (const f of packet) expect(mode(path.join(at('pacchetto'), f)), f).toBe('600');
    const files = ['registro.pdf', 'copia.db', 'dote.db', 'dote-prima-del-ripristino-2021-04-20-1.db', 'persona.json', 'registro.json'];
    expect(Object.fromEntries(files.map((f) => [f, mode(at(f))]))).toEqual(Object.fromEntries(files.map((f) => [f, '600'])));
  });
});
