/**
 * `dote destinatario`: the people who receive a dote. The codice fiscale is validated and gives
 * birth date and sex (stored, so the age at a request date — D1 a priority categories, domain.md —
 * needs no re-decoding). External measures (a disability dote of a previous annualità, DUL,
 * Garanzia Giovani) are recorded here because they count for the repeat rules (domain.md 1.1,
 * "Repeatability": one active dote per person counting similar regional measures; no QD2/Q0C
 * again after a previous disability dote; inserimento/mantenimento not paid twice at the same
 * employer).
 */
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/connection.js';
import { findDestinatario, type DestinatarioRow, type DoteRow } from '../db/repo/lookup.js';
import { RefusedError, UsageError } from '../errors.js';
import { ageOn, checkCodiceFiscale } from '../domain/codice-fiscale.js';
import { formatDateIt } from '../domain/dates.js';
import { optionalText, requiredText } from './registry.js';

export const DISABILITA = ['fisica', 'psichica', 'intellettiva', 'sensoriale', 'plurima'] as const;
export type Disabilita = (typeof DISABILITA)[number];

export const TIPI_MISURA = ['dote-disabili', 'DUL', 'garanzia-giovani'] as const;
export type TipoMisura = (typeof TIPI_MISURA)[number];

/** Options shared by `aggiungi` and `modifica` (text as typed; flags true/false/absent). */
/** A person's fields as the command's schema reads them; absent: unchanged, null: cleared. */
export interface DestinatarioFields {
  nome?: string;
  cognome?: string;
  disabilita?: Disabilita | null;
  l68?: boolean;
  did?: boolean;
  occupato?: boolean;
  ammortizzatoriCovid?: boolean;
  nuovoIscritto?: boolean;
  email?: string | null;
  telefono?: string | null;
  residenza?: string;
  domicilio?: string;
  titoloStudio?: string;
  luogoNascita?: string;
}

export interface MisuraView {
  id: number;
  tipo: string;
  dal: string;
  al: string | null;
  annualita: string | null;
  /** The operator that delivered the measure (not us). */
  operatore: string | null;
  azienda: string | null;
  servizi: string[];
  note: string | null;
}

export interface DoteSummary {
  id: string;
  bando: string;
  tipo: string;
  stato: string;
  fascia: number | null;
  linea: string | null;
  azienda: string | null;
  dataRichiesta: string;
  dataAttivazione: string | null;
  dataConclusione: string | null;
  dataFine: string | null;
}

export interface DestinatarioBase {
  cf: string;
  nome: string;
  cognome: string;
  sesso: 'M' | 'F' | null;
  dataNascita: string | null;
  /** Full years at --oggi. */
  eta: number | null;
  /** Codice catastale of the birth comune (or Z… for a foreign country), decoded from the CF. */
  codiceComuneNascita: string | null;
  luogoNascita: string | null;
  disabilita: Disabilita | null;
  l68: boolean;
  did: boolean;
  occupato: boolean;
  ammortizzatoriCovid: boolean;
  nuovoIscritto: boolean;
  email: string | null;
  telefono: string | null;
  residenza: string | null;
  domicilio: string | null;
  titoloStudio: string | null;
  creatoIl: string;
  anonimizzatoIl: string | null;
}

export interface DestinatarioView extends DestinatarioBase {
  misureEsterne: MisuraView[];
  doti: DoteSummary[];
}

export interface DestinatarioListItem extends DestinatarioBase {
  numeroDoti: number;
  numeroMisureEsterne: number;
}

function baseView(r: DestinatarioRow, oggi: string): DestinatarioBase {
  const decoded = checkCodiceFiscale(r.cf, oggi);
  return {
    cf: r.cf,
    nome: r.nome,
    cognome: r.cognome,
    sesso: r.sesso,
    dataNascita: r.data_nascita,
    eta: r.data_nascita ? ageOn(r.data_nascita, oggi) : null,
    codiceComuneNascita: decoded.ok ? decoded.codiceComune : null,
    luogoNascita: r.luogo_nascita,
    disabilita: r.disabilita as Disabilita | null,
    l68: r.l68 === 1,
    did: r.did === 1,
    occupato: r.occupato === 1,
    ammortizzatoriCovid: r.ammortizzatori_covid === 1,
    nuovoIscritto: r.nuovo_iscritto === 1,
    email: r.email,
    telefono: r.telefono,
    residenza: r.residenza,
    domicilio: r.domicilio,
    titoloStudio: r.titolo_studio,
    creatoIl: r.creato_il,
    anonimizzatoIl: r.anonimizzato_il,
  };
}

