/**
 * The bando catalogue format, validated by zod at load time: a bando is data, a catalogue
 * file validated at load time, never code branches. Catalogue files speak in the units people
 * read in the source documents (euro, hours, dates dd/mm/yyyy or yyyy-mm-dd); the schema turns
 * them into the domain's units (integer cents, integer minutes, ISO dates), so a mistake such as
 * 31/06/2022 or a negative rate fails here with the path of the field.
 *
 * Every object is strict: an unknown key is an error, never dropped, because a misspelt key
 * ("massimale" for "massimali") would otherwise load as if the field were absent and lift the cap.
 */
import { z } from 'zod';
import { FASCE } from '../domain/fascia.js';
import { parseUserDate } from '../domain/dates.js';
import { RULE_IDS } from '../rules/catalog.js';
import { RULE_PARAMS, serviceCodesInParams } from './rule-params.js';

const TYPE_IT: Record<string, string> = {
  string: 'un testo',
  number: 'un numero',
  int: 'un numero intero',
  boolean: 'true o false',
  object: 'un oggetto',
  array: 'un elenco',
  record: 'un oggetto',
  null: 'null',
};

function describeValue(v: unknown): string {
  if (v === undefined) return 'nulla';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'un elenco';
  if (typeof v === 'string') return `il testo ${JSON.stringify(v)}`;
  if (typeof v === 'number') return `il numero ${v}`;
  if (typeof v === 'object') return 'un oggetto';
  return String(v);
}

const quoted = (xs: readonly unknown[]): string => xs.map((x) => JSON.stringify(x)).join(', ');

/**
 * zod's issues in Italian (README "Regole": messages in Italian). Passed per parse, so it applies to
 * the catalogue only and the schema's own messages ("importo negativo") still take precedence.
 * zod's Italian locale (zod/v4/locales/it) was not used: it leaves type names in English
 * ("Troppo piccolo: number deve essere >=0", "ricevuto undefined").
 */
const italianIssue = (iss: z.core.$ZodRawIssue): string => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'campo obbligatorio mancante';
      return `atteso ${TYPE_IT[iss.expected] ?? iss.expected}, trovato ${describeValue(iss.input)}`;
    case 'invalid_value':
      return iss.values.length === 1
        ? `atteso ${quoted(iss.values)}, trovato ${describeValue(iss.input)}`
        : `valore non ammesso (${describeValue(iss.input)}): atteso uno tra ${quoted(iss.values)}`;
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'string') return min <= 1 ? 'testo vuoto' : `servono almeno ${min} caratteri`;
      if (iss.origin === 'array' || iss.origin === 'set') return min <= 1 ? 'elenco vuoto: serve almeno un elemento' : `servono almeno ${min} elementi`;
      return `${iss.inclusive ? 'deve essere almeno' : 'deve essere maggiore di'} ${min}, trovato ${String(iss.input)}`;
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'string') return `al massimo ${max} caratteri`;
      if (iss.origin === 'array' || iss.origin === 'set') return `al massimo ${max} elementi`;
      return `${iss.inclusive ? 'deve essere al massimo' : 'deve essere minore di'} ${max}, trovato ${String(iss.input)}`;
    }
    case 'unrecognized_keys':
      return iss.keys.length === 1 ? `campo sconosciuto ${quoted(iss.keys)}` : `campi sconosciuti ${quoted(iss.keys)}`;
    case 'invalid_format':
      return `formato non valido: ${describeValue(iss.input)}`;
    case 'not_multiple_of':
      return `deve essere un multiplo di ${String(iss.divisor)}`;
    case 'invalid_key':
      return `chiave non valida: ${describeValue(iss.input)}`;
    default:
      return 'valore non valido';
  }
};

/**
 * How a catalogue is parsed: Italian messages, and no eval-compiled fast path (jitless): a
 * catalogue is parsed once per run, where compiling each object schema costs more than it saves.
 */
export const CATALOGUE_PARSE = { error: italianIssue, jitless: true } as const;

