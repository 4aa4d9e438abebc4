/**
 * The bando catalogue format, validated by zod at load time (domain.md 1: "a bando is a catalogue
 * file validated at load time, never code branches"). Catalogue files speak in the units people
 * read in the source documents (euro, hours, dates dd/mm/yyyy or yyyy-mm-dd); the schema turns
 * them into the domain's units (integer cents, integer minutes, ISO dates), so a mistake such as
 * 31/06/2022 or a negative rate fails here with the path of the field.
 */
import { z } from 'zod';
import { parseUserDate } from '../domain/dates.js';
import { RULE_IDS } from '../rules/catalog.js';

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

const fasciaKey = z.enum(['1', '2', '3', '4']);

export const modalitaSchema = z.enum(['presenza', 'fad', 'telematica', 'telefonica']);
export type Modalita = z.infer<typeof modalitaSchema>;

const servizioSchema = z.object({
  codice: z.string().min(1),
  nome: z.string().min(1),
  /** Hourly rate in euro for individual delivery, and for group delivery where allowed. */
  tariffa: z.object({ individuale: euro, collettiva: euro.optional() }),
  /** Max hours by fascia (Cremona): individual / group. Absent for Job Coach (hours per activity). */
  massimali: z
    .record(fasciaKey, z.object({ individuale: hours, collettiva: hours.optional() }))
    .optional(),
  /** Delivery modes allowed (domain.md 1.1 "Delivery mode"); presenza is always allowed. */
  modalita: z.array(modalitaSchema).default(['presenza']),
  /** Required output, listed by the liquidation check when missing. */
  output: z.string().optional(),
  /** A note that documents a reading of the source (garbled tables etc.). */
  nota: z.string().optional(),
});

const tipoSchema = z.object({
  codice: z.string().min(1),
  nome: z.string().min(1),
  /** Family for the one-active and repeat rules: D1, D2, JC. */
  famiglia: z.string().min(1),
  /** Assignment lines (Cremona D1: a, b). */
  linee: z.array(z.string()).default([]),
  /** Eligibility: which condition the person must meet. */
  requisiti: z
    .object({
      occupato: z.boolean().optional(),
      l68: z.boolean().optional(),
      did: z.boolean().optional(),
      ammortizzatoriCovid: z.boolean().optional(),
    })
    .default({}),
  /** Result paid once, by fascia (euro). */
  risultato: z.object({ nome: z.string(), importi: z.record(fasciaKey, euro) }).optional(),
  /** Services of this type (Cremona): codes from `servizi`. */
  servizi: z.array(z.string()).default([]),
  /** Job Coach: the fixed activities, with their hours. */
  attivita: z.array(z.object({ servizio: z.string(), ore: hours })).default([]),
  /** Whether the fascia is required (Cremona profiling). */
  fasce: z.array(z.number().int().min(1).max(4)).default([]),
});

const scadenzaSchema = z.object({
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

const regolaSchema = z.union([
  z.literal('off'),
  z.object({
    severita: z.enum(['error', 'warning']),
    parametri: z.record(z.string(), z.unknown()).default({}),
    nota: z.string().optional(),
  }),
]);

export const bandoSchema = z
  .object({
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
      .array(z.object({ linea: z.string(), descrizione: z.string(), importo: euro }))
      .default([]),
    regole: z.record(z.string(), regolaSchema),
    note: z.array(z.string()).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.fine < b.inizio) ctx.addIssue({ code: 'custom', path: ['fine'], message: 'la fine precede l’inizio' });
    const codes = new Set(b.servizi.map((s) => s.codice));
    b.tipi.forEach((t, i) => {
      t.servizi.forEach((s, j) => {
        if (!codes.has(s)) ctx.addIssue({ code: 'custom', path: ['tipi', i, 'servizi', j], message: `servizio sconosciuto: ${s}` });
      });
      t.attivita.forEach((a, j) => {
        if (!codes.has(a.servizio)) ctx.addIssue({ code: 'custom', path: ['tipi', i, 'attivita', j, 'servizio'], message: `servizio sconosciuto: ${a.servizio}` });
      });
    });
    for (const id of Object.keys(b.regole)) {
      if (!RULE_IDS.has(id)) ctx.addIssue({ code: 'custom', path: ['regole', id], message: `regola sconosciuta: ${id}` });
    }
  });

export type BandoInput = z.input<typeof bandoSchema>;
export type Bando = z.output<typeof bandoSchema>;
export type TipoDote = Bando['tipi'][number];
export type Servizio = Bando['servizi'][number];
export type Scadenza = Bando['scadenze'][number];
export type RegolaSetting = Exclude<Bando['regole'][string], 'off'>;
