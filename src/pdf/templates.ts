/**
 * Document templates: each document's wording (with `{segnaposto}` placeholders) and named
 * styles are data, in `templates/<nome>.json`, validated by zod when loaded. An operator
 * overrides a template by name with a file of the same name in a folder of their own
 * (`--modelli DIR` or `DOTE_MODELLI`), to change the wording or the styles without touching code;
 * `dote modelli esporta NOME DIR` writes the shipped one there to start from.
 *
 * The templates are listed here explicitly (no directory scanning at run time), each with the
 * texts its document reads and the placeholders each text may use: a template that lacks a text,
 * has one the document does not know, or uses an unknown placeholder fails to load with a
 * message naming the template, its file and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeAtomically } from '../files/owner-only.js';
import path from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { readNamedFile } from '../os-errors.js';
import { jsonProblem } from '../bandi/validate.js';
import { packagePath } from '../paths.js';
import type { Stile, Stili } from './model.js';

/** The placeholders every text may use. */
const COMUNI = ['oggi', 'ente', 'bando', 'dote'] as const;

export interface TemplateSpec {
  descrizione: string;
  /** Text key → the placeholders it may use (besides COMUNI). */
  testi: Record<string, readonly string[]>;
}

const COMMON_TEXTS: Record<string, readonly string[]> = {
  titolo: [],
  piede: [],
  numerazione: ['n', 'm'],
  chiusura: ['pagine'],
};