const isoDate = z.string().transform((s, ctx) => {
  const d = parseUserDate(s);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: `data inesistente o non valida: "${s}"` });
    return z.NEVER;
  }
  return d;
});

const euro = z
  .number()
  .nonnegative({ message: 'importo negativo' })
  .transform((e) => Math.round(e * 100));

const hours = z
  .number()
  .nonnegative({ message: 'ore negative' })
  .transform((h) => Math.round(h * 60));

const fasciaKey = z.enum(FASCE);

export const modalitaSchema = z.enum(['presenza', 'fad', 'telematica', 'telefonica']);
export type Modalita = z.infer<typeof modalitaSchema>;

const servizioSchema = z.strictObject({
  codice: z.string().min(1),
  nome: z.string().min(1),
  /** Hourly rate in euro for individual delivery, and for group delivery where allowed. */
  tariffa: z.strictObject({ individuale: euro, collettiva: euro.optional() }),
  /** Max hours by fascia (Cremona): individual / group. Absent for Job Coach (hours per activity). */
  massimali: z
    .record(fasciaKey, z.strictObject({ individuale: hours, collettiva: hours.optional() }))
    .optional(),
  /** Delivery modes allowed (the Cremona bando, Delivery mode); presenza is always allowed. */
  modalita: z.array(modalitaSchema).default(['presenza']),
  /** Required output, listed by the liquidation check when missing. */
  output: z.string().optional(),
  /** A note that documents a reading of the source (garbled tables etc.). */
  nota: z.string().optional(),
  /**
   * Training (Cremona QF0, QF0-COV): not in the calendar, it has its own registro formativo e
   * delle presenze ("Registro formativo e delle presenze"), so the registro attività leaves it out.
   */
  formazione: z.boolean().default(false),
});

const tipoSchema = z.strictObject({
  codice: z.string().min(1),
  nome: z.string().min(1),
  /** Family for the one-active and repeat rules: D1, D2, JC. */
  famiglia: z.string().min(1),
  /** Assignment lines (Cremona D1: a, b). */
  linee: z.array(z.string()).default([]),
  /** Eligibility: which condition the person must meet. */
  requisiti: z
    .strictObject({
      occupato: z.boolean().optional(),
      l68: z.boolean().optional(),
      did: z.boolean().optional(),
      ammortizzatoriCovid: z.boolean().optional(),
    })
    .default({}),
  /**
   * Result paid once, by fascia (euro). `prova` is what earns it: employment contracts (the
   * 180 days of liquidazione/result-180), or for the business start-up (D1-IMP) the business
   * registered, Registro Imprese entry or partita IVA (`dote impresa imposta`).
   */
  risultato: z
    .strictObject({ nome: z.string(), importi: z.record(fasciaKey, euro), prova: z.enum(['contratti', 'impresa']).default('contratti') })
    .optional(),
  /** Services of this type (Cremona): codes from `servizi`. */
  servizi: z.array(z.string()).default([]),
  /** Job Coach: the fixed activities, with their hours. */
  attivita: z.array(z.strictObject({ servizio: z.string(), ore: hours })).default([]),
  /** Whether the fascia is required (Cremona profiling). */
  fasce: z.array(z.number().int().min(1).max(4)).default([]),
});

const scadenzaSchema = z.strictObject({
  id: z.string().min(1),
  descrizione: z.string().min(1),
  /** The event the deadline runs from. */
  da: z.enum(['richiesta', 'notifica', 'attivazione', 'invio-pip', 'conclusione', 'fine']),
  giorni: z.number().int().positive(),
  tipo: z.enum(['lavorativi', 'calendario']),
  /** What must happen by then; the deadline is met when this event has a date. */
  evento: z.enum(['ammissione', 'invio-pip', 'validazione-pip', 'liquidazione', 'rendicontazione', 'chiusura']),
  fonte: z.string().optional(),
});

