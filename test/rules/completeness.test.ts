/**
 * The rule catalogue is complete (style.md 5): unique ids; every rule implemented except an
 * explicit list (update it when one lands); every rule that looks at CSV rows or deliveries has
 * at least one annotated fixture; every fixture folder names a real rule; every id is in the
 * README's rule table.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../src/rules/catalog.js';
import { implementedRuleIds } from '../../src/rules/index.js';
import { ROOT } from '../helpers.js';
import { fixtureCases } from './fixture-cases.js';

/** Rules in the catalogue with no implementation yet. Remove an id here when its rule lands. */
const NOT_YET_IMPLEMENTED = ['liquidazione/incomplete', 'liquidazione/result-180'];

describe('rule catalogue', () => {
  const ids = RULES.map((r) => r.id);

  it('has unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is implemented except for the explicit list', () => {
    const implemented = implementedRuleIds();
    expect(ids.filter((id) => !implemented.has(id)).sort()).toEqual([...NOT_YET_IMPLEMENTED].sort());
    // Nothing is implemented under an id the catalogue does not know.
    expect([...implemented].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('has a fixture for every file and delivery rule, and no fixture for an unknown rule', () => {
    const cases = fixtureCases();
    const withFixture = new Set(cases.map((c) => c.rule));
    const needed = RULES.filter((r) => r.scope === 'file' || r.scope === 'erogazione').map((r) => r.id);
    expect(needed.filter((id) => !withFixture.has(id))).toEqual([]);
    expect([...withFixture].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('is documented in the README rule table', () => {
    const readme = path.join(ROOT, 'README.md');
    expect(existsSync(readme)).toBe(true);
    const text = readFileSync(readme, 'utf8');
    const tableIds = new Set([...text.matchAll(/^\|\s*`([a-z]+\/[a-z0-9-]+)`\s*\|/gm)].map((m) => m[1]));
    expect(ids.filter((id) => !tableIds.has(id))).toEqual([]);
  });
});