/** Every template the tool ships, by name. */
export const TEMPLATE_SPECS: Record<string, TemplateSpec> = {
  registro: {
    descrizione: 'registro attività (Job Coach, manuale 3.2; Cremona dal calendario)',
    testi: {
      ...COMMON_TEXTS,
      sottotitolo: [],
      avvertenza: [],
      'sezione-destinatario': [],
      'sezione-erogazioni': [],
      'sezione-totali': [],
      'nota-formazione': ['servizi'],
      'non-firma': ['motivo'],
      'non-firma-cella': [],
      'colonna-data': [],
      'colonna-orario': [],
      'colonna-ore': [],
      'colonna-attivita': [],
      'colonna-descrizione': [],
      'colonna-firma-coach': [],
      'colonna-firma-destinatario': [],
      'totale-complessivo': [],
      'firma-coach': [],
      'firma-destinatario': [],
      timbro: [],
      'annulla-resto': [],
      'data-redazione': [],
    },
  },
  timesheet: {
    descrizione: 'timesheet mensile di un professionista (Cremona, allegato 011), con la riconciliazione col calendario',
    testi: {
      ...COMMON_TEXTS,
      sottotitolo: ['mese'],
      'fonte-timesheet': [],
      'fonte-erogazioni': [],
      'sezione-righe': [],
      'sezione-riconciliazione': [],
      'riconciliazione-ok': [],
      'riconciliazione-differenze': ['n'],
      'riconciliazione-erogazioni': [],
      'totale-mese': [],
      'firma-professionista': [],
      'firma-responsabile': [],
    },
  },
  pip: {
    descrizione: 'piano di intervento personalizzato (PIP) di una dote Cremona, con le sue versioni',
    testi: {
      ...COMMON_TEXTS,
      sottotitolo: [],
      'sezione-dote': [],
      'sezione-destinatario': [],
      'sezione-operatore': [],
      'sezione-servizi': [],
      'sezione-versioni': [],
      'valore-complessivo': ['valore'],
      risultato: ['nome', 'importo'],
      'nessun-risultato': [],
      'termine-servizi': ['data'],
      'a03-assente': [],
      dichiarazione: [],
      'luogo-data': ['comune', 'data'],
      'firma-rappresentante': [],
      'firma-rappresentante-nota': [],
      'firma-destinatario': [],
      'firma-destinatario-nota': [],
    },
  },
  'variazione': {
    descrizione: "richiesta di variazione del PIP alla Provincia (Cremona, Variazioni del PIP)",
    testi: {
      ...COMMON_TEXTS,
      'sottotitolo': ['versione', 'precedente'],
      'destinatario-ufficio': [],
      'sezione-motivo': [],
      'sezione-modifiche': [],
      'entro-limiti': ['fine'],
      'luogo-data': ['comune', 'data'],
      'firma-rappresentante': [],
      'firma-destinatario': [],
    },
  },
  'registro-formativo': {
    descrizione: "registro formativo e delle presenze della formazione (Cremona, QF0 e QF0-COV)",
    testi: {
      ...COMMON_TEXTS,
      'sottotitolo': [],
      'sessione': ['data', 'orario', 'ore'],
      'firma-docente': [],
      'totale': ['sessioni', 'ore'],
      'firma-rappresentante': [],
      'timbro': [],
      'annulla-resto': [],
    },
  },
  'avvio-formazione': {
    descrizione: "comunicazione al Collocamento Disabili dell'avvio della formazione (Cremona, Realizzazione del PIP)",
    testi: {
      ...COMMON_TEXTS,
      'destinatario-ufficio': [],
      'oggetto': [],
      'comunica': ['persona', 'cf', 'servizio', 'data', 'ora', 'modalita'],
      'sezione-calendario': [],
      'accesso-ospite': ['accesso'],
      'luogo-data': ['comune', 'data'],
      'firma-rappresentante': [],
    },
  },
  'relazione': {
    descrizione: 'relazione finale Job Coach per il CPI (manuale, 3.2)',
    testi: {
      ...COMMON_TEXTS,
      'sottotitolo': [],
      'destinatario-cpi': [],
      'sezione-destinatario': [],
      'sezione-attivita': [],
      'periodo': ['dal', 'al'],
      'firma-coach': [],
      'firma-ente': [],
      'timbro': [],
    },
  },
  'attestazione': {
    descrizione: "attestazione del servizio erogato Job Coach (manuale, 3.2)",
    testi: {
      ...COMMON_TEXTS,
      'sottotitolo': [],
      'sezione-destinatario': [],
      'attesta': ['persona', 'ore', 'previste'],
      'sezione-attivita': [],
      'periodo': ['dal', 'al'],
      'registro': [],
      'firma-ente': [],
      'firma-destinatario': [],
      'timbro': [],
    },
  },
  'liquidazione-domanda': {
    descrizione: "domanda di liquidazione della dote (Cremona, Domanda di liquidazione)",
    testi: { ...COMMON_TEXTS, sottotitolo: [], 'destinatario-ufficio': [], 'dichiarante': ["rappresentante","codice"], 'clausola': [], 'luogo-data': ["data"], 'firma-rappresentante': [], 'firma-nota': [], 'oggetto': [], 'chiede': ["persona","cf","importo"], 'sezione-importo': [], 'riga-risultato': ["nome","importo"], 'risultato-non-raggiunto': ["nome","motivo"], 'totale': ["importo"], 'sezione-bollo': [], 'bollo': ["numero"], 'esente-bollo': [], 'sezione-allegati': [], 'allegati': [] },
  },
  'liquidazione-relazione': {
    descrizione: "relazione sulle attività svolte e sui risultati raggiunti (Cremona)",
    testi: { ...COMMON_TEXTS, sottotitolo: [], 'destinatario-ufficio': [], 'dichiarante': ["rappresentante","codice"], 'clausola': [], 'luogo-data': ["data"], 'firma-rappresentante': [], 'firma-nota': [], 'dichiara': [], 'sezione-servizi': [], 'sezione-risultato': [], 'risultato-raggiunto': ["giorni","soglia"], 'risultato-non-raggiunto': ["giorni","soglia"], 'nessun-contratto': [], 'nessun-risultato': [], 'impresa-raggiunta': [], 'impresa-non-raggiunta': ["motivo"], 'da-compilare': [] },
  },
  'liquidazione-conclusione': {
    descrizione: "comunicazione di conclusione della dote (Cremona)",
    testi: { ...COMMON_TEXTS, sottotitolo: [], 'destinatario-ufficio': [], 'dichiarante': ["rappresentante","codice"], 'clausola': [], 'luogo-data': ["data"], 'firma-rappresentante': [], 'firma-nota': [], 'comunica': ["persona","cf","data"] },
  },
  'liquidazione-impresa': {
    descrizione: "dichiarazione di esercizio d'impresa (ritenuta d'acconto, art. 28 DPR 600/1973)",
    testi: { ...COMMON_TEXTS, sottotitolo: [], 'destinatario-ufficio': [], 'dichiarante': ["rappresentante","codice"], 'clausola': [], 'luogo-data': ["data"], 'firma-rappresentante': [], 'firma-nota': [], 'dichiara': [], 'voce-impresa': [], 'voce-non-impresa': [] },
  },
  'liquidazione-pagamento': {
    descrizione: "dichiarazione degli estremi di pagamento e del conto dedicato (L. 136/2010)",
    testi: { ...COMMON_TEXTS, sottotitolo: [], 'destinatario-ufficio': [], 'dichiarante': ["rappresentante","codice"], 'clausola': [], 'luogo-data': ["data"], 'firma-rappresentante': [], 'firma-nota': [], 'dichiara': [], 'sezione-conto': [], 'sezione-delegati': [], 'da-compilare': [] },
  },
  'liquidazione-registro-imprese': {
    descrizione: "iscrizione al Registro Imprese o partita IVA dell'impresa (D1-IMP)",
    testi: { ...COMMON_TEXTS, sottotitolo: [], 'destinatario-ufficio': [], 'dichiarante': ["rappresentante","codice"], 'clausola': [], 'luogo-data': ["data"], 'firma-rappresentante': [], 'firma-nota': [], 'dichiara': [], 'da-compilare': [] },
  },
  'liquidazione-indice': {
    descrizione: "indice del pacchetto di liquidazione, con dimensioni e impronte SHA-256",
    testi: { ...COMMON_TEXTS, sottotitolo: [], 'sezione-dote': [], 'sezione-file': [], 'sezione-pec': [], 'pec': ["n","m","file","dimensione","limite"], 'nota-impronte': [], 'somme': [] },
  },
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATE_SPECS);