const regolaSchema = z.union(
  [
    z.literal('off'),
    z.strictObject({
      severita: z.enum(['error', 'warning']),
      parametri: z.record(z.string(), z.unknown()).default({}),
      nota: z.string().optional(),
    }),
  ],
  { error: 'atteso "off" oppure un oggetto { "severita": "error" | "warning", "parametri": {…} }' },
);

/**
 * Rule settings by id: the id must be a rule of the catalogue (src/rules/catalog.ts) and its
 * parameters those the rule reads (rule-params.ts), each of the right type and range. Checked on
 * the `regole` record itself so these errors show even when another part of the file is broken.
 */
const regoleSchema = z.record(z.string(), regolaSchema).superRefine((regole, ctx) => {
  for (const [id, setting] of Object.entries(regole)) {
    if (!RULE_IDS.has(id)) {
      ctx.addIssue({ code: 'custom', path: [id], message: `regola sconosciuta: ${id}` });
      continue;
    }
    if (setting === 'off') continue;
    const schema = RULE_PARAMS[id as keyof typeof RULE_PARAMS] as z.ZodObject | undefined;
    const allowed = schema ? Object.keys(schema.shape) : [];
    for (const name of Object.keys(setting.parametri)) {
      if (!allowed.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [id, 'parametri', name],
          message: `parametro sconosciuto per ${id} (${allowed.length ? `ammessi: ${allowed.join(', ')}` : 'la regola non ha parametri'})`,
        });
      }
    }
    if (!schema) continue;
    const r = schema.safeParse(setting.parametri, CATALOGUE_PARSE);
    if (!r.success) {
      for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: [id, 'parametri', ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
    }
  }
});

export const bandoSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, { message: 'id: solo minuscole, cifre e trattini' }),
    titolo: z.string().min(1),
    ente: z.string().min(1),
    fonte: z.string().min(1),
    /** Legal reference text that every output document carries, verbatim. */
    riferimentoNormativo: z.string().min(1),
    /** Activation opens / the bando ends (no dote lasts past `fine`). */
    inizio: isoDate,
    fine: isoDate,
    /** Working days: Monday-Friday minus national holidays unless changed here. */
    giorniLavorativi: z.array(z.number().int().min(0).max(6)).default([0, 1, 2, 3, 4]),
    /** Duration of a dote by fascia, in months (Cremona), or fixed months (Job Coach, absent = to the bando's end). */
    durataMesi: z.record(fasciaKey, z.number().int().positive()).optional(),
    /** Prefix that recognises this bando's service codes in a CSV (JC-, Q). */
    prefissiServizi: z.array(z.string()).default([]),
    tipi: z.array(tipoSchema).min(1),
    servizi: z.array(servizioSchema).min(1),
    scadenze: z.array(scadenzaSchema).default([]),
    lineeBudget: z
      .array(z.strictObject({ linea: z.string(), descrizione: z.string(), importo: euro }))
      .default([]),
    regole: regoleSchema,
    note: z.array(z.string()).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.fine < b.inizio) ctx.addIssue({ code: 'custom', path: ['fine'], message: 'la fine precede l’inizio' });
    // Codes and ids are looked up by value (servizioOf, tipoOf, deadlines, budget lines): a
    // duplicate would make the second entry unreachable, or the answer depend on file order.
    unique(ctx, b.servizi, (s) => s.codice, (i) => ['servizi', i, 'codice'], 'codice di servizio');
    unique(ctx, b.tipi, (t) => t.codice, (i) => ['tipi', i, 'codice'], 'codice di tipo di dote');
    unique(ctx, b.scadenze, (s) => s.id, (i) => ['scadenze', i, 'id'], 'id di scadenza');
    unique(ctx, b.lineeBudget, (l) => l.linea, (i) => ['lineeBudget', i, 'linea'], 'linea di budget');
    const codes = new Set(b.servizi.map((s) => s.codice));
    b.tipi.forEach((t, i) => {
      t.servizi.forEach((s, j) => {
        if (!codes.has(s)) ctx.addIssue({ code: 'custom', path: ['tipi', i, 'servizi', j], message: `servizio sconosciuto: ${s}` });
      });
      t.attivita.forEach((a, j) => {
        if (!codes.has(a.servizio)) ctx.addIssue({ code: 'custom', path: ['tipi', i, 'attivita', j, 'servizio'], message: `servizio sconosciuto: ${a.servizio}` });
      });
      unique(ctx, t.attivita, (a) => a.servizio, (j) => ['tipi', i, 'attivita', j, 'servizio'], 'servizio di attività');
      unique(ctx, t.servizi, (s) => s, (j) => ['tipi', i, 'servizi', j], 'servizio del tipo', 'duplicato');
      unique(ctx, t.fasce, String, (j) => ['tipi', i, 'fasce', j], 'fascia', 'duplicata');
    });
    missingCaps(ctx, b);
    for (const [id, setting] of Object.entries(b.regole)) {
      if (setting === 'off') continue;
      for (const { path, codice } of serviceCodesInParams(id, setting.parametri)) {
        if (!codes.has(codice)) {
          ctx.addIssue({ code: 'custom', path: ['regole', id, 'parametri', ...path], message: `servizio sconosciuto al bando: ${codice}` });
        }
      }
    }
  });

