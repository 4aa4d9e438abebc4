/**
 * V8 keeps a substring of 13 or more characters as a view into its parent string. A value taken
 * from a 1 MiB chunk of CSV text and kept (a cache key, a rule's map key, a finding's message)
 * would keep the whole chunk alive, and memory would grow with the file. Values that outlive
 * their row go through `detach`, which makes a copy of its own.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/** One shared, detached copy per distinct value (dote ids, sedi: few distinct, many rows). */
export function interner(): (s: string) => string {
  const m = new Map<string, string>();
  let last = '';
  return (s) => {
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
