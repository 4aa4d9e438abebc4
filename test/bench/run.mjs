#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory of the batch check and import, measured, not asserted.
 *
 * Generates in a temp folder (never committed) a 1,000,000-row timesheet of one professional and
 * the matching calendar (group sessions of 10 doti, Cremona QF0/QN7, 20,000 doti), once clean and
 * once with a few hundred planted errors, and prints from one run:
 *   - csv-parse alone on the same files, with the line information (`info: true`): the reference;
 *   - `dote verifica` without and with a database: rows/s, MB/s, ratio to csv-parse, peak RSS;
 *   - Miller (`mlr`) summing hours per professional per day, where installed, against `dote verifica`
 *     of the same timesheet (three runs each, alternating; medians compared);
 *   - `dote importa` of the clean files into a fresh database (three runs, median): rows/s;
 *   - the same `verifica` (with the database) and `importa` (three runs, median) on a throwaway PostgreSQL server (benchPostgres);
 *   - start-up of `dote --help` and `dote mostra ID` against `node -e 0` (median of 10 runs each,
 *     the three alternated, so that a busy moment of the machine falls on all three).
 * Targets (issue 4): all rules in <= 1.2x csv-parse alone; not slower than Miller's daily sum;
 * peak RSS < 250 MB; import >= 200,000 rows/s. Issue 9: `dote --help` <= 1.5x `node -e 0`,
 * `dote mostra ID` <= 2x. Each measurement starts after `sync`, so the disk writes of the one
 * before do not land on it. Env: BENCH_ROWS (default 1000000), BENCH_KEEP=1; BENCH_SOLO=avvio
 * measures the start-up only (on the same database of 20.000 doti, 30 runs each: ~15 s);
 * BENCH_SOLO=segnalazioni the memory of 200.000 findings only (issue 12 point 5, benchFindings);
 * BENCH_SOLO=postgres the server's verifica and importa only (benchPostgres).
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, rmdirSync, statSync, openSync, writeSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupDatabase } from './doti.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'dote');
const require = createRequire(import.meta.url);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const GROUP = 10; // participants per session
const SESSIONS_PER_COHORT = 50; // a cohort of 10 doti does 40 h QF0 + 10 h QN7 together
const OGGI = '2045-12-31';

// npm run build, not tsc alone: its last step writes the shipped catalogues already validated,
// without which every command would import zod to validate them (README "Prestazioni").
if (!existsSync(path.join(ROOT, 'dist', 'main.js')) || !existsSync(path.join(ROOT, 'dist', 'bandi', 'compiled-catalogues.json'))) {
  process.stderr.write('bench: compila prima (npm run build)\n');
  process.exit(2);
}
const { holidayName } = await import(path.join(ROOT, 'dist', 'domain', 'holidays.js'));
const { weekday, isoFromDay, dayNumber } = await import(path.join(ROOT, 'dist', 'domain', 'dates.js'));

const dir = mkdtempSync(path.join(tmpdir(), 'dote-bench-'));
const fmtInt = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const fmt1 = (n) => n.toFixed(1).replace('.', ',');
const fmt2 = (n) => n.toFixed(2).replace('.', ',');
const mb = (bytes) => bytes / 1048576;
const log = (s = '') => process.stdout.write(`${s}\n`);