const STILI_RICHIESTI = [
  'intestazione',
  'intestazione-riga',
  'titolo',
  'sottotitolo',
  'sezione',
  'testo',
  'riferimento',
  'nota',
  'piccolo',
  'etichetta',
  'valore',
  'tabella-intestazione',
  'tabella-cella',
  'firma',
  'piede',
] as const;

const stileSchema = z.strictObject({
  font: z.enum(['regolare', 'grassetto']).default('regolare'),
  corpo: z.number().min(5).max(32),
  colore: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { message: 'colore: atteso #rrggbb' })
    .default('#000000'),
  spazioDopo: z.number().min(0).max(72).default(4),
  allineamento: z.enum(['left', 'center', 'right', 'justify']).default('left'),
});

const templateSchema = z.strictObject({
  documento: z.string(),
  descrizione: z.string().optional(),
  stili: z.record(z.string(), stileSchema),
  testi: z.record(z.string(), z.string()),
});

export interface Template {
  nome: string;
  /** Where it was read from. */
  file: string;
  origine: 'predefinito' | 'personalizzato';
  stili: Stili;
  testi: Record<string, string>;
}

/** The folder of the operator's templates: `--modelli DIR`, else DOTE_MODELLI, else none. */
export function userTemplateDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const d = option ?? env.DOTE_MODELLI;
  return d && d.trim() ? d : undefined;
}

export function builtinTemplateFile(nome: string): string {
  return packagePath('templates', `${nome}.json`);
}

/** Where template `nome` is taken from: the user's folder when it has the file, else the shipped one. */
export function templateSource(nome: string, dir: string | undefined): { file: string; origine: Template['origine'] } {
  // A folder named but missing is a mistake to report, not a reason to print with the shipped wording.
  if (dir && !existsSync(dir)) throw new UsageError(`la cartella dei modelli ${dir} non esiste`, 'controlla --modelli o DOTE_MODELLI');
  if (dir) {
    const f = path.join(dir, `${nome}.json`);
    if (existsSync(f)) return { file: f, origine: 'personalizzato' };
  }
  return { file: builtinTemplateFile(nome), origine: 'predefinito' };
}

