/**
 * The zod side of the option readers: one zod schema per kind of value, built on the readers of
 * values.ts (so the message that names the option is written once), and the parse that turns the
 * first problem into a usage error (exit 2, docs/comandi.md, Stato di uscita).
 *
 * Only imported lazily, by `defineOptions` (define.ts) when a command parses its options: zod
 * costs ~45 ms to import here (README "Prestazioni"), which `dote --help` and
 * `dote mostra` must not pay. zod/mini rather than zod: the same schemas, written with functions
 * instead of methods, and ~8 ms lighter to import here.
 */
import * as z from 'zod/mini';
import { CommandLineError } from '../errors.js';
import * as read from './values.js';

/** Text in, typed value out; a bad value becomes an issue carrying the reader's message. */
function kind<T>(reader: (text: string) => read.Read<T>) {
  return z.pipe(
    z.string(),
    z.transform((text: string, ctx): T => {
      const r = reader(text);
      if (r.ok) return r.value;
      ctx.issues.push({ code: 'custom', message: r.message, input: text });
      return z.NEVER;
    }),
  );
}

const isBlank = (v: unknown) => typeof v === 'string' && v.trim() === '';

/**
 * A free text checked by values.ts `testoProblem` (control characters, at most `max` characters):
 * the one check every text option goes through. The message names `name` (a command's argument:
 * "codice") or, by default, the option of the schema key (`relative`, filled in by parseOptions).
 */
function checkedText(max: number, name?: string) {
  return z.pipe(
    z.string(),
    z.transform((text: string, ctx): string => {
      const why = read.testoProblem(text, max);
      if (why === null) return text;
      ctx.issues.push({ code: 'custom', message: name ? `${name}: ${why}` : why, input: text, params: name ? undefined : { relative: true } });
      return z.NEVER;
    }),
  );
}

/** Optional; a blank text is `blank`, anything else goes through `s` (its messages kept). */
function unlessBlank<T, B extends null | undefined>(s: z.ZodMiniType<T, string>, blank: B) {
  return z.pipe(
    z.optional(z.string()),
    z.transform((v: string | undefined, ctx): T | B | undefined => {
      if (v === undefined) return undefined;
      if (isBlank(v)) return blank;
      const r = s.safeParse(v);
      if (r.success) return r.data;
      for (const i of r.error.issues) ctx.issues.push({ code: 'custom', message: i.message, input: v, params: i.code === 'custom' ? i.params : undefined });
      return z.NEVER;
    }),
  );
}

