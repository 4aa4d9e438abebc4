/**
 * Recorded fields as people read them, for `dote storia` and the updates that `dote importa`
 * lists: an Italian label for each field and its value in the formats used everywhere else
 * (dates dd/mm/yyyy, money `1.672,00 €`, durations in words). `--json` keeps the raw values.
 */
import { formatDateIt } from '../domain/dates.js';
import { formatCents, formatDurata, formatInt } from '../domain/money.js';

/** `28/06/2022 10:15:03` in the machine's time zone: when a person did it, as they read clocks. */
export function localTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getDate())}/${p(t.getMonth() + 1)}/${t.getFullYear()} ${p(t.getHours())}:${p(t.getMinutes())}:${p(t.getSeconds())}`;
}

/** The names behind the ids a record holds (sede, professional, person), when known. */
export interface Nomi {
  sedi: ReadonlyMap<number, string>;
  professionisti: ReadonlyMap<number, string>;
  destinatari: ReadonlyMap<number, string>;
}

export const NESSUN_NOME: Nomi = { sedi: new Map(), professionisti: new Map(), destinatari: new Map() };

const LABELS: Record<string, string> = {
  id: 'id',
  bando: 'bando',
  tipo: 'tipo',
  destinatario_id: 'destinatario',
  professionista_id: 'professionista',
  sede_id: 'sede',
  fascia: 'fascia',
  linea: 'linea',
  stato: 'stato',
  data: 'data',
  data_richiesta: 'data di richiesta',
  data_notifica: 'data di notifica',
  data_attivazione: 'data di attivazione',
  data_fine: 'data di fine',
  data_ammissione: 'data di ammissione',
  data_conclusione: 'data di conclusione',
  creata_il: 'creata il',
  aggiornata_il: 'aggiornata il',
  registrata_il: 'registrata il',
  servizio: 'servizio',
  inizio: 'ora di inizio',
  fine: 'ora di fine',
  modalita: 'modalità',
  collettiva: 'gruppo',
  sessione: 'sessione',
  descrizione: 'descrizione',
  origine: 'origine',
  file: 'file',
  riga: 'riga',
  erogazioni: 'erogazioni',
  righeTimesheet: 'righe di timesheet',
  minutiErogazioni: 'ore delle erogazioni',
  minutiTimesheet: 'ore del timesheet',
  minuti: 'ore',
  minutiIndividuali: 'ore individuali',
  minutiCollettivi: 'ore collettive',
  dal: 'dal',
  al: 'al',
  voci: 'servizi',
  versione: 'versione',
  valoreCent: 'valore',
  importoCent: 'importo',
  totaleCent: 'totale',
  motivo: 'motivo',
  esito: 'esito',
  sha256: 'impronta SHA-256',
  data_nascita: 'data di nascita',
  l68: 'iscritto L. 68/99',
  did: 'DID',
  ammortizzatori_covid: 'ammortizzatori Covid',
  disabilita: 'disabilità',
  email: 'e-mail',
  luogo_nascita: 'luogo di nascita',
  titolo_studio: 'titolo di studio',
  pec: 'PEC',
  iban: 'IBAN',
  conservazione_anni: 'conservazione dei dati (anni)',
  data_invio_pip: 'data di invio del PIP',
  data_validazione_pip: 'data di validazione del PIP',
  data_rifiuto: 'data del rifiuto',
  motivo_rifiuto: 'motivo del rifiuto',
  annualita: 'annualità',
  partitaIva: 'partita IVA',
  rea: 'REA',
  rappresentante_legale: 'rappresentante legale',
  anni_esperienza: 'anni di esperienza',
  patrono: 'patrono',
  cf: 'codice fiscale',
  minuti_individuali: 'ore individuali',
  minuti_collettivi: 'ore collettive',
};

/** Yes/no fields stored as 0/1 (the person's conditions). */
const SI_NO = new Set(['l68', 'did', 'occupato', 'ammortizzatori_covid', 'nuovo_iscritto']);

/** `minutiIndividuali` → `ore individuali`; a field with no label is shown split into words. */
export function campoLabel(campo: string): string {
  if (!LABELS[campo] && /^minuti[A-Z]/.test(campo)) return `ore ${campoLabel(campo.slice(6, 7).toLowerCase() + campo.slice(7))}`.replace('ore ccnl', 'ore del CCNL');
  return LABELS[campo] ?? campo.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value of `campo` for people: `—` for nothing, names for ids, Italian formats. */
export function valoreIt(campo: string, v: unknown, nomi: Nomi = NESSUN_NOME): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => valoreIt(campo, x, nomi)).join(', ') : '—';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // A service entry of a PIP or a dote: its code first, then its other fields.
    const head = typeof o.servizio === 'string' ? o.servizio : '';
    const rest = Object.entries(o)
      .filter(([k]) => k !== 'servizio')
      .map(([k, x]) => `${campoLabel(k)} ${valoreIt(k, x, nomi)}`);
    return head ? (rest.length ? `${head} (${rest.join(', ')})` : head) : rest.join(', ');
  }
  if (typeof v === 'boolean') return campo === 'collettiva' ? (v ? 'collettiva' : 'individuale') : v ? 'sì' : 'no';
  if (typeof v === 'number') {
    if (campo === 'collettiva') return v ? 'collettiva' : 'individuale';
    if (SI_NO.has(campo)) return v ? 'sì' : 'no';
    if (campo.endsWith('Cent') || campo.endsWith('_cent')) return formatCents(v);
    if (/^minuti/.test(campo)) return formatDurata(v);
    const name = campo === 'sede_id' ? nomi.sedi.get(v) : campo === 'professionista_id' ? nomi.professionisti.get(v) : campo === 'destinatario_id' ? nomi.destinatari.get(v) : undefined;
    if (name) return name;
    return campo === 'id' || campo === 'riga' || campo.endsWith('_id') ? String(v) : formatInt(v);
  }
  if (typeof v === 'string') {
    if (ISO_DATE.test(v)) return formatDateIt(v);
    // A patron day, stored as MM-DD (the same day every year).
    if (campo === 'patrono' && /^\d{2}-\d{2}$/.test(v)) return `${v.slice(3)}/${v.slice(0, 2)}`;
    if (ISO_TIME.test(v)) return localTime(v);
    return v;
  }
  return String(v);
}
