/**
 * The declarations of the Cremona liquidation packet (Domanda di liquidazione: the domanda, the
 * relazione on activities and results, the comunicazione di conclusione, the dichiarazione di
 * esercizio d'impresa, the estremi di pagamento, for D1-IMP the Registro Imprese) and the packet's
 * index. The sources do not give the official forms: each wording is a template
 * (templates/liquidazione-*.json) the operator replaces with `--modelli`. Every self-declaration
 * carries the DPR 445/2000 clause (art. 76 criminal liability, art. 75 loss of the contribution)
 * and the legal representative's signature block. Pure: values in, model out.
 */
import type { Blocco, Documento } from '../pdf/model.js';
import type { Template } from '../pdf/templates.js';
import type { EnteRow } from '../db/registry-repository.js';
import type { Contratto, EsitoOccupazione } from '../domain/liquidazione.js';
import { dayNumber, formatDateIt } from '../domain/dates.js';
import { formatCents, formatHours, formatInt } from '../domain/money.js';
import type { EnteIntestazione } from '../use-cases/stampa-registro.js';
import type { Impresa, ImportoRichiesta } from '../use-cases/liquidazione.js';
import { frame, testo, type Comuni } from './common.js';

export type Bollo = { numero: string } | { esente: true };

export interface PacchettoData {
  oggi: string;
  ente: EnteRow | null;
  intestazione: EnteIntestazione | null;
  bando: { id: string; titolo: string; riferimento: string };
  dote: { id: string; tipo: string; tipoNome: string; fascia: number | null; conclusa: string | null };
  destinatario: { nome: string; cognome: string; cf: string };
  servizi: Map<string, string>;
  importo: ImportoRichiesta;
  occupazione: EsitoOccupazione | null;
  contratti: Contratto[];
  /** D1-IMP: the business that earns the result (null for other types, or when none is recorded). */
  impresa: Impresa | null;
  /** D1-IMP: the dote's start, which the business must not precede. */
  avvioDote: string | null;
  bollo: Bollo | null;
}

const LINE = '______________________________';

function comuni(d: PacchettoData): Comuni {
  return { oggi: d.oggi, ente: d.intestazione, bando: d.bando.titolo, dote: d.dote.id };
}

function persona(d: PacchettoData): string {
  return `${d.destinatario.cognome} ${d.destinatario.nome}`;
}

/** The opening every declaration shares: office, title, the declarant with the DPR 445/2000 awareness. */
function apertura(d: PacchettoData, t: Template): Blocco[] {
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, comuni(d), v);
  return [
    { tipo: 'testo', stile: 'nota', testo: T('destinatario-ufficio') },
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'sottotitolo', testo: T('sottotitolo') },
    {
      tipo: 'campi',
      righe: [
        ['Dote', `${d.dote.id} (${d.dote.tipo} - ${d.dote.tipoNome}${d.dote.fascia ? `, fascia ${d.dote.fascia}` : ''})`],
        ['Destinatario', persona(d)],
        ['Codice fiscale', d.destinatario.cf],
      ],
    },
    { tipo: 'testo', stile: 'testo', testo: T('dichiarante', { rappresentante: d.ente?.rappresentante_legale ?? LINE, codice: d.ente?.codice ?? LINE }) },
  ];
}

/** The closing every declaration shares: the DPR 445/2000 clause, place and date, signature. */
function chiusura(d: PacchettoData, t: Template): Blocco[] {
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, comuni(d), v);
  return [
    { tipo: 'testo', stile: 'riferimento', testo: T('clausola') },
    { tipo: 'testo', stile: 'testo', testo: T('luogo-data', { data: formatDateIt(d.oggi) }) },
    { tipo: 'firme', firme: [{ etichetta: T('firma-rappresentante'), nota: d.ente?.rappresentante_legale ?? T('firma-nota') }] },
    { tipo: 'testo', stile: 'piccolo', testo: T('firma-nota') },
  ];
}

function doc(d: PacchettoData, t: Template, blocchi: Blocco[]): Documento {
  const c = comuni(d);
  return { ...frame(t, c, `${testo(t, 'titolo', c)} ${d.dote.id} - ${persona(d)}`), blocchi };
}

