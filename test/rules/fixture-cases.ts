/** The annotated fixture folders: fixtures/rules/<family>/<rule>/<case>/ (see fixtures.test.ts). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../helpers.js';

const RULES_DIR = path.join(FIXTURES, 'rules');

export interface FixtureCase {
  /** e.g. `csv/encoding/binary` */
  name: string;
  rule: string;
  dir: string;
}

/** Case folders: fixtures/rules/<family>/<rule>/<case>/ (the rule id has one slash). */
export function fixtureCases(): FixtureCase[] {
  if (!existsSync(RULES_DIR)) return [];
  const out: FixtureCase[] = [];
  const dirs = (p: string) => readdirSync(p).filter((n) => statSync(path.join(p, n)).isDirectory()).sort();
  for (const family of dirs(RULES_DIR)) {
    for (const rule of dirs(path.join(RULES_DIR, family))) {
      for (const c of dirs(path.join(RULES_DIR, family, rule))) {
        out.push({ name: `${family}/${rule}/${c}`, rule: `${family}/${rule}`, dir: path.join(RULES_DIR, family, rule, c) });
      }
    }
  }
  return out;
}

