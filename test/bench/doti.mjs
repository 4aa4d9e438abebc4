/**
 * A database with thousands of Cremona doti (D1-INS, fascia 4, active 2000-2045), one sede
 * (Cremona) and one professional (P01 Mario Rossi), written straight in one transaction after
 * `dote init`: thousands of `dote nuova` would take minutes. For the bench and the large-import tests.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.join(fileURLToPath(new URL('../..', import.meta.url)), 'bin', 'dote');
const require = createRequire(import.meta.url);

/** Doti CR-1 … CR-`doti`, each for a person of its own (codice fiscale `${prefix}00000000001`…). */
export function setupDatabase(db, doti, prefix = 'BENCH') {
  const r = spawnSync(process.execPath, [BIN, 'init', '--db', db], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const Database = require('better-sqlite3');
  const d = new Database(db);
  const now = new Date().toISOString();
  try {
    d.transaction(() => {
      d.prepare("INSERT INTO sede (nome, comune, patrono) VALUES ('Cremona', 'Cremona', '11-13')").run();
      d.prepare("INSERT INTO professionista (codice, nome) VALUES ('P01', 'Mario Rossi')").run();
      const dest = d.prepare("INSERT INTO destinatario (cf, nome, cognome, creato_il, l68, did) VALUES (?, 'Nome', 'Cognome', ?, 1, 1)");
      const dote = d.prepare(
        `INSERT INTO dote (id, bando, tipo, destinatario_id, fascia, linea, stato, data_richiesta, data_attivazione, data_fine, creata_il)
         VALUES (?, 'cremona-2021', 'D1-INS', ?, 4, 'b', 'ATTIVA', '2000-01-01', '2000-01-01', '2045-12-31', ?)`,
      );
      for (let i = 1; i <= doti; i++) {
        const id = dest.run(`${prefix}${String(i).padStart(16 - prefix.length, '0')}`, now).lastInsertRowid;
        dote.run(`CR-${i}`, id, now);
      }
    })();
  } finally {
    d.close();
  }
}