/** Why the result is not paid, in words. */
function motivoNonRaggiunto(d: PacchettoData): string {
  if (d.avvioDote !== null) {
    if (!d.impresa) return 'nessuna impresa registrata';
    return `impresa iscritta dal ${formatDateIt(d.impresa.iscrizione)}, prima dell'avvio della dote (${formatDateIt(d.avvioDote)})`;
  }
  const o = d.occupazione;
  if (!o || !d.contratti.length) return 'nessun contratto registrato';
  return `${formatInt(o.giorni)} giorni di occupazione validi sui ${formatInt(o.soglia)} richiesti`;
}

/** The business's particulars, blank lines where nothing is recorded (to be filled by hand). */
function campiImpresa(i: Impresa | null, blank: string): [string, string][] {
  return [
    ['Denominazione', i?.denominazione ?? blank],
    ['Camera di commercio e numero REA', i?.rea ?? blank],
    ['Partita IVA', i?.partitaIva ?? blank],
    ['Data di iscrizione', i ? formatDateIt(i.iscrizione) : blank],
  ];
}

export function domandaDocumento(d: PacchettoData, t: Template): Documento {
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, comuni(d), v);
  const righe: string[][] = d.importo.righe
    .filter((r) => r.minutiErogati > 0 || r.minutiPagati > 0)
    .map((r) => [
      `${r.servizio} ${d.servizi.get(r.servizio) ?? ''}`.trim(),
      r.collettiva ? 'collettive' : 'individuali',
      formatHours(r.minutiErogati),
      formatHours(r.minutiPagati),
      formatCents(r.tariffaCent),
      formatCents(r.importoCent),
    ]);
  const ris = d.importo.risultato;
  const blocchi: Blocco[] = [
    ...apertura(d, t),
    { tipo: 'testo', stile: 'testo', testo: T('chiede', { persona: persona(d), cf: d.destinatario.cf, importo: formatCents(d.importo.totaleCent) }) },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-importo') },
    {
      tipo: 'tabella',
      colonne: [
        { titolo: 'Servizio', larghezza: 36 },
        { titolo: 'Modalità', larghezza: 14 },
        { titolo: 'Ore erogate', larghezza: 12, allineamento: 'right' },
        { titolo: 'Ore pagate', larghezza: 12, allineamento: 'right' },
        { titolo: 'Tariffa oraria', larghezza: 13, allineamento: 'right' },
        { titolo: 'Importo', larghezza: 13, allineamento: 'right' },
      ],
      righe: [...righe, [{ testo: 'Totale servizi', grassetto: true }, '', '', '', '', { testo: formatCents(d.importo.serviziCent), grassetto: true }]],
    },
  ];
  if (ris) {
    blocchi.push({
      tipo: 'testo',
      stile: 'testo',
      testo: ris.raggiunto
        ? T('riga-risultato', { nome: ris.nome, importo: formatCents(ris.importoCent) })
        : T('risultato-non-raggiunto', { nome: ris.nome, motivo: motivoNonRaggiunto(d) }),
    });
  }
  blocchi.push({ tipo: 'testo', stile: 'valore', testo: T('totale', { importo: formatCents(d.importo.totaleCent) }) });
  if (d.bollo) {
    blocchi.push({ tipo: 'testo', stile: 'sezione', testo: T('sezione-bollo') });
    blocchi.push({ tipo: 'testo', stile: 'testo', testo: 'esente' in d.bollo ? T('esente-bollo') : T('bollo', { numero: d.bollo.numero }) });
  }
  blocchi.push({ tipo: 'testo', stile: 'sezione', testo: T('sezione-allegati') }, { tipo: 'testo', stile: 'testo', testo: T('allegati') }, ...chiusura(d, t));
  return doc(d, t, blocchi);
}