interface MisuraRow {
  id: number;
  tipo: string;
  annualita: string | null;
  operatore: string | null;
  azienda: string | null;
  servizi: string | null;
  dal: string;
  al: string | null;
  note: string | null;
}

function misuraView(m: MisuraRow): MisuraView {
  return {
    id: m.id,
    tipo: m.tipo,
    dal: m.dal,
    al: m.al,
    annualita: m.annualita,
    operatore: m.operatore,
    azienda: m.azienda,
    servizi: m.servizi ? m.servizi.split(',').filter(Boolean) : [],
    note: m.note,
  };
}

function doteSummary(d: DoteRow): DoteSummary {
  return {
    id: d.id,
    bando: d.bando,
    tipo: d.tipo,
    stato: d.stato,
    fascia: d.fascia,
    linea: d.linea,
    azienda: d.azienda,
    dataRichiesta: d.data_richiesta,
    dataAttivazione: d.data_attivazione,
    dataConclusione: d.data_conclusione,
    dataFine: d.data_fine,
  };
}

/** The CF as typed on the command line, normalised for lookups (spaces removed, upper case). */
function normalizeCf(cf: string): string {
  return cf.replace(/\s+/g, '').toUpperCase();
}

function requireDestinatario(db: Db, cf: string): DestinatarioRow {
  const r = findDestinatario(db, normalizeCf(cf));
  if (!r) throw new RefusedError(`destinatario non trovato: nessuno con codice fiscale ${normalizeCf(cf)}`, [], 'i destinatari registrati: dote destinatario elenco');
  return r;
}

const FLAG_COLUMNS = [
  ['l68', 'l68'],
  ['did', 'did'],
  ['occupato', 'occupato'],
  ['ammortizzatoriCovid', 'ammortizzatori_covid'],
  ['nuovoIscritto', 'nuovo_iscritto'],
] as const;

const TEXT_COLUMNS = [
  ['residenza', 'residenza'],
  ['domicilio', 'domicilio'],
  ['titoloStudio', 'titolo_studio'],
  ['luogoNascita', 'luogo_nascita'],
] as const;

/** The column values that `opts` sets, validated (exit 2 on a bad value). */
function columnsOf(opts: DestinatarioFields): Record<string, string | number | null> {
  const cols: Record<string, string | number | null> = {};
  if (opts.nome !== undefined) cols.nome = requiredText('--nome', opts.nome);
  if (opts.cognome !== undefined) cols.cognome = requiredText('--cognome', opts.cognome);
  if (opts.disabilita !== undefined) cols.disabilita = opts.disabilita;
  for (const [opt, col] of FLAG_COLUMNS) if (opts[opt] !== undefined) cols[col] = opts[opt] ? 1 : 0;
  if (opts.email !== undefined) cols.email = opts.email;
  if (opts.telefono !== undefined) cols.telefono = opts.telefono;
  for (const [opt, col] of TEXT_COLUMNS) {
    const v = optionalText(opts[opt]);
    if (v !== undefined) cols[col] = v;
  }
  return cols;
}