export const kinds = {
  z,
  /** `GG/MM/AAAA` or `AAAA-MM-GG` → ISO date. */
  date: (option: string) => kind((t) => read.date(option, t)),
  /** `AAAA-MM` or `MM/AAAA` → `AAAA-MM`. */
  mese: (option: string) => kind((t) => read.mese(option, t)),
  /** `5MB`, `800KB` → bytes. */
  dimensione: (option: string) => kind((t) => read.dimensione(option, t)),
  /** `HH:MM` → minutes since midnight. */
  time: (option: string) => kind((t) => read.time(option, t)),
  /** `GG/MM` → `MM-DD`. */
  dayOfYear: (option: string) => kind((t) => read.dayOfYear(option, t)),
  /** A positive whole number (a record's id); `what` names it in the message. */
  id: (what: string) => kind((t) => read.id(what, t)),
  integer: (option: string, o: Parameters<typeof read.integer>[2]) => kind((t) => read.integer(option, t, o)),
  /** Hours (`37,5`) → minutes, more than zero. */
  ore: (option: string) => kind((t) => read.ore(option, t)),
  /** A Cremona fascia, 1-4 (domain/fascia.ts). */
  fascia: (option: string) => kind((t) => read.fascia(option, t)),
  email: (option: string) => kind((t) => read.email(option, t)),
  telefono: (option: string) => kind((t) => read.telefono(option, t)),
  annualita: (option: string) => kind((t) => read.annualita(option, t)),
  /** `QD2,Q0C,inserimento` → `['QD2', 'Q0C', 'inserimento']`. */
  codiciServizio: (option: string) => kind((t) => read.codiciServizio(option, t)),
  /** A delivery mode (domain/modalita.ts). */
  modalita: (option: string) => kind((t) => read.modalita(option, t)),
  oneOf: <T extends string | number>(option: string, values: readonly T[], o?: Parameters<typeof read.oneOf<T>>[3]) =>
    kind((t) => read.oneOf(option, t, values, o)),
  /**
   * The repeatable `CODICE=ORE[:coll]`: at least one (`missing` is the message otherwise), each
   * read, the same service and mode at most once.
   */
  servizi: (option: string, missing: string) =>
    z.pipe(
      z.optional(z.array(z.string())),
      z.transform((texts: string[] | undefined, ctx) => {
        if (!texts || !texts.length) {
          ctx.issues.push({ code: 'custom', message: missing, input: texts });
          return z.NEVER;
        }
        const specs = [];
        for (const t of texts) {
          const r = read.servizioOre(option, t);
          if (!r.ok) {
            ctx.issues.push({ code: 'custom', message: r.message, input: t });
            return z.NEVER;
          }
          specs.push(r.value);
        }
        const twice = read.servizioRepeated(option, specs);
        if (twice) {
          ctx.issues.push({ code: 'custom', message: twice, input: texts });
          return z.NEVER;
        }
        return specs;
      }),
    ),
  /**
   * Free text that must not be blank; `missing` is the message when it is. Trimmed; no control
   * characters, at most `max` characters (a description's by default: values.ts LIMITI).
   */
  required: (missing: string, max: number = read.LIMITI.descrizione, name?: string) =>
    z.pipe(
      z.optional(z.string()),
      z.transform((v: string | undefined, ctx): string => {
        if (v === undefined || isBlank(v)) {
          ctx.issues.push({ code: 'custom', message: missing, input: v });
          return z.NEVER;
        }
        const r = checkedText(max, name).safeParse(v.trim());
        if (r.success) return r.data;
        for (const i of r.error.issues) ctx.issues.push({ ...i, code: 'custom', input: v } as never);
        return z.NEVER;
      }),
    ),
  /**
   * Optional free text, as given: no control characters, at most `max` characters (a
   * description's by default; names, codes and paths say theirs: values.ts LIMITI).
   */
  text: (max: number = read.LIMITI.descrizione, name?: string) => z.optional(checkedText(max, name)),
  /** A text that must be given (commander's required option, an argument), checked as `text`. */
  testo: (max: number, name?: string) => checkedText(max, name),
  /** The limits of `text` and `required`. */
  LIMITI: read.LIMITI,
  /** An on/off option (`--collettiva`, `--no-collettiva`). */
  flag: () => z.optional(z.boolean()),
  /** A repeatable option collected into a list. */
  list: () => z.optional(z.array(z.string())),
  /** An optional value; absent stays undefined. */
  optional: <S extends z.ZodMiniType>(s: S) => z.optional(s),
  /** An optional value where an empty text (`--patrono ""`) means "none": null. */
  clearable: <T>(s: z.ZodMiniType<T, string>) => unlessBlank(s, null),
  /** An optional value where an empty text counts as not given. */
  blankAsAbsent: <T>(s: z.ZodMiniType<T, string>) => unlessBlank(s, undefined),
};

export type Kinds = typeof kinds;

/** `fineOre` → `--fine-ore`: the option a schema key stands for, for messages zod writes itself. */
function optionOf(path: readonly PropertyKey[]): string {
  const key = String(path[0] ?? '');
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Commander's values through `schema`: the typed values, or a CommandLineError with the first problem
 * (one line, docs/comandi.md), the option's own message when a reader wrote it.
 */
export function parseOptions<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  if (issue.code !== 'custom') throw new CommandLineError(`${optionOf(issue.path)}: valore non valido`);
  throw new CommandLineError(issue.params?.relative ? `${optionOf(issue.path)}: ${issue.message}` : issue.message);
}