export function relazioneDocumento(d: PacchettoData, t: Template): Documento {
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, comuni(d), v);
  const esclusi = new Map((d.occupazione?.esclusi ?? []).map((e) => [e.numero, e.motivo === 'tirocinio' ? 'no: tirocinio' : "no: orario sotto il CCNL"]));
  const blocchi: Blocco[] = [
    ...apertura(d, t),
    { tipo: 'testo', stile: 'testo', testo: T('dichiara') },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-servizi') },
    {
      tipo: 'tabella',
      colonne: [
        { titolo: 'Servizio', larghezza: 50 },
        { titolo: 'Modalità', larghezza: 20 },
        { titolo: 'Ore erogate', larghezza: 15, allineamento: 'right' },
        { titolo: 'Ore riconosciute', larghezza: 15, allineamento: 'right' },
      ],
      righe: d.importo.righe
        .filter((r) => r.minutiErogati > 0)
        .map((r) => [`${r.servizio} ${d.servizi.get(r.servizio) ?? ''}`.trim(), r.collettiva ? 'collettive' : 'individuali', formatHours(r.minutiErogati), formatHours(r.minutiPagati)]),
    },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-risultato') },
  ];
  if (!d.importo.risultato) blocchi.push({ tipo: 'testo', stile: 'testo', testo: T('nessun-risultato') });
  else if (d.avvioDote !== null) {
    // D1-IMP: the result is the business started, not employment.
    blocchi.push({ tipo: 'campi', righe: campiImpresa(d.impresa, `${LINE} ${T('da-compilare')}`) });
    blocchi.push({ tipo: 'testo', stile: 'valore', testo: d.importo.risultato.raggiunto ? T('impresa-raggiunta') : T('impresa-non-raggiunta', { motivo: motivoNonRaggiunto(d) }) });
  } else if (!d.contratti.length) blocchi.push({ tipo: 'testo', stile: 'testo', testo: T('nessun-contratto') });
  else {
    const oreSett = (m: number) => formatHours(m);
    blocchi.push({
      tipo: 'tabella',
      colonne: [
        { titolo: 'N.', larghezza: 4 },
        { titolo: 'Datore di lavoro', larghezza: 23 },
        { titolo: 'Tipo', larghezza: 13 },
        { titolo: 'Dal', larghezza: 11 },
        { titolo: 'Al', larghezza: 11 },
        { titolo: 'Ore sett. / CCNL', larghezza: 13, allineamento: 'right' },
        { titolo: 'Giorni', larghezza: 8, allineamento: 'right' },
        { titolo: 'Conta', larghezza: 17 },
      ],
      righe: d.contratti.map((c) => [
        String(c.numero),
        c.azienda,
        c.tipo,
        formatDateIt(c.dal),
        c.al ? formatDateIt(c.al) : 'indeterminato',
        `${oreSett(c.minutiSettimanali)} / ${oreSett(c.minutiCcnl)}`,
        // The contract's own days, start and end included (the total below counts overlaps once).
        c.al ? formatInt(dayNumber(c.al) - dayNumber(c.dal) + 1) : '-',
        esclusi.get(c.numero) ?? 'sì',
      ]),
    });
  }
  if (d.occupazione) {
    const v = { giorni: formatInt(d.occupazione.giorni), soglia: formatInt(d.occupazione.soglia) };
    blocchi.push({ tipo: 'testo', stile: 'valore', testo: d.occupazione.raggiunto ? T('risultato-raggiunto', v) : T('risultato-non-raggiunto', v) });
  }
  blocchi.push(...chiusura(d, t));
  return doc(d, t, blocchi);
}

export function conclusioneDocumento(d: PacchettoData, t: Template): Documento {
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, comuni(d), v);
  return doc(d, t, [
    ...apertura(d, t),
    { tipo: 'testo', stile: 'testo', testo: T('comunica', { persona: persona(d), cf: d.destinatario.cf, data: d.dote.conclusa ? formatDateIt(d.dote.conclusa) : LINE }) },
    ...chiusura(d, t),
  ]);
}

export function impresaDocumento(d: PacchettoData, t: Template): Documento {
  const T = (k: string) => testo(t, k, comuni(d));
  return doc(d, t, [
    ...apertura(d, t),
    { tipo: 'testo', stile: 'testo', testo: T('dichiara') },
    { tipo: 'testo', stile: 'testo', testo: T('voce-impresa') },
    { tipo: 'testo', stile: 'testo', testo: T('voce-non-impresa') },
    ...chiusura(d, t),
  ]);
}