// ---------------------------------------------------------------- data
function itDate(day) {
  const iso = isoFromDay(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
const hh = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const SLOTS = [540, 600, 660, 720, 840, 900, 960, 1020]; // 8 one-hour sessions a day

class Out {
  constructor(file) {
    this.fd = openSync(file, 'w');
    this.buf = [];
    this.size = 0;
  }
  write(s) {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush() {
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * Writes four files: clean and messy calendar and timesheet. Planted errors (messy only) are
 * spread evenly; their count per rule is returned.
 */
function generate() {
  const f = {
    cal: path.join(dir, 'calendario.csv'),
    ts: path.join(dir, 'timesheet-rossi.csv'),
    calMessy: path.join(dir, 'messy', 'calendario.csv'),
    tsMessy: path.join(dir, 'messy', 'timesheet-rossi.csv'),
  };
  execFileSync('mkdir', ['-p', path.join(dir, 'messy')]);
  const cal = new Out(f.cal), ts = new Out(f.ts), calM = new Out(f.calMessy), tsM = new Out(f.tsMessy);
  const calHeader = 'id_dote;servizio;data;ora_inizio;ora_fine;ore;professionista;modalita;gruppo;sede;descrizione;fascia;tipo_dote;registrata_il\n';
  const tsHeader = 'id_dote;servizio;data;ora_inizio;ora_fine;ore;professionista;gruppo;descrizione\n';
  cal.write(calHeader); calM.write(calHeader); ts.write(tsHeader); tsM.write(tsHeader);
  const planted = {};
  const plant = (rule) => (planted[rule] = (planted[rule] ?? 0) + 1);
  const sessions = Math.ceil(ROWS / GROUP);
  let day = dayNumber('2000-01-03');
  let slot = 0;
  let n = 0;
  const every = Math.max(1, Math.floor(ROWS / 320)); // ~320 planted errors
  for (let s = 0; s < sessions && n < ROWS; s++) {
    // No Sundays, national holidays or the Cremona sede's patron day (13 November).
    while (weekday(day) === 6 || holidayName(day, '11-13') !== null) day++;
    const date = itDate(day);
    const start = SLOTS[slot];
    const cohort = Math.floor(s / SESSIONS_PER_COHORT);
    const servizio = s % SESSIONS_PER_COHORT < 40 ? 'QF0' : 'QN7';
    const desc = servizio === 'QF0' ? 'formazione in aula' : 'coaching di gruppo';
    for (let k = 0; k < GROUP && n < ROWS; k++, n++) {
      const dote = `CR-${cohort * GROUP + k + 1}`;
      const c = `${dote};${servizio};${date};${hh(start)};${hh(start + 60)};1;Mario Rossi;presenza;collettiva;Cremona;${desc};4;D1-INS;${date}\n`;
      const t = `${dote};${servizio};${date};${hh(start)};${hh(start + 60)};1;Mario Rossi;collettiva;${desc}\n`;
      cal.write(c);
      ts.write(t);
      if (n % every !== every - 1) {
        calM.write(c);
        tsM.write(t);
        continue;
      }
      switch ((n / every) % 8 | 0) {
        case 0: tsM.write(t.replace(date, date.replace(/^\d\d/, '32'))); calM.write(c); plant('field/date'); break;
        case 1: tsM.write(t.replace(`;${hh(start + 60)};`, ';25:00;')); calM.write(c); plant('field/time'); break;
        case 2: tsM.write(t.replace(';1;Mario', ';2;Mario')); calM.write(c); plant('field/hours'); break;
        case 3: tsM.write(t.replace(`;${hh(start + 60)};1;`, `;${hh(start + 45)};0,75;`)); calM.write(c); plant('reconcile (ora di fine diversa)'); break;
        case 4: calM.write(c.replace(`;${servizio};`, ';QX9;')); tsM.write(t); plant('service/not-in-dote (+ riconciliazione)'); break;
        case 5: calM.write(`;;;;;;;;;;;;\n${c}`); tsM.write(t); plant('csv/blank-row'); break;
        case 6: calM.write(c.replace(';Cremona;', ';Cremona;extra;')); tsM.write(t); plant('csv/columns (+ riconciliazione)'); break;
        default: tsM.write(t.replace(';Mario Rossi;', ';;')); calM.write(c); plant('field/required (+ riconciliazione)'); break;
      }
    }
    slot++;
    if (slot === SLOTS.length) {
      slot = 0;
      day++;
    }
  }
  cal.close(); ts.close(); calM.close(); tsM.close();
  return { files: f, planted, doti: Math.ceil(sessions / SESSIONS_PER_COHORT) * GROUP, lastDay: isoFromDay(day) };
}

// ---------------------------------------------------------------- helpers
/**
 * Before each measurement: the disk writes of the one before (a 400 MB import database, the
 * generated files) are flushed first, so they do not slow down the next one.
 */
function settle() {
  spawnSync('sync');
}

function timeSpawn(args, opts = {}) {
  settle();
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const full = useTime ? ['-v', process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, full, { encoding: 'utf8', maxBuffer: 1 << 30, cwd: opts.cwd ?? dir, env: { ...process.env, NO_COLOR: '1', DOTE_OPERATORE: 'bench', ...opts.env } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let rssMb = null;
  if (useTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (m) rssMb = Number(m[1]) / 1024;
  }
  return { seconds, rssMb, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time in ms of `node ARGS` for each command line, the runs of all of them alternated. */
function startup(commands, runs = 10) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((args, j) => {
      const t0 = process.hrtime.bigint();
      spawnSync(process.execPath, args, { cwd: dir, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
      times[j].push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return times.map(median);
}

/** Start-up of `dote --help` and `dote mostra CR-1` against `node -e 0` (issue 9: at most 1,5× and 2×). */
function logStartup(db, runs) {
  const [node0, help, mostra] = startup([['-e', '0'], [BIN, '--help'], [BIN, 'mostra', 'CR-1', '--db', db]], runs);
  log(
    `avvio (mediana di ${runs}, alternati): node -e 0 ${fmtInt(node0)} ms; dote --help ${fmtInt(help)} ms (${fmt2(help / node0)}×, obiettivo ≤ 1,5×); ` +
      `dote mostra CR-1 ${fmtInt(mostra)} ms (${fmt2(mostra / node0)}×, obiettivo ≤ 2×)`,
  );
}

async function csvParseAlone(files) {
  settle();
  const { parse } = require('csv-parse');
  let records = 0;
  const t0 = process.hrtime.bigint();
  for (const file of files) {
    await new Promise((resolve, reject) => {
      const p = createReadStream(file).pipe(parse({ delimiter: ';', info: true, relax_column_count: true, skip_empty_lines: false }));
      p.on('data', () => records++);
      p.on('end', resolve);
      p.on('error', reject);
    });
  }
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, records };
}

/**
 * `dote stampa registro` of a dote with 1.000 EROGATA deliveries (issue 10: under 1 s including
 * start-up, under 300 KiB): wall time of the whole command, median of 3, with pages and size.
 */
function benchRegistro() {
  const db = path.join(dir, 'registro.db');
  setupDatabase(db, 1);
  const Database = require('better-sqlite3');
  const d = new Database(db);
  const now = new Date().toISOString();
  const servizi = ['QD1', 'QD2', 'QD3', 'Q0C', 'QT8', 'QT7', 'QT6'];
  d.transaction(() => {
    const ins = d.prepare(
      `INSERT INTO erogazione (dote_id, servizio, data, inizio, fine, professionista_id, sede_id, descrizione, stato, registrata_il, creata_il, aggiornata_il)
       VALUES ('CR-1', ?, ?, ?, ?, 1, 1, ?, 'EROGATA', ?, ?, ?)`,
    );
    let day = dayNumber('2021-01-04');
    let n = 0;
    while (n < 1000) {
      if (weekday(day) < 5 && !holidayName(day, null)) {
        for (const start of [540, 660, 900]) {
          if (n === 1000) break;
          const data = isoFromDay(day);
          ins.run(servizi[n % servizi.length], data, start, start + 90, `Colloquio ${n + 1}: aggiornamento del percorso e verifica degli obiettivi`, data, now, now);
          n++;
        }
      }
      day++;
    }
  })();
  d.close();
  const runs = [];
  let doc = null;
  for (let i = 0; i < 3; i++) {
    const file = path.join(dir, `registro-${i}.pdf`);
    const r = timeSpawn([BIN, 'stampa', 'registro', 'CR-1', '-o', file, '--db', db, '--oggi', OGGI, '--json']);
    if (r.status !== 0) {
      log(`dote stampa registro: stato ${r.status}: ${r.stderr.split('\n')[0]}`);
      return;
    }
    doc = JSON.parse(r.stdout);
    runs.push(r.seconds);
  }
  log(
    `dote stampa registro, 1.000 erogazioni (avvio compreso), 3 volte: ${runs.map(fmt2).join(' / ')} s, mediana ${fmt2(median(runs))} s (obiettivo < 1 s); ` +
      `${fmtInt(doc.pagine)} pagine, ${fmtInt(doc.bytes / 1024)} KiB (obiettivo < 300 KiB)`,
  );
}

/**
 * Issue 12 point 5: memory does not grow with the number of findings. A 200.000-row calendar
 * whose every row breaks field/date (date cells left in General format: serial numbers), checked
 * by `verifica` and imported by `importa` (refused), each with --json and with text to /dev/null:
 * wall time, findings and peak RSS (target < 250 MB whatever the number of findings). Env:
 * BENCH_FINDINGS_ROWS (default 200000); BENCH_SOLO=segnalazioni runs this case alone.
 */
function benchFindings() {
  const rows = Number(process.env.BENCH_FINDINGS_ROWS ?? 200_000);
  const file = path.join(dir, 'tutte-sbagliate', 'calendario.csv');
  execFileSync('mkdir', ['-p', path.dirname(file)]);
  const out = new Out(file);
  out.write('id_dote;servizio;data;ora_inizio;ora_fine;ore;professionista;sede;descrizione\n');
  for (let i = 0; i < rows; i++) out.write(`CR-${(i % 20) + 1};QD1;${44562 + (i % 300)};09:00;10:00;1;Mario Rossi;Cremona;colloquio individuale\n`);
  out.close();
  const db = path.join(dir, 'segnalazioni.db');
  setupDatabase(db, 20);
  log(`${fmtInt(rows)} righe tutte con un errore (field/date), ${fmt1(mb(statSync(file).size))} MB; uscita su /dev/null:`);
  const useTime = existsSync('/usr/bin/time');
  // Without GNU time, a preload reports the process's own peak (threads included) when it exits.
  const preload = path.join(dir, 'maxrss.cjs');
  if (!useTime) execFileSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(preload)}, "process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\\\n'))")`]);
  for (const [label, args] of [
    ['verifica --json', ['verifica', file, '--json']],
    ['verifica (testo, --tutte)', ['verifica', file, '--tutte']],
    ['importa --json', ['importa', file, '--json', '--db', db]],
    ['importa (testo, --tutte)', ['importa', file, '--tutte', '--db', db]],
  ]) {
    settle();
    const nul = openSync('/dev/null', 'w');
    const node = useTime ? ['-v', process.execPath, BIN] : ['-r', preload, BIN];
    const t1 = process.hrtime.bigint();
    const r = spawnSync(useTime ? '/usr/bin/time' : process.execPath, [...node, ...args, '--oggi', OGGI], {
      cwd: dir,
      stdio: ['ignore', nul, 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', DOTE_OPERATORE: 'bench' },
    });
    const seconds = Number(process.hrtime.bigint() - t1) / 1e9;
    closeSync(nul);
    const m = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) : /maxrss (\d+)/.exec(r.stderr);
    const rss = m ? Number(m[1]) / 1024 : null;
    log(`  dote ${label.padEnd(26)} stato ${r.status}, ${fmt2(seconds)} s, RSS massimo ${rss === null ? 'n/d' : `${fmtInt(rss)} MB`} (obiettivo < 250 MB)`);
  }
  const json = spawnSync(process.execPath, [BIN, 'verifica', file, '--json', '--oggi', OGGI], { cwd: dir, maxBuffer: 1 << 30 }).stdout;
  log(`  ${fmtInt(JSON.parse(json).diagnostics.length)} segnalazioni nel JSON (${fmt1(mb(json.length))} MB)`);
}

/**
 * The same batch commands on a PostgreSQL server (issue 14: `importa` at least 100.000 rows/s,
 * beside SQLite's; `verifica` with the server's context): a throwaway server started in the
 * bench folder by test/postgres/server.sh (as the tests do), the bench's 20.000 doti moved into
 * it with `dote migra-a`, then `verifica` of the messy files and `importa` of the clean ones.
 * Skipped when PostgreSQL is not installed. The server runs with fsync off, as for the tests: the
 * rate is the program's and the server's work, not the disk's.
 */
function benchPostgres(g, ref) {
  if (spawnSync('bash', ['-c', 'command -v initdb || ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' }).status !== 0) {
    log('PostgreSQL non installato: misure sul server saltate (apt-get install -y postgresql)');
    return;
  }
  // Outside the bench folder (owner-only): the server runs as the postgres user when root.
  const pgDir = mkdtempSync(path.join(tmpdir(), 'dote-bench-pg-'));
  rmdirSync(pgDir); // server.sh makes it, owned by the server's user
  const server = execFileSync('bash', [path.join(ROOT, 'test', 'postgres', 'server.sh'), 'start', pgDir], { encoding: 'utf8' }).trim();
  try {
    const url = (name) => {
      const u = new URL(server);
      u.pathname = `/${name}`;
      return u.toString();
    };
    const fresh = (name) => {
      execFileSync('psql', [server, '-X', '-q', '-c', `CREATE DATABASE ${name}`]);
      const file = path.join(dir, `${name}.db`);
      setupDatabase(file, g.doti);
      const m = timeSpawn([BIN, 'migra-a', url(name), '--db', file, '--json']);
      if (m.status !== 0) throw new Error(m.stderr);
      rmSync(file, { force: true });
      return url(name);
    };
    const verificaDb = fresh('bench_verifica');
    const r = timeSpawn([BIN, 'verifica', g.files.calMessy, g.files.tsMessy, '--json', '--oggi', OGGI, '--db', verificaDb]);
    if (r.status === 2) throw new Error(r.stderr);
    const findings = JSON.parse(r.stdout).diagnostics.length;
    log(
      `PostgreSQL: dote verifica con il database sul server: ${fmt2(r.seconds)} s, ${fmtInt(totalRows / r.seconds)} righe/s, ${fmt2(r.seconds / ref.seconds)}× csv-parse, ` +
        `RSS massimo ${r.rssMb === null ? 'n/d' : `${fmtInt(r.rssMb)} MB`}; ${fmtInt(findings)} segnalazioni`,
    );
    // Three runs, each into a new database, as for the file; the median.
    const runs = [1, 2, 3].map((k) => {
      const importDb = fresh(`bench_importa_${k}`);
      const imp = timeSpawn([BIN, 'importa', g.files.cal, g.files.ts, '--db', importDb, '--oggi', OGGI, '--json']);
      if (imp.status !== 0) throw new Error(imp.stderr.split('\n')[0]);
      return { ...imp, doc: JSON.parse(imp.stdout) };
    });
    const med = median(runs.map((r) => r.seconds));
    const rss = Math.max(...runs.map((r) => r.rssMb ?? 0)) || null;
    log(
      `PostgreSQL: dote importa (file puliti, database nuovo sul server), 3 volte: ${runs.map((r) => fmt2(r.seconds)).join(' / ')} s, mediana ${fmt2(med)} s, ` +
        `${fmtInt(totalRows / med)} righe/s (obiettivo ≥ 100.000), RSS massimo ${rss === null ? 'n/d' : `${fmtInt(rss)} MB`}; importate ${fmtInt(runs[2].doc.import.totale.importate)}`,
    );
  } finally {
    spawnSync('bash', [path.join(ROOT, 'test', 'postgres', 'server.sh'), 'stop', pgDir], { stdio: 'ignore' });
    rmSync(pgDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- run
if (process.env.BENCH_SOLO === 'registro') {
  benchRegistro();
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
if (process.env.BENCH_SOLO === 'segnalazioni') {
  benchFindings();
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
if (process.env.BENCH_SOLO === 'avvio') {
  // The database of the full run (20.000 doti for 1.000.000 rows), without the files.
  const db = path.join(dir, 'bench.db');
  setupDatabase(db, Math.ceil(Math.ceil(ROWS / GROUP) / SESSIONS_PER_COHORT) * GROUP);
  logStartup(db, 30);
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
log(`Benchmark di dote: ${fmtInt(ROWS)} righe di timesheet + ${fmtInt(ROWS)} di calendario (cartella ${dir})`);
let t0 = Date.now();
const g = generate();
const bytes = statSync(g.files.ts).size + statSync(g.files.cal).size;
const bytesMessy = statSync(g.files.tsMessy).size + statSync(g.files.calMessy).size;
log(`dati generati in ${fmt1((Date.now() - t0) / 1000)} s: timesheet ${fmt1(mb(statSync(g.files.ts).size))} MB, calendario ${fmt1(mb(statSync(g.files.cal).size))} MB, ${fmtInt(g.doti)} doti, fino al ${g.lastDay}`);
log(`errori piantati nei file "messy": ${Object.entries(g.planted).map(([k, v]) => `${k} ${v}`).join(', ')}`);
log();

const totalRows = 2 * ROWS;
const ref = await csvParseAlone([g.files.calMessy, g.files.tsMessy]);
log(`csv-parse da solo (info: true), entrambi i file: ${fmt2(ref.seconds)} s, ${fmtInt(ref.records / ref.seconds)} record/s, ${fmt1(mb(bytesMessy) / ref.seconds)} MB/s`);
if (process.env.BENCH_SOLO === 'postgres') {
  benchPostgres(g, ref);
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const db = path.join(dir, 'bench.db');
setupDatabase(db, g.doti);

function verifica(label, extra) {
  const r = timeSpawn([BIN, 'verifica', g.files.calMessy, g.files.tsMessy, '--json', '--oggi', OGGI, ...extra]);
  if (r.status === 2) throw new Error(r.stderr);
  const doc = JSON.parse(r.stdout);
  const byRule = {};
  for (const d of doc.diagnostics) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
  log(
    `dote verifica ${label}: ${fmt2(r.seconds)} s, ${fmtInt(totalRows / r.seconds)} righe/s, ${fmt1(mb(bytesMessy) / r.seconds)} MB/s, ` +
      `${fmt2(r.seconds / ref.seconds)}× csv-parse, RSS massimo ${r.rssMb === null ? 'n/d' : `${fmtInt(r.rssMb)} MB`}`,
  );
  log(`  ${fmtInt(doc.summary.rows)} righe lette (csv-parse: ${fmtInt(ref.records)} record con intestazioni e righe vuote), ${fmtInt(doc.diagnostics.length)} segnalazioni: ${Object.entries(byRule).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return r;
}
verifica('senza database', []);
verifica('con database  ', ['--db', db]);

// The same file for dote and Miller: the timesheet alone. Both take under two seconds and vary
// by ±15% from run to run on this 2-core machine, so each runs three times, alternating, and the
// medians are compared.
const hasMiller = spawnSync('mlr', ['--version'], { stdio: 'ignore' }).status === 0;
const tsRuns = [];
const mlrRuns = [];
for (let i = 0; i < 3; i++) {
  tsRuns.push(timeSpawn([BIN, 'verifica', g.files.ts, '--json', '--oggi', OGGI]));
  if (hasMiller) {
    const args = ['--icsv', '--ifs', ';', '--ocsv', 'stats1', '-a', 'sum', '-f', 'ore', '-g', 'professionista,data', g.files.ts];
    settle();
    const t1 = process.hrtime.bigint();
    const m = spawnSync('/usr/bin/time', ['-v', 'mlr', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(m.stderr);
    mlrRuns.push({ seconds: Number(process.hrtime.bigint() - t1) / 1e9, rssMb: rss ? Number(rss[1]) / 1024 : null });
  }
}
const secs = (runs) => runs.map((r) => fmt2(r.seconds)).join(' / ');
const vTs = { seconds: median(tsRuns.map((r) => r.seconds)), rssMb: Math.max(...tsRuns.map((r) => r.rssMb ?? 0)) || null };
log(`dote verifica del solo timesheet (pulito), 3 volte: ${secs(tsRuns)} s, mediana ${fmt2(vTs.seconds)} s, ${fmtInt(ROWS / vTs.seconds)} righe/s, RSS massimo ${vTs.rssMb === null ? 'n/d' : `${fmtInt(vTs.rssMb)} MB`}`);
if (hasMiller) {
  const s = median(mlrRuns.map((r) => r.seconds));
  const rss = Math.max(...mlrRuns.map((r) => r.rssMb ?? 0)) || null;
  log(`Miller, ore per professionista per giorno (solo timesheet), 3 volte: ${secs(mlrRuns)} s, mediana ${fmt2(s)} s, RSS ${rss ? `${fmtInt(rss)} MB` : 'n/d'}; dote verifica dello stesso file: ${fmt2(vTs.seconds / s)}× Miller (mediane)`);
} else {
  log('Miller (mlr) non installato: confronto saltato (apt-get install -y miller)');
}

// Import into a fresh database, three times (it varies by ±5% from run to run here): each run
// printed, the median compared with the target.
const imports = [];
let dbImport = null;
for (let i = 0; i < 3; i++) {
  dbImport = path.join(dir, `import-${i}.db`);
  setupDatabase(dbImport, g.doti);
  const imp = timeSpawn([BIN, 'importa', g.files.cal, g.files.ts, '--db', dbImport, '--oggi', OGGI, '--json']);
  if (imp.status !== 0) {
    log(`dote importa: stato ${imp.status}: ${imp.stderr.split('\n')[0]}`);
    try {
      const doc = JSON.parse(imp.stdout);
      log(`  ${doc.diagnostics.slice(0, 5).map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`).join('\n  ')}`);
    } catch {}
    break;
  }
  imp.doc = JSON.parse(imp.stdout);
  imports.push(imp);
  if (i < 2) rmSync(dbImport, { force: true });
}
if (imports.length === 3) {
  const med = median(imports.map((r) => r.seconds));
  const rss = Math.max(...imports.map((r) => r.rssMb ?? 0)) || null;
  log(
    `dote importa (file puliti, database nuovo), 3 volte: ${imports.map((r) => fmt2(r.seconds)).join(' / ')} s, mediana ${fmt2(med)} s, ` +
      `${fmtInt(totalRows / med)} righe/s, RSS massimo ${rss === null ? 'n/d' : `${fmtInt(rss)} MB`}; importate ${fmtInt(imports[2].doc.import.totale.importate)}`,
  );
  const again = timeSpawn([BIN, 'importa', g.files.cal, g.files.ts, '--db', dbImport, '--oggi', OGGI, '--json']);
  const doc2 = JSON.parse(again.stdout);
  log(`dote importa di nuovo (tutto già presente): ${fmt2(again.seconds)} s, ${fmtInt(totalRows / again.seconds)} righe/s; già presenti ${fmtInt(doc2.import.totale.presenti)}`);
}

benchPostgres(g, ref);

log();
logStartup(db, 10);
benchRegistro();
benchFindings();

if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
else log(`file conservati in ${dir}`);
