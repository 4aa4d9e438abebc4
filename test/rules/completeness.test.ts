/**
 * The rule catalogue is complete, checked exactly, both ways:
 * - ids are unique; the registry (src/rules/index.ts) implements exactly the catalogue's ids
 *   (src/rules/catalog.ts RULES) minus an explicit list of rules not yet implemented, with no
 *   id listed twice and none the catalogue does not know;
 * - every implemented rule has a test: an annotated fixture that expects a finding of it (rules
 *   that look at CSV files or deliveries must have one), or a test named after it (`describe` or
 *   `it` whose title starts with the id) for the rules that look at doti;
 * - every fixture folder names a rule of the catalogue;
 * - the README's rule table is, byte for byte, what `dote regole --markdown` prints, and that
 *   output has one row per catalogue rule, in the catalogue's order;
 * - the README's "Regole" section has one `###` section per rule whose title is the rule id,
 *   in the catalogue's order, and no other.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../src/rules/catalog.js';
import { ALL_RULES, DELIVERY_RULES, OTHER_RULES, implementedRuleIds } from '../../src/rules/index.js';
import { dote, ROOT, tempDir } from '../helpers.js';
import { fixtureCases, readExpected } from './fixture-cases.js';

/** Rules in the catalogue with no implementation yet. Remove an id here when its rule lands. */
const NOT_YET_IMPLEMENTED: string[] = [];

const ids = RULES.map((r) => r.id);
const sorted = (xs: Iterable<string>) => [...xs].sort();
const readme = () => readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Every `*.test.ts` under test/, recursively. */
function testFiles(dir = path.join(ROOT, 'test')): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return testFiles(p);
    return n.endsWith('.test.ts') ? [p] : [];
  });
}

/** The titles of every describe/it/test block of the test files. */
function testTitles(): string[] {
  return testFiles().flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\b(?:describe|it|test)\(\s*(['"`])(.*?)\1/g)].map((m) => m[2]!));
}

/** The lines of the "## Regole" section of the README (up to the next "## " heading). */
function regoleSection(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf('## Regole');
  expect(start, 'README: manca la sezione "## Regole"').toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

describe('rule catalogue', () => {
  it('has unique ids', () => {
    expect(ids.length).toBeGreaterThan(30);
    expect(sorted(new Set(ids))).toEqual(sorted(ids));
  });

  it('is implemented by the registry exactly, except for the explicit list', () => {
    const delivery = DELIVERY_RULES.map((r) => r.id);
    const other = OTHER_RULES.map((r) => r.id);
    const registered = [...delivery, ...other];
    // No id registered twice (a Set would hide it).
    expect(sorted(registered)).toEqual(sorted(new Set(registered)));
    // The explicit registry lists are sorted.
    expect(delivery).toEqual(sorted(delivery));
    expect(other).toEqual(sorted(other));
    expect(ALL_RULES.map((r) => r.id)).toEqual(sorted(registered));
    expect(sorted(implementedRuleIds())).toEqual(sorted(registered));
    // Registry = catalogue minus the rules not yet implemented, both ways.
    expect(NOT_YET_IMPLEMENTED.filter((id) => !ids.includes(id))).toEqual([]);
    expect(sorted(registered)).toEqual(sorted(ids.filter((id) => !NOT_YET_IMPLEMENTED.includes(id))));
  });

  it('has rule modules of one shape: an id, messages by id that write the text, and a check', () => {
    // Every `messageId: '…'` the source says, to find messages no check uses.
    const srcFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? srcFiles(path.join(dir, n)) : n.endsWith('.ts') ? [path.join(dir, n)] : []));
    const said = new Set(srcFiles(path.join(ROOT, 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/messageId: '(\w+)'/g)].map((m) => m[1]!)));
    for (const rule of ALL_RULES) {
      const keys = Object.keys(rule.messages);
      expect(keys.length, `${rule.id}: nessun messaggio`).toBeGreaterThan(0);
      for (const k of keys) {
        expect(typeof rule.messages[k], `${rule.id}.messages.${k}`).toBe('function');
        expect(said.has(k), `${rule.id}: il messaggio ${k} non è usato da nessun controllo`).toBe(true);
      }
      // The check: `create` for delivery rules (run by the engine), a function over plain values for the others.
      const checks = Object.entries(rule).filter(([, v]) => typeof v === 'function');
      expect(checks.length, `${rule.id}: nessun controllo`).toBeGreaterThan(0);
    }
  });

  it('has a test for every implemented rule, and no fixture for an unknown rule', () => {
    const cases = fixtureCases();
    expect(cases.length).toBeGreaterThan(40);
    expect(sorted(new Set(cases.map((c) => c.rule).filter((id) => !ids.includes(id))))).toEqual([]);
    // A rule's fixture folder must expect at least one finding of that rule somewhere, or it
    // shows only that the rule stays quiet.
    const exercised = new Set(cases.flatMap((c) => (readExpected(c.dir).findingRules.includes(c.rule) ? [c.rule] : [])));
    const fileRules = RULES.filter((r) => r.scope === 'file' || r.scope === 'erogazione').map((r) => r.id);
    expect(fileRules.filter((id) => !exercised.has(id)), 'regole di file o erogazione senza un caso annotato che le segnali').toEqual([]);
    const titles = testTitles();
    const named = (id: string) => titles.some((t) => t === id || t.startsWith(`${id} `) || t.startsWith(`${id}:`));
    const implemented = implementedRuleIds();
    const untested = ids.filter((id) => implemented.has(id) && !exercised.has(id) && !named(id));
    expect(untested, 'regole senza un caso annotato né un test che porti il loro id nel titolo').toEqual([]);
  });

  it('README rule table is exactly `dote regole --markdown`', () => {
    const t = tempDir();
    try {
      // In an empty folder, so no ./dote.db and no user catalogue is picked up.
      const r = dote(['regole', '--markdown'], { cwd: t.dir });
      expect(r.status, r.stderr).toBe(0);
      const generated = r.stdout;
      const rows = generated.split('\n').filter((l) => l.startsWith('| `'));
      expect(rows.map((l) => /^\| `([^`]+)` \|/.exec(l)?.[1])).toEqual(ids);
      const lines = readme().split('\n');
      const headers = lines.flatMap((l, i) => (l.startsWith('| regola |') ? [i] : []));
      expect(headers.length, 'README: una sola tabella delle regole').toBe(1);
      let end = headers[0]!;
      while (end < lines.length && lines[end]!.startsWith('|')) end++;
      const block = lines.slice(headers[0], end).join('\n') + '\n';
      expect(block).toBe(generated);
    } finally {
      t.cleanup();
    }
  });

  it('README has one section per rule, titled with its id, in catalogue order', () => {
    const titles = regoleSection(readme())
      .filter((l) => /^#{3,}\s/.test(l))
      .map((l) => {
        const m = /^###\s+(.*?)\s*$/.exec(l);
        expect(m, `README, sezione Regole: titolo non di terzo livello "${l}"`).not.toBeNull();
        return m![1]!.replace(/`/g, '');
      });
    expect(titles).toEqual(ids);
  });
});