/** IBAN from `ente`; what the ente's data lack is a blank line to fill in. */
export function pagamentoDocumento(d: PacchettoData, t: Template): Documento {
  const T = (k: string) => testo(t, k, comuni(d));
  const blank = `${LINE} ${T('da-compilare')}`;
  const delegato = (n: number): Blocco => ({
    tipo: 'campi',
    titolo: `Persona delegata ${n}`,
    righe: [
      ['Cognome e nome', n === 1 && d.ente?.rappresentante_legale ? d.ente.rappresentante_legale : blank],
      ['Codice fiscale', blank],
      ['Luogo e data di nascita', blank],
    ],
  });
  return doc(d, t, [
    ...apertura(d, t),
    { tipo: 'testo', stile: 'testo', testo: T('dichiara') },
    {
      tipo: 'campi',
      titolo: T('sezione-conto'),
      righe: [
        ['Intestatario', d.ente?.nome ?? blank],
        ['IBAN', d.ente?.iban ?? blank],
        ['Banca e filiale', blank],
      ],
    },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-delegati') },
    delegato(1),
    delegato(2),
    ...chiusura(d, t),
  ]);
}

export function registroImpreseDocumento(d: PacchettoData, t: Template): Documento {
  const T = (k: string) => testo(t, k, comuni(d));
  const blank = `${LINE} ${T('da-compilare')}`;
  return doc(d, t, [
    ...apertura(d, t),
    { tipo: 'testo', stile: 'testo', testo: T('dichiara') },
    { tipo: 'campi', righe: campiImpresa(d.impresa, blank) },
    ...chiusura(d, t),
  ]);
}

export interface VoceIndice {
  nome: string;
  bytes: number;
  sha256: string;
}

/** The index: the dote, the destinatario, the amount, every file with size and SHA-256, the PEC messages. */
export function indiceDocumento(d: PacchettoData, t: Template, o: { file: VoceIndice[]; sommeBytes: number; pec: { file: string[]; bytesCodificati: number }[]; limite: number }): Documento {
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, comuni(d), v);
  const blocchi: Blocco[] = [
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'sottotitolo', testo: T('sottotitolo') },
    {
      tipo: 'campi',
      titolo: T('sezione-dote'),
      righe: [
        ['Dote', `${d.dote.id} (${d.dote.tipo} - ${d.dote.tipoNome})`],
        ['Destinatario', persona(d)],
        ['Codice fiscale', d.destinatario.cf],
        ['Importo richiesto', formatCents(d.importo.totaleCent)],
        ['Data', formatDateIt(d.oggi)],
      ],
    },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-file') },
    {
      tipo: 'tabella',
      colonne: [
        { titolo: 'File', larghezza: 28 },
        { titolo: 'Byte', larghezza: 10, allineamento: 'right' },
        { titolo: 'SHA-256', larghezza: 62 },
      ],
      righe: [...o.file.map((f) => [f.nome, formatInt(f.bytes), f.sha256]), ['SHA256SUMS', formatInt(o.sommeBytes), T('somme')]],
    },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-pec') },
    ...o.pec.map(
      (p, i): Blocco => ({
        tipo: 'testo',
        stile: 'testo',
        testo: T('pec', { n: i + 1, m: o.pec.length, file: p.file.join(', '), dimensione: formatDimensione(p.bytesCodificati), limite: formatDimensione(o.limite) }),
      }),
    ),
    { tipo: 'testo', stile: 'nota', testo: T('nota-impronte') },
  ];
  return doc(d, t, blocchi);
}

/** `1,5 MB`, `820 KB` (decimal units, as PEC providers state their limits). */
export function formatDimensione(bytes: number): string {
  if (bytes >= 1_000_000) return `${(Math.round(bytes / 100_000) / 10).toString().replace('.', ',')} MB`;
  return `${formatInt(Math.max(1, Math.round(bytes / 1000)))} KB`;
}
