/**
 * The batch checker behind `dote verifica` and `dote importa`: reads any number of calendars and
 * timesheets in one streaming pass each (constant memory per file), turns every record into a
 * DeliveryRow with the line where it starts, and streams the rows through the delivery rules
 * (src/rules/engine.ts), the per-file timesheet rules and the cross-file reconciliation.
 *
 * Every rule runs with the settings of the row's bando (README "Regole"): `--bando`, else the
 * database's dote, else the CSV's `tipo_dote`, else the service code (JC-… is veneto-jc-2022,
 * Q… cremona-2021). Findings about the file itself (encoding, quoting, header) use `--bando` or,
 * without it, error: both shipped bandi make every csv/* and field/* rule an error.
 *
 * Synchronous on purpose: the file is read in 1 MiB chunks with readSync, so there is no event
 * loop work per chunk, and importa can run the whole call in one SQLite transaction.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Bando, Modalita, RegolaSetting } from '../bandi/schema.js';
import type { Catalogues } from '../bandi/load.js';
import type { DeliveryRow, Finding, Messages, RuleMeta, Said, Severity } from '../rules/types.js';
import { isSaid } from '../rules/types.js';
import { createRuleRunner, makeEnv, settingOf } from '../rules/engine.js';
import { UsageError } from '../errors.js';
import { osReason } from '../os-errors.js';
import { detectEncoding, type TextEncoding } from '../csv/encoding.js';
import { CsvSplitter, detectDelimiter, type CsvRecord } from '../csv/split.js';
import { matchHeader, type ColumnName, type FileKind } from '../csv/columns.js';
import { normalizeName } from '../domain/names.js';
import { parseModalita } from '../domain/modalita.js';
import { parseFascia } from '../domain/fascia.js';
import { detach, interner, lastValueCache } from '../csv/strings.js';
import { csvEncoding } from '../rules/csv-encoding.js';
import { csvSyntax } from '../rules/csv-syntax.js';
import { csvHeader } from '../rules/csv-header.js';
import { csvColumns } from '../rules/csv-columns.js';
import { csvBlankRow } from '../rules/csv-blank-row.js';
import { fieldDate } from '../rules/field-date.js';
import { fieldTime } from '../rules/field-time.js';
import { fieldHours } from '../rules/field-hours.js';
import { fieldRequired } from '../rules/field-required.js';
import { fieldText, TEXT_COLUMNS } from '../rules/field-text.js';
import { fieldCodiceFiscale } from '../rules/field-codice-fiscale.js';
import { fieldValue } from '../rules/field-value.js';
import { importConflict } from '../rules/import-conflict.js';
import { Reconciler } from './reconcile.js';
import { FindingStore, type Diagnostic, type Findings } from './findings.js';
import type { BatchContext } from '../db/batch-context.js';

export interface BatchFile {
  /** The path as given on the command line (shown in diagnostics). */
  path: string;
  kind: FileKind;
  /** The kind comes from the file's name (no --calendario / --timesheet): checked against the content. */
  kindFromName?: boolean;
}

/** What a row carries beyond the rules' DeliveryRow, for importa. */
export interface RowExtra {
  fileIndex: number;
  professionistaId: number | undefined;
  sedeId: number | null | undefined;
  descrizione: string | null;
  /** The row's own `registrata_il`, or null (importa then records --oggi). */
  registrataIl: string | null;
}

/** Reports a finding of `rule` about the row being read, with the bando's severity. */
export type ReportFn = <M extends Messages>(rule: RuleMeta<M>, said: Said<M>, column?: string) => void;

/** Receives every readable row (importa writes it; verifica with a database only checks it). */
export interface RowSink {
  /** Called before the rules see the row; sets `r.giaNelDatabase` when the database holds it. */
  row(r: DeliveryRow, extra: RowExtra, bando: Bando | undefined, report: ReportFn): void;
  /** After the last row of the last file. */
  end?(): void;
  /** How many recorded rows the rows of file `fi` change (csvHeader.checkKind). */
  updatesIn?(fi: number): number;
}