/** A field's path as the catalogue file spells it: `servizi[1].massimali.3`, `regole.time/window.parametri.fine`. */
export function formatPath(p: readonly PropertyKey[]): string {
  return p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');
}

/** Reports every entry whose key an earlier entry already has, naming both positions. */
function unique<T>(
  ctx: z.RefinementCtx,
  items: readonly T[],
  key: (x: T) => string,
  path: (i: number) => (string | number)[],
  what: string,
  duplicato = 'duplicato',
): void {
  const first = new Map<string, number>();
  items.forEach((x, i) => {
    const k = key(x);
    const j = first.get(k);
    if (j === undefined) first.set(k, i);
    else ctx.addIssue({ code: 'custom', path: path(i), message: `${what} ${duplicato} "${k}" (già in ${formatPath(path(j))})` });
  });
}

/**
 * In a bando with fasce, every service a type offers has an hour cap for every fascia of that
 * type (Cremona avviso, tabella dei massimali): a service without one would be read as uncapped,
 * so `hours/service-cap` would let any number of hours through. One issue per service, naming
 * the fasce missing and the types that need them.
 */
function missingCaps(ctx: z.RefinementCtx, b: { tipi: readonly { codice: string; servizi: readonly string[]; fasce: readonly number[] }[]; servizi: readonly { codice: string; massimali?: Partial<Record<string, unknown>> }[] }): void {
  b.servizi.forEach((s, i) => {
    const fasce = new Set<number>();
    const tipi: string[] = [];
    for (const t of b.tipi) {
      if (!t.servizi.includes(s.codice)) continue;
      const missing = t.fasce.filter((f) => !s.massimali || s.massimali[String(f)] === undefined);
      if (!missing.length) continue;
      missing.forEach((f) => fasce.add(f));
      tipi.push(t.codice);
    }
    if (!tipi.length) return;
    const list = [...fasce].sort((x, y) => x - y).join(', ');
    ctx.addIssue({
      code: 'custom',
      path: ['servizi', i, 'massimali'],
      message: `il servizio ${s.codice} non ha massimali di ore per ${fasce.size === 1 ? 'la fascia' : 'le fasce'} ${list} (${tipi.length === 1 ? 'richiesti dal tipo' : 'richiesti dai tipi'} ${tipi.join(', ')})`,
    });
  });
}

export type BandoInput = z.input<typeof bandoSchema>;
export type Bando = z.output<typeof bandoSchema>;
export type TipoDote = Bando['tipi'][number];
export type Servizio = Bando['servizi'][number];
export type Scadenza = Bando['scadenze'][number];
export type RegolaSetting = Exclude<Bando['regole'][string], 'off'>;
