/**
 * `dote destinatario`: the people who receive a dote. The codice fiscale is validated and gives
 * birth date and sex (stored, so the age at a request date — D1 a priority categories of the Cremona bando —
 * needs no re-decoding). External measures (a disability dote of a previous annualità, DUL,
 * Garanzia Giovani) are recorded here because they count for the repeat rules (the Cremona bando,
 * "Repeatability": one active dote per person counting similar regional measures; no QD2/Q0C
 * again after a previous disability dote; inserimento/mantenimento not paid twice at the same
 * employer).
 */
import type { Repositories, Store } from '../db/store.js';
import type { DestinatarioRepository, DestinatarioRow, MisuraEsternaRow, NewDestinatario } from '../db/destinatario-repository.js';
import type { DoteRow } from '../db/dote-repository.js';
import { RefusedError, UsageError } from '../errors.js';
import { ANAGRAFICA } from '../db/storia.js';
import { ageOn, checkCodiceFiscale, invalidCodiceFiscale } from '../domain/codice-fiscale.js';
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

function misuraView(m: MisuraEsternaRow): MisuraView {
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

export async function requireDestinatario(destinatari: DestinatarioRepository, cf: string): Promise<DestinatarioRow> {
  const r = await destinatari.find(normalizeCf(cf));
  if (!r) throw new RefusedError(`destinatario non trovato: nessuno con codice fiscale ${normalizeCf(cf)}`, [], 'i destinatari registrati: dote destinatario elenco');
  return r;
}

/** A new person's fields that the options leave unset: the table's defaults. */
const NEW_DESTINATARIO = {
  luogo_nascita: null,
  disabilita: null,
  l68: 0,
  did: 0,
  occupato: 0,
  ammortizzatori_covid: 0,
  nuovo_iscritto: 0,
  email: null,
  telefono: null,
  residenza: null,
  domicilio: null,
  titolo_studio: null,
} as const;

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

/** The columns of a person that `aggiungi` and `modifica` can set. */
type Columns = Partial<Omit<NewDestinatario, 'cf' | 'sesso' | 'data_nascita' | 'creato_il'>>;

/** The column values that `opts` sets, validated (exit 2 on a bad value). */
function columnsOf(opts: DestinatarioFields): Columns {
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
  return cols as Columns;
}

export async function aggiungiDestinatario(store: Store, cfInput: string, opts: DestinatarioFields, oggi: string, operatore: string): Promise<DestinatarioView> {
  const check = checkCodiceFiscale(cfInput, oggi);
  if (!check.ok) throw new RefusedError(`${invalidCodiceFiscale(check.reason)}; nessuna modifica`);
  if (opts.nome === undefined) throw new UsageError('opzione obbligatoria mancante: --nome');
  if (opts.cognome === undefined) throw new UsageError('opzione obbligatoria mancante: --cognome');
  const cols = columnsOf(opts);
  return store.write(async (r) => {
    const existing = await r.destinatari.find(check.cf);
    if (existing) {
      throw new RefusedError(`il codice fiscale ${check.cf} è già registrato (${existing.cognome} ${existing.nome}); nessuna modifica`, [], `per cambiare i dati: dote destinatario modifica ${check.cf} …`);
    }
    const row: NewDestinatario = {
      ...NEW_DESTINATARIO,
      ...cols,
      cf: check.cf,
      sesso: check.sesso,
      data_nascita: check.dataNascita,
      creato_il: oggi,
    } as NewDestinatario;
    const id = await r.destinatari.insert(row);
    await r.storia.record({ doteId: ANAGRAFICA, entita: 'destinatario', entitaId: check.cf, azione: 'aggiungi', operatore, dopo: await r.destinatari.findById(id) });
    return viewOf(r, (await r.destinatari.findById(id))!, oggi);
  });
}

/** Changes the given fields of a person; the CF (and so birth date and sex) never changes. */
export async function modificaDestinatario(store: Store, cf: string, opts: DestinatarioFields, oggi: string, operatore: string): Promise<DestinatarioView> {
  const cols = columnsOf(opts);
  if (Object.keys(cols).length === 0) throw new UsageError('niente da modificare: indica almeno un\'opzione (es. --did, --email …)');
  return store.write(async (r) => {
    const d = await requireDestinatario(r.destinatari, cf);
    if (d.anonimizzato_il) throw new RefusedError(`il destinatario ${d.cf} è stato anonimizzato il ${formatDateIt(d.anonimizzato_il)}: i suoi dati non si modificano più`);
    await r.destinatari.update({ ...d, ...cols });
    const after = (await r.destinatari.findById(d.id))!;
    await r.storia.record({ doteId: ANAGRAFICA, entita: 'destinatario', entitaId: d.cf, azione: 'modifica', operatore, prima: d, dopo: after });
    return viewOf(r, after, oggi);
  });
}

async function viewOf(r: Repositories, d: DestinatarioRow, oggi: string): Promise<DestinatarioView> {
  const misure = await r.destinatari.misureOf(d.id);
  const doti = await r.doti.ofDestinatario(d.id);
  return { ...baseView(d, oggi), misureEsterne: misure.map(misuraView), doti: doti.map(doteSummary) };
}

export function mostraDestinatario(store: Store, cf: string, oggi: string): Promise<DestinatarioView> {
  return store.read(async (r) => viewOf(r, await requireDestinatario(r.destinatari, cf), oggi));
}

export async function elencoDestinatari(store: Store, oggi: string): Promise<DestinatarioListItem[]> {
  const rows = await store.read((r) => r.destinatari.listWithCounts());
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

export async function aggiungiMisura(store: Store, cf: string, opts: MisuraOptions, operatore: string): Promise<MisuraView & { cf: string }> {
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
  return store.write(async (r) => {
    const d = await requireDestinatario(r.destinatari, cf);
    const id = await r.destinatari.insertMisura({ destinatario_id: d.id, ...row });
    await r.storia.record({ doteId: ANAGRAFICA, entita: 'misura', entitaId: id, azione: 'aggiungi', operatore, dopo: { destinatario: d.cf, ...row } });
    return { cf: d.cf, ...misuraView({ id, ...row }) };
  });
}