export interface BatchOptions {
  cats: Catalogues;
  bando?: Bando;
  db?: BatchContext;
  oggi: string;
  /** importa records rows without `registrata_il` as registered today (docs/comandi.md). */
  mode: 'verifica' | 'importa';
  sink?: RowSink;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

export interface FileReport {
  file: string;
  kind: FileKind;
  rows: number;
  errors: number;
  warnings: number;
  encoding: TextEncoding | null;
  delimiter: string | null;
  /**
   * importa: calendar rows with no `registrata_il`, recorded as registered today (--oggi), so
   * that calendar/late-entry measures their delay from today (verifica skips it for them).
   */
  registrateOggi?: number;
}

export type { Diagnostic, Findings };

export interface BatchResult {
  files: FileReport[];
  /** Sorted by file then line; kept on disk past a few thousand (src/check/findings.ts). */
  diagnostics: Findings;
  skipped: { rule: string; reason: string }[];
  summary: { files: number; rows: number; errors: number; warnings: number };
}

const READ_SIZE = 64 * 1024;

/** About how many rows the files hold (a calendar or timesheet row is about 100 bytes). */
export function estimateRows(files: readonly BatchFile[]): number {
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f.path).size;
    } catch {
      // reported when the file is opened
    }
  }
  return Math.round(bytes / 100);
}

const DEFAULT_SETTING: RegolaSetting = { severita: 'error', parametri: {} };



/** "mario  ROSSI" → "Mario Rossi": one key per professional whatever the case, readable in messages. */
function nameKey(s: string): string {
  return normalizeName(s).replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** The first line with something on it, or null when the text may not hold it yet. */
function firstContentLine(text: string, final: boolean): string | null {
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(pos, end).replace(/\r/g, '');
    if (nl === -1 && !final) return null;
    if (line.trim().length) return line;
    if (nl === -1) return final ? '' : null;
    pos = nl + 1;
  }
}

function openFailure(path: string, e: unknown): UsageError {
  return new UsageError(`${path}: impossibile aprire il file (${osReason(e, path)?.reason ?? 'file non leggibile'})`);
}

const require = createRequire(import.meta.url);

/** importa: a calendar row without `registrata_il` is registered today (FileReport.registrateOggi). */
function registeredToday(report: FileReport, oggi: string): string {
  report.registrateOggi = (report.registrateOggi ?? 0) + 1;
  return oggi;
}

function decoderFor(encoding: TextEncoding): (buf: Buffer, final: boolean) => string {
  if (encoding === 'utf-8') {
    // Drops a BOM at the start; keeps multi-byte characters split across chunks.
    const d = new TextDecoder('utf-8');
    return (buf, final) => d.decode(buf, { stream: !final });
  }
  const iconv = require('iconv-lite') as typeof import('iconv-lite');
  const d = iconv.getDecoder('windows-1252');
  return (buf, final) => d.write(buf) + (final ? (d.end() ?? '') : '');
}

