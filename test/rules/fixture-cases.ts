/**
 * The annotated fixture folders, fixtures/rules/<family>/<rule>/<case>/, and their expected.txt
 * (the format is described in fixtures.test.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../helpers.js';
import { RULE_IDS } from '../../src/rules/catalog.js';

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

/** The lines of a fixture's text file, without `#` comments and blank lines. */
export function readLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

export type Severity = 'error' | 'warning';

export interface Expected {
  /** `file:line severity rule`, one per finding (duplicates kept), sorted. */
  findings: string[];
  /** `rule reason`, one per skipped rule (duplicates kept), sorted. */
  skipped: string[];
  /** The rule id of each finding, in file order (duplicates kept). */
  findingRules: string[];
}

export const finding = (file: string, line: number, severity: Severity, rule: string): string => `${file}:${line} ${severity} ${rule}`;
export const skip = (rule: string, reason: string): string => `${rule} ${reason.trim()}`;
export const count = (findings: readonly string[], severity: Severity): number => findings.filter((f) => f.split(' ')[1] === severity).length;

/** Reads a case's expected.txt; a line in neither form, or naming a rule the catalogue does not know, is a broken fixture. */
export function readExpected(dir: string): Expected {
  const file = path.join(dir, 'expected.txt');
  const findings: string[] = [];
  const skipped: string[] = [];
  const findingRules: string[] = [];
  for (const l of readLines(file)) {
    const f = /^(\S+):(\d+)\s+(error|warning)\s+(\S+)$/.exec(l);
    const s = f ? null : /^skipped\s+(\S+)\s+(\S.*)$/.exec(l);
    const rule = f?.[4] ?? s?.[1];
    if (!rule) throw new Error(`${file}: riga non valida "${l}" (atteso "file:riga error|warning regola" o "skipped regola motivo")`);
    if (!RULE_IDS.has(rule)) throw new Error(`${file}: regola sconosciuta "${rule}" in "${l}"`);
    if (f) {
      findings.push(finding(f[1]!, Number(f[2]), f[3] as Severity, rule));
      findingRules.push(rule);
    } else skipped.push(skip(rule, s![2]!));
  }
  return { findings: findings.sort(), skipped: skipped.sort(), findingRules };
}
