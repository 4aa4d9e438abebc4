/**
 * How a command file declares the zod schema of its options without loading zod while the
 * program is built: `defineOptions(build)` keeps the builder, and the schema is made, zod
 * imported, the first time the action parses (README "Prestazioni": zod costs ~45 ms to import,
 * which `dote --help` must not pay).
 *
 *   export const opzioni = defineOptions(({ z, date, optional }) => z.object({ data: optional(date('--data')) }));
 *   …
 *   .action(async (raw) => { const o = await opzioni.parse(raw); … })   // o.data: ISO date | undefined
 */
import type * as z from 'zod/mini';
import type { Kinds } from './kinds.js';

export interface OptionsSchema<S extends z.ZodMiniType> {
  /** The zod schema itself (built on first use). */
  schema(): Promise<S>;
  /** Commander's values to typed values; a bad value throws a UsageError naming the option (exit 2). */
  parse(input: unknown): Promise<z.output<S>>;
}

export function defineOptions<S extends z.ZodMiniType>(build: (k: Kinds) => S | Promise<S>): OptionsSchema<S> {
  let made: Promise<{ schema: S; parseOptions: (schema: S, input: unknown) => z.output<S> }> | undefined;
  const make = () => (made ??= import('./kinds.js').then(async (m) => ({ schema: await build(m.kinds), parseOptions: m.parseOptions })));
  return {
    schema: async () => (await make()).schema,
    parse: async (input) => {
      const { schema, parseOptions } = await make();
      return parseOptions(schema, input);
    },
  };
}