export function checkBatch(files: readonly BatchFile[], o: BatchOptions): BatchResult {
  // A file that cannot be opened is a usage problem (exit 2), found before any output.
  let totalBytes = 0;
  for (const f of files) {
    try {
      const st = statSync(f.path);
      if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      closeSync(openSync(f.path, 'r'));
      totalBytes += st.size;
    } catch (e) {
      throw openFailure(f.path, e);
    }
  }

  const { cats, db } = o;
  const fileIndex = new Map<string, number>();
  files.forEach((f, i) => {
    if (!fileIndex.has(f.path)) fileIndex.set(f.path, i);
  });
  const diags = new FindingStore();
  const reports: FileReport[] = [];
  let errors = 0;
  let warnings = 0;
  const skipped = new Map<string, { rule: string; reason: string }>();
  const skip = (rule: string, reason: string) => {
    const k = `${rule}\u0000${reason}`;
    if (!skipped.has(k)) skipped.set(k, { rule, reason });
  };

  // The bando of a row, cached: --bando, the database's dote, tipo_dote, the service code.
  const byServizio = new Map<string, Bando | undefined>();
  const byTipo = new Map<string, Bando | undefined>();
  const bandoFor = (doteId: string, servizio: string, tipoDote: string | null | undefined): Bando | undefined => {
    if (o.bando) return o.bando;
    if (db) {
      const info = db.dote(doteId);
      if (info) return info.bando;
    }
    if (tipoDote) {
      let b = byTipo.get(tipoDote);
      if (b === undefined && !byTipo.has(tipoDote)) {
        b = cats.bandoOfTipo(tipoDote);
        byTipo.set(tipoDote, b);
      }
      if (b) return b;
    }
    let b = byServizio.get(servizio);
    if (b === undefined && !byServizio.has(servizio)) {
      b = cats.bandoOfServizio(servizio);
      byServizio.set(servizio, b);
    }
    return b;
  };
  // Every rule asks for the bando of the row being checked: one entry of cache is enough.
  let lastRow: DeliveryRow | null = null;
  let lastBando: Bando | undefined;
  const bandoOf = (r: DeliveryRow): Bando | undefined => {
    if (r !== lastRow) {
      lastRow = r;
      lastBando = bandoFor(r.doteId, r.servizio, r.tipoDote);
    }
    return lastBando;
  };
  const settingFor = (bando: Bando | undefined, rule: string): RegolaSetting | null => {
    if (bando) return settingOf(bando, rule);
    if (o.bando) return settingOf(o.bando, rule);
    return DEFAULT_SETTING;
  };
  const settingsCache = new Map<Bando | undefined, Map<string, RegolaSetting | null>>();
  const cachedSetting = (bando: Bando | undefined, rule: string): RegolaSetting | null => {
    let m = settingsCache.get(bando);
    if (!m) {
      m = new Map();
      settingsCache.set(bando, m);
    }
    let s = m.get(rule);
    if (s === undefined) {
      s = settingFor(bando, rule);
      m.set(rule, s);
    }
    return s;
  };

  const push = (fi: number, file: string, line: number, rule: string, severity: Severity, message: string, column?: string | null) => {
    diags.add(fi, { file, line, rule, severity, message: detach(message), column: column ?? null });
    const r = reports[fi];
    if (severity === 'error') {
      errors++;
      if (r) r.errors++;
    } else {
      warnings++;
      if (r) r.warnings++;
    }
  };
  const env = makeEnv({
    oggi: o.oggi,
    bandoOf,
    dote: db ? db.dote : undefined,
    hasDatabase: Boolean(db),
    giaRegistrate: db ? (doteId, kind, servizio, collettiva) => db.giaRegistrate(doteId, kind, servizio, collettiva) : undefined,
    minutiPersona: db ? (cf, kind, fromDay, toDay) => db.minutiPersona(cf, kind, fromDay, toDay) : undefined,
    erogazioniDelGiorno: db ? (prof, day) => db.erogazioniDelGiorno(prof, day) : undefined,
    timesheetDelGiorno: db ? (prof, day) => db.timesheetDelGiorno(prof, day) : undefined,
    rigaTimesheet: db ? (id) => db.rigaTimesheet(id) : undefined,
    patronoOf: db ? (sede) => (sede ? (db.sede(sede)?.patrono ?? null) : null) : undefined,
    onFinding(f: Finding, row: DeliveryRow) {
      push(fileIndex.get(row.file) ?? 0, row.file, f.line ?? row.line, f.rule, f.severity, f.message, f.column);
    },
    onSkip: skip,
  });
  const runner = createRuleRunner(env);

  const hasCal = files.some((f) => f.kind === 'calendario');
  const hasTs = files.some((f) => f.kind === 'timesheet');
  const profNames = new Map<string, string>();
  const reconciler = hasCal && hasTs ? new Reconciler((b, rule) => cachedSetting(b, rule), (key) => profNames.get(key) ?? key, { database: Boolean(db), skip }) : null;
  if (hasTs && !hasCal) {
    for (const rule of ['reconcile/missing-timesheet', 'reconcile/missing-calendar', 'reconcile/total']) {
      skip(rule, 'nessun calendario nella stessa verifica: i timesheet non si riconciliano');
    }
  }
  if (!db) {
    skip(fieldValue.id, 'dote, professionisti e sedi non verificabili: nessun database');
    skip(importConflict.id, 'stato delle doti ed erogazioni già registrate sconosciuti: nessun database');
  }

  const parseDate = fieldDate.parser();
  // One parser (and cache) per column: each remembers the value of the row before, and a
  // session's rows repeat their start and end.
  const parseStart = fieldTime.parser();
  const parseEnd = fieldTime.parser();
  const parseHours = fieldHours.parser();
  const checkCf = fieldCodiceFiscale.checker(o.oggi);
  // Values that outlive their row are detached from the chunk they were read from (csv/strings.ts).
  const keep = interner();
  // Codes and words as written, to what they mean; each remembers the row before (rows repeat them).
  // One cache per column: a single one would alternate between the service and the dote type of
  // each row and never find the value of the row before.
  const toUpper = (raw: string) => detach(raw.toUpperCase());
  const servizioOf = lastValueCache(toUpper);
  const tipoOf = lastValueCache(toUpper);
  const modalitaOf = lastValueCache((raw) => fieldValue.modalita(raw));
  const gruppoOf = lastValueCache((raw) => fieldValue.gruppo(raw));
  type ProfKey = { key: string; id: number | undefined; unknown: boolean };
  const profKeys = new Map<string, ProfKey>();
  const lastProf: { raw: string; prof: ProfKey | undefined } = { raw: '', prof: undefined };
  const tipi = new Set(cats.bandi.flatMap((b) => b.tipi.map((t) => t.codice)));

  let doneBytes = 0;
  // 64 KiB of text at a time: strings this small live and die in V8's young generation. With
  // 1 MiB chunks every chunk's text (and its copy when a record spans two chunks) lands in the
  // large-object space, which only a full collection frees, and a 100 MB file grew the process
  // past 350 MB.
  const buf = Buffer.allocUnsafe(READ_SIZE);

  files.forEach((file, fi) => {
    const display = file.path;
    const report: FileReport = { file: display, kind: file.kind, rows: 0, errors: 0, warnings: 0, encoding: null, delimiter: null };
    reports.push(report);
    const fileRule = <M extends Messages>(rule: RuleMeta<M>, line: number, said: Said<M>, severity?: Severity) => {
      const s = cachedSetting(undefined, rule.id);
      if (!s) return;
      push(fi, display, line, rule.id, severity ?? s.severita, rule.messages[said.messageId]!(said.data));
    };

    const enc = detectEncoding(file.path);
    const encodingProblem = csvEncoding.check(enc);
    if (encodingProblem) {
      fileRule(csvEncoding, encodingProblem.line, encodingProblem);
      doneBytes += enc.bytes;
      o.onProgress?.(doneBytes, totalBytes);
      return;
    }
    report.encoding = enc.encoding;

    let headerSeen = false;
    let headerLine = 1;
    let broken = false;
    let fieldCount = 0;
    let col: Partial<Record<ColumnName, number>> = {};
    let blankFrom = 0;
    let blankTo = 0;
    const kind = file.kind;
    // The first two professionals of the file, for csvHeader.checkKind (a name-given kind only).
    const professionisti: string[] = [];

    // Column indexes, -1 when absent (set from the header).
    let iDote = -1, iServ = -1, iData = -1, iIni = -1, iFine = -1, iOre = -1, iProf = -1, iCf = -1;
    let iMod = -1, iGru = -1, iSede = -1, iDesc = -1, iReg = -1, iFascia = -1, iTipo = -1;
    let iText: number[] = [];
    const get = (rec: CsvRecord, i: number): string => (i < 0 ? '' : rec.trimmed(i));

    const onHeader = (rec: CsvRecord, line: number) => {
      headerSeen = true;
      headerLine = line;
      const h = matchHeader(rec.toArray());
      fieldCount = h.fieldCount;
      col = h.index;
      const checked = csvHeader.check(h);
      for (const f of checked.findings) fileRule(csvHeader, line, f, f.severity);
      if (!checked.readable) broken = true;
      const at = (c: ColumnName) => col[c] ?? -1;
      iDote = at('id_dote'); iServ = at('servizio'); iData = at('data'); iIni = at('ora_inizio'); iFine = at('ora_fine');
      iOre = at('ore'); iProf = at('professionista'); iCf = at('codice_fiscale'); iMod = at('modalita'); iGru = at('gruppo');
      iSede = at('sede'); iDesc = at('descrizione'); iReg = at('registrata_il'); iFascia = at('fascia'); iTipo = at('tipo_dote');
      iText = TEXT_COLUMNS.map(([c]) => at(c));
    };

    // The row being read, for `rep` (one function for the file, not one per row).
    let rowBando: Bando | undefined;
    let rowLine = 0;
    const rep = <M extends Messages>(rule: RuleMeta<M>, said: Said<M>, column?: string) => {
      const s = cachedSetting(rowBando, rule.id);
      if (s) push(fi, display, rowLine, rule.id, s.severita, rule.messages[said.messageId]!(said.data), column);
    };

    const onRow = (fields: CsvRecord, line: number) => {
      report.rows++;
      if (blankFrom) {
        fileRule(csvBlankRow, blankFrom, csvBlankRow.check(blankFrom, blankTo)!);
        blankFrom = 0;
      }
      const columns = csvColumns.check(fields.count, fieldCount);
      if (columns) {
        fileRule(csvColumns, line, columns);
        return;
      }
      const doteId = keep(get(fields, iDote));
      const servRaw = get(fields, iServ);
      const servizio = servizioOf(servRaw);
      const tipoRaw = get(fields, iTipo);
      const tipoDote = tipoRaw ? tipoOf(tipoRaw) : null;
      const bando = bandoFor(doteId, servizio, tipoDote);
      rowBando = bando;
      rowLine = line;
      let ok = true;
      for (let k = 0; k < TEXT_COLUMNS.length; k++) {
        const f = fieldText.check(TEXT_COLUMNS[k]![0], get(fields, iText[k]!), TEXT_COLUMNS[k]![1]);
        if (!f) continue;
        rep(fieldText, f, f.column);
        // A control character is not quoted back by other rules (README field/text).
        if (f.messageId === 'controllo') ok = false;
      }
      const dataRaw = get(fields, iData);
      const iniRaw = get(fields, iIni);
      const fineRaw = get(fields, iFine);
      const profRaw = get(fields, iProf);
      if (!doteId || !servRaw || !dataRaw || !iniRaw || !fineRaw || !profRaw) {
        const values: [ColumnName, string][] = [['id_dote', doteId], ['servizio', servRaw], ['data', dataRaw], ['ora_inizio', iniRaw], ['ora_fine', fineRaw], ['professionista', profRaw]];
        for (const f of fieldRequired.check(values)) rep(fieldRequired, f, f.column);
        ok = false;
      }
      let day = 0, data = '';
      if (dataRaw) {
        const d = parseDate(dataRaw);
        if (isSaid(d)) {
          rep(fieldDate, fieldDate.at(d, 'data'), 'data');
          ok = false;
        } else {
          day = d.day;
          data = d.iso;
        }
      }
      let inizio = 0, fine = 0;
      let times = 0; // how many of the two times are readable
      if (iniRaw) {
        const t = parseStart(iniRaw);
        if (typeof t !== 'number') {
          rep(fieldTime, t, 'ora_inizio');
          ok = false;
        } else {
          inizio = t;
          times++;
        }
      }
      if (fineRaw) {
        const t = parseEnd(fineRaw);
        if (typeof t !== 'number') {
          rep(fieldTime, t, 'ora_fine');
          ok = false;
        } else {
          fine = t;
          times++;
        }
      }
      const oreRaw = get(fields, iOre);
      if (oreRaw) {
        const h = parseHours(oreRaw);
        if (typeof h !== 'number') rep(fieldHours, h, 'ore');
        // With the end not after the start, time/order says what is wrong.
        else if (times === 2 && fine > inizio) {
          const m = fieldHours.mismatch(oreRaw, h, inizio, fine);
          if (m) rep(fieldHours, m, 'ore');
        }
      }
      let cf: string | null = null;
      const cfRaw = get(fields, iCf);
      if (cfRaw) {
        const c = checkCf(cfRaw);
        if (isSaid(c)) rep(fieldCodiceFiscale, c, 'codice_fiscale');
        else cf = c.cf;
      }
      let modalita: Modalita = 'presenza';
      const modRaw = get(fields, iMod);
      if (modRaw) {
        const m = modalitaOf(modRaw);
        if (typeof m === 'string') modalita = m as Modalita;
        else rep(fieldValue, m, 'modalita');
      }
      let collettiva = false;
      const gruRaw = get(fields, iGru);
      if (gruRaw) {
        const g = gruppoOf(gruRaw);
        if (typeof g === 'boolean') collettiva = g;
        else rep(fieldValue, g, 'gruppo');
      }
      let fascia: number | null = null;
      const fasciaRaw = get(fields, iFascia);
      if (fasciaRaw) {
        const f = fieldValue.fascia(fasciaRaw);
        if (typeof f === 'number') fascia = f;
        else rep(fieldValue, f, 'fascia');
      }
      const tipoProblem = tipoDote ? fieldValue.tipoDote(tipoDote, tipoRaw, tipi) : null;
      if (tipoProblem) rep(fieldValue, tipoProblem, 'tipo_dote');
      let registrataIl: string | null = null;
      let registrataNonValida = false;
      const regRaw = get(fields, iReg);
      if (regRaw) {
        const d = parseDate(regRaw);
        if (isSaid(d)) {
          rep(fieldDate, fieldDate.at(d, 'registrata_il'), 'registrata_il');
          registrataNonValida = true;
        } else registrataIl = d.iso;
      }
      if (!ok) return;

      // The professional as a stable key: the registry code when known, else the name.
      let prof = profRaw === lastProf.raw ? lastProf.prof : profKeys.get(profRaw);
      if (!prof) {
        const ref = db?.professionista(profRaw);
        prof = ref ? { key: ref.codice, id: ref.id, unknown: false } : { key: detach(nameKey(profRaw)), id: undefined, unknown: Boolean(db) };
        if (ref) profNames.set(ref.codice, `${ref.nome} (${ref.codice})`);
        profKeys.set(detach(profRaw), prof);
      }
      lastProf.raw = profRaw;
      lastProf.prof = prof;
      let sedeId: number | null | undefined = null;
      let sedeRaw = get(fields, iSede);
      if (sedeRaw) sedeRaw = keep(sedeRaw);
      if (db) {
        if (!db.dote(doteId)) rep(fieldValue, { messageId: 'doteSconosciuta', data: { dote: doteId } }, 'id_dote');
        if (prof.unknown) rep(fieldValue, { messageId: 'professionistaSconosciuto', data: { testo: profRaw } }, 'professionista');
        if (sedeRaw) {
          const s = db.sede(sedeRaw);
          if (!s) {
            rep(fieldValue, { messageId: 'sedeSconosciuta', data: { testo: sedeRaw } }, 'sede');
            sedeId = undefined;
          } else sedeId = s.id;
        }
      }
      const r: DeliveryRow = {
        kind,
        file: display,
        line,
        doteId,
        servizio,
        data,
        day,
        inizio,
        fine,
        minuti: fine - inizio,
        professionista: prof.key,
        cf,
        modalita,
        collettiva,
        sede: sedeRaw || null,
        registrataIl: registrataIl ?? (o.mode === 'importa' && kind === 'calendario' ? registeredToday(report, o.oggi) : null),
        registrataNonValida,
        fascia,
        tipoDote,
      };
      lastRow = r;
      lastBando = bando;
      // The sink first: it tells the rules how much of the row the database already holds.
      if (file.kindFromName && professionisti.length < 2 && !professionisti.includes(r.professionista)) professionisti.push(r.professionista);
      if (o.sink) {
        const desc = get(fields, iDesc);
        o.sink.row(r, { fileIndex: fi, professionistaId: prof.id, sedeId, descrizione: desc || null, registrataIl }, bando, rep);
      }
      runner.row(r);
      if (reconciler) reconciler.row(r, fi, bando);
    };

    const onRecord = (fields: CsvRecord, line: number) => {
      if (broken) {
        if (!fields.isBlank()) report.rows++;
        return;
      }
      if (fields.isBlank()) {
        if (headerSeen) {
          if (!blankFrom) blankFrom = line;
          blankTo = line;
        }
        return;
      }
      if (!headerSeen) onHeader(fields, line);
      else onRow(fields, line);
    };

    let splitter: CsvSplitter | null = null;
    let pending = '';
    const feed = (text: string, final: boolean) => {
      if (!splitter) {
        pending += text;
        const first = firstContentLine(pending, final);
        if (first === null) return;
        const delim = detectDelimiter(first);
        report.delimiter = delim;
        splitter = new CsvSplitter(delim, onRecord, (e) => {
          fileRule(csvSyntax, e.line, csvSyntax.check(e));
        });
        text = pending;
        pending = '';
      }
      if (text) splitter.push(text);
      if (final) splitter.end();
    };

    const decode = decoderFor(enc.encoding);
    const fd = openSync(file.path, 'r');
    try {
      let pos = 0;
      for (;;) {
        const n = readSync(fd, buf, 0, READ_SIZE, pos);
        if (n <= 0) break;
        pos += n;
        feed(decode(buf.subarray(0, n), false), false);
        doneBytes += n;
        o.onProgress?.(doneBytes, totalBytes);
      }
      feed(decode(Buffer.alloc(0), true), true);
    } finally {
      closeSync(fd);
    }
    if (!headerSeen) fileRule(csvHeader, 1, csvHeader.checkEmpty(kind));
    else if (!broken) {
      const noRows = csvHeader.checkNoRows(report.rows);
      if (noRows) fileRule(csvHeader, headerLine, noRows, noRows.severity);
      const k = file.kindFromName ? csvHeader.checkKind(display, kind, { index: col }, professionisti, o.sink?.updatesIn?.(fi) ?? 0) : null;
      if (k) fileRule(csvHeader, headerLine, k, k.severity);
    }
  });

  o.sink?.end?.();
  runner.end();
  if (reconciler) {
    for (const f of reconciler.finish()) push(f.file, files[f.file]!.path, f.line, f.rule, f.severity, f.message, f.column);
  }

  return {
    files: reports,
    diagnostics: diags,
    skipped: [...skipped.values()].sort((a, b) => a.rule.localeCompare(b.rule)),
    summary: { files: files.length, rows: reports.reduce((s, r) => s + r.rows, 0), errors, warnings },
  };
}
