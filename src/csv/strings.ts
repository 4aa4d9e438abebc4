/**
 * V8 keeps a substring of 13 or more characters as a view into its parent string. A value taken
 * from a 1 MiB chunk of CSV text and kept (a cache key, a rule's map key, a finding's message)
 * would keep the whole chunk alive, and memory would grow with the file. Values that outlive
 * their row go through `detach`, which makes a copy of its own.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * A detached copy per distinct value (dote ids, sedi: few distinct, many rows). A value shorter
 * than 13 characters is already a copy of its own (see `detach`) and is returned as it is: looking
 * it up would cost more than the few bytes it saves while its row lives.
 */
export function interner(): (s: string) => string {
  const m = new Map<string, string>();
  let last = '';
  return (s) => {
    if (s.length < 13) return s;
    if (s === last) return last;
    let v = m.get(s);
    if (v === undefined) {
      v = detach(s);
      if (m.size > 1_000_000) m.clear();
      m.set(v, v);
    }
    last = v;
    return v;
  };
}

/**
 * `fn` with a cache per distinct text, the text of the row before compared first (consecutive
 * rows mostly repeat it: no hashing then). For lookups with few distinct values (a column's
 * spellings of a code); keys are detached; the cache is emptied past 10,000 entries.
 */
export function lastValueCache<T>(fn: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  let lastRaw: string | null = null;
  let lastValue!: T;
  return (raw) => {
    if (raw === lastRaw) return lastValue;
    let v = cache.get(raw);
    if (v === undefined && !cache.has(raw)) {
      raw = detach(raw);
      v = fn(raw);
      if (cache.size > 10_000) cache.clear();
      cache.set(raw, v as T);
    }
    lastRaw = raw;
    lastValue = v as T;
    return v as T;
  };
}

/**
 * A field parser with a cache per distinct text in front of `parse` (a calendar has few distinct
 * dates and times): the value of the row before is compared first, since consecutive rows often
 * repeat it (a day's rows, a session's times); cache keys are detached; the cache is emptied past
 * 50,000 entries. `parse` returns the value, or what is wrong with the text.
 */
export function cachedParser<T>(parse: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  let lastRaw: string | null = null;
  let lastValue = undefined as T;
  return (raw) => {
    if (raw === lastRaw) return lastValue;
    let v = cache.get(raw);
    if (v === undefined) {
      raw = detach(raw);
      v = parse(raw);
      if (cache.size > 50_000) cache.clear();
      cache.set(raw, v);
    }
    lastRaw = raw;
    lastValue = v;
    return v;
  };
}