function specOf(nome: string): TemplateSpec {
  const spec = TEMPLATE_SPECS[nome];
  if (!spec) throw new UsageError(`modello sconosciuto: ${nome}`, `i modelli sono: ${TEMPLATE_NAMES.join(', ')}`);
  return spec;
}

function fieldPath(p: readonly PropertyKey[]): string {
  return p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Validates a template's text against the document's spec; every problem, each naming the field. */
export function validateTemplate(nome: string, raw: unknown): { stili: Stili; testi: Record<string, string> } | string[] {
  const spec = specOf(nome);
  const r = templateSchema.safeParse(raw);
  if (!r.success) return r.error.issues.map((i) => `${fieldPath(i.path) || '(radice)'}: ${i.message}`);
  const t = r.data;
  const problems: string[] = [];
  if (t.documento !== nome) problems.push(`documento: atteso "${nome}", trovato "${t.documento}"`);
  for (const s of STILI_RICHIESTI) if (!t.stili[s]) problems.push(`stili.${s}: stile mancante`);
  for (const [key, allowed] of Object.entries(spec.testi)) {
    const text = t.testi[key];
    if (text === undefined) {
      problems.push(`testi.${key}: testo mancante`);
      continue;
    }
    const ok = new Set<string>([...COMUNI, ...allowed]);
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (!ok.has(m[1]!)) problems.push(`testi.${key}: segnaposto sconosciuto {${m[1]}} (ammessi: ${[...ok].map((p) => `{${p}}`).join(', ')})`);
    }
  }
  for (const key of Object.keys(t.testi)) if (!(key in spec.testi)) problems.push(`testi.${key}: testo sconosciuto al documento ${nome}`);
  if (problems.length) return problems;
  return { stili: t.stili as Record<string, Stile>, testi: t.testi };
}

/** Loads template `nome` (the user's override or the shipped one); a broken one is a usage error naming it and the field. */
export function loadTemplate(nome: string, dir: string | undefined): Template {
  specOf(nome);
  const src = templateSource(nome, dir);
  const text = readNamedFile(`modello "${nome}" (${src.file})`, src.file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // In Italian and on one line: V8's message quotes the file, line ends and bytes included.
    const why = e instanceof SyntaxError ? jsonProblem(text, e) : (e as Error).message;
    throw new UsageError(`modello "${nome}" (${src.file}): non è un file JSON leggibile (${why})`);
  }
  const v = validateTemplate(nome, raw);
  if (Array.isArray(v)) throw new UsageError(`modello "${nome}" (${src.file}): ${v.join('; ')}`, 'confrontalo con "dote modelli esporta ' + nome + ' DIR"');
  return { nome, file: src.file, origine: src.origine, ...v };
}

/** Fills `{placeholder}`s; a placeholder with no value stays visible rather than vanishing. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(PLACEHOLDER, (all, k: string) => (k in values ? String(values[k]) : all));
}

/** The list `dote modelli` prints: each template, what it is for, and where it is taken from. */
export function listTemplates(dir: string | undefined): { nome: string; descrizione: string; origine: Template['origine']; file: string }[] {
  return TEMPLATE_NAMES.map((nome) => ({ nome, descrizione: TEMPLATE_SPECS[nome]!.descrizione, ...templateSource(nome, dir) }));
}

/** `dote modelli esporta NOME DIR`: a copy of the shipped template, never over an existing file. */
export function exportTemplate(nome: string, dir: string): string {
  specOf(nome);
  if (!existsSync(dir)) throw new UsageError(`la cartella ${dir} non esiste`);
  const dest = path.join(dir, `${nome}.json`);
  if (existsSync(dest)) throw new UsageError(`${dest} esiste già: non lo sovrascrivo`, 'spostalo o scegli un\'altra cartella');
  writeAtomically(dest, readFileSync(builtinTemplateFile(nome)), dest);
  return dest;
}
