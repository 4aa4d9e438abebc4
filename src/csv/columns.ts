/**
 * The CSV columns of calendars and timesheets (docs/csv.md, Colonne): canonical names, aliases,
 * and which are required. Header names match case-, accent- and space-insensitively, and an alias
 * is as good as the name: `Data Erogazione`, `MODALITÀ_EROGAZIONE`, `Ora inizio` all match.
 */

export type FileKind = 'calendario' | 'timesheet';

export type ColumnName =
  | 'id_dote'
  | 'servizio'
  | 'data'
  | 'ora_inizio'
  | 'ora_fine'
  | 'ore'
  | 'professionista'
  | 'codice_fiscale'
  | 'modalita'
  | 'gruppo'
  | 'sede'
  | 'descrizione'
  | 'registrata_il'
  | 'fascia'
  | 'tipo_dote';

export interface ColumnSpec {
  name: ColumnName;
  aliases: readonly string[];
  required: boolean;
}

/** In the order of docs/comandi.md's table. Required columns are the same for both kinds. */
export const COLUMNS: readonly ColumnSpec[] = [
  { name: 'id_dote', aliases: ['dote', 'codice_opal', 'opal', 'id_voucher', 'id_pip', 'pip'], required: true },
  { name: 'servizio', aliases: ['codice_servizio', 'voce', 'voce_di_spesa', 'codice'], required: true },
  { name: 'data', aliases: ['data_erogazione', 'giorno'], required: true },
  { name: 'ora_inizio', aliases: ['inizio', 'dalle'], required: true },
  { name: 'ora_fine', aliases: ['fine', 'alle'], required: true },
  { name: 'ore', aliases: ['durata', 'totale_ore'], required: false },
  { name: 'professionista', aliases: ['operatore', 'coach', 'docente'], required: true },
  { name: 'codice_fiscale', aliases: ['cf', 'cf_destinatario'], required: false },
  { name: 'modalita', aliases: ['modalità_erogazione'], required: false },
  { name: 'gruppo', aliases: ['individuale_collettiva'], required: false },
  { name: 'sede', aliases: ['sportello'], required: false },
  { name: 'descrizione', aliases: ['attivita', 'note'], required: false },
  { name: 'registrata_il', aliases: ['data_inserimento'], required: false },
  { name: 'fascia', aliases: [], required: false },
  { name: 'tipo_dote', aliases: [], required: false },
];

/** `MODALITÀ_EROGAZIONE` → `modalitaerogazione`: no case, accents, spaces, `_`, `-` or `.`. */
export function normalizeHeaderName(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_.\-]+/g, '');
}

const BY_NORMALIZED: ReadonlyMap<string, ColumnName> = new Map(
  COLUMNS.flatMap((c) => [c.name, ...c.aliases].map((n) => [normalizeHeaderName(n), c.name] as [string, ColumnName])),
);

export interface HeaderMatch {
  /** Field index of each recognised column. */
  index: Partial<Record<ColumnName, number>>;
  /** Header cells (as written) that match no column: ignored, with a warning. */
  unknown: string[];
  /** Required columns not found. */
  missing: ColumnName[];
  /** Columns named twice (by name or alias): the first is used. */
  duplicates: { column: ColumnName; names: string[] }[];
  fieldCount: number;
}

export function matchHeader(cells: readonly string[]): HeaderMatch {
  const index: Partial<Record<ColumnName, number>> = {};
  const names: Partial<Record<ColumnName, string[]>> = {};
  const unknown: string[] = [];
  cells.forEach((raw, i) => {
    const cell = raw.trim();
    const norm = normalizeHeaderName(cell);
    // Spreadsheets often export empty trailing header cells: they name nothing.
    if (!norm) return;
    const col = BY_NORMALIZED.get(norm);
    if (!col) {
      unknown.push(cell);
      return;
    }
    (names[col] ??= []).push(cell);
    if (index[col] === undefined) index[col] = i;
  });
  const missing = COLUMNS.filter((c) => c.required && index[c.name] === undefined).map((c) => c.name);
  const duplicates = (Object.entries(names) as [ColumnName, string[]][]).filter(([, n]) => n.length > 1).map(([column, n]) => ({ column, names: n }));
  return { index, unknown, missing, duplicates, fieldCount: cells.length };
}

/**
 * A file's kind when no option says it: a name containing `timesheet` or `foglio` (any case) is
 * a timesheet, any other a calendar (docs/comandi.md).
 */
export function kindFromName(path: string): FileKind {
  const base = path.split(/[\\/]/).pop() ?? path;
  return /timesheet|foglio/i.test(base) ? 'timesheet' : 'calendario';
}