export function aggiungiDestinatario(db: Db, cfInput: string, opts: DestinatarioFields, oggi: string): DestinatarioView {
  const check = checkCodiceFiscale(cfInput, oggi);
  if (!check.ok) throw new RefusedError(`codice fiscale non valido: ${check.reason}; nessuna modifica`);
  if (opts.nome === undefined) throw new UsageError('opzione obbligatoria mancante: --nome');
  if (opts.cognome === undefined) throw new UsageError('opzione obbligatoria mancante: --cognome');
  const cols = columnsOf(opts);
  return inTransaction(db, () => {
    const existing = findDestinatario(db, check.cf);
    if (existing) {
      throw new RefusedError(`il codice fiscale ${check.cf} è già registrato (${existing.cognome} ${existing.nome}); nessuna modifica`, [], `per cambiare i dati: dote destinatario modifica ${check.cf} …`);
    }
    const row: Record<string, string | number | null> = { cf: check.cf, sesso: check.sesso, data_nascita: check.dataNascita, creato_il: oggi, ...cols };
    const names = Object.keys(row);
    db.prepare(`INSERT INTO destinatario (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
    return viewOf(db, findDestinatario(db, check.cf)!, oggi);
  });
}

/** Changes the given fields of a person; the CF (and so birth date and sex) never changes. */
export function modificaDestinatario(db: Db, cf: string, opts: DestinatarioFields, oggi: string): DestinatarioView {
  const cols = columnsOf(opts);
  if (Object.keys(cols).length === 0) throw new UsageError('niente da modificare: indica almeno un\'opzione (es. --did, --email …)');
  return inTransaction(db, () => {
    const r = requireDestinatario(db, cf);
    if (r.anonimizzato_il) throw new RefusedError(`il destinatario ${r.cf} è stato anonimizzato il ${formatDateIt(r.anonimizzato_il)}: i suoi dati non si modificano più`);
    db.prepare(`UPDATE destinatario SET ${Object.keys(cols).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...cols, id: r.id });
    return viewOf(db, findDestinatario(db, r.cf)!, oggi);
  });
}

function viewOf(db: Db, r: DestinatarioRow, oggi: string): DestinatarioView {
  const misure = db.prepare('SELECT * FROM misura_esterna WHERE destinatario_id = ? ORDER BY dal, id').all(r.id) as MisuraRow[];
  const doti = db.prepare('SELECT * FROM dote WHERE destinatario_id = ? ORDER BY data_richiesta, id').all(r.id) as DoteRow[];
  return { ...baseView(r, oggi), misureEsterne: misure.map(misuraView), doti: doti.map(doteSummary) };
}

export function mostraDestinatario(db: Db, cf: string, oggi: string): DestinatarioView {
  return viewOf(db, requireDestinatario(db, cf), oggi);
}

export function elencoDestinatari(db: Db, oggi: string): DestinatarioListItem[] {
  const rows = db
    .prepare(
      `SELECT d.*, (SELECT count(*) FROM dote WHERE destinatario_id = d.id) AS n_doti,
              (SELECT count(*) FROM misura_esterna WHERE destinatario_id = d.id) AS n_misure
       FROM destinatario d ORDER BY d.cognome COLLATE NOCASE, d.nome COLLATE NOCASE, d.cf`,
    )
    .all() as (DestinatarioRow & { n_doti: number; n_misure: number })[];
  return rows.map((r) => ({ ...baseView(r, oggi), numeroDoti: r.n_doti, numeroMisureEsterne: r.n_misure }));
}

/** The options of `destinatario misura`, as its schema reads them: dates ISO, annualità as `2019-2020`, service codes a list. */
export interface MisuraOptions {
  tipo: TipoMisura;
  dal: string;
  al?: string;
  annualita?: string;
  operatoreMisura?: string;
  azienda?: string;
  servizi?: string[];
  note?: string;
}

export function aggiungiMisura(db: Db, cf: string, opts: MisuraOptions): MisuraView & { cf: string } {
  const { tipo, dal } = opts;
  const al = opts.al ?? null;
  if (al && al < dal) throw new UsageError(`--al ${formatDateIt(al)} è prima di --dal ${formatDateIt(dal)}`);
  const annualita = opts.annualita ?? null;
  const servizi = opts.servizi ?? [];
  const row = {
    tipo,
    dal,
    al,
    annualita,
    operatore: optionalText(opts.operatoreMisura) ?? null,
    azienda: optionalText(opts.azienda) ?? null,
    servizi: servizi.length ? servizi.join(',') : null,
    note: optionalText(opts.note) ?? null,
  };
  return inTransaction(db, () => {
    const d = requireDestinatario(db, cf);
    const r = db
      .prepare(
        `INSERT INTO misura_esterna (destinatario_id, tipo, annualita, operatore, azienda, servizi, dal, al, note)
         VALUES (@destinatario_id, @tipo, @annualita, @operatore, @azienda, @servizi, @dal, @al, @note)`,
      )
      .run({ destinatario_id: d.id, ...row });
    return { cf: d.cf, ...misuraView({ id: Number(r.lastInsertRowid), ...row }) };
  });
}
