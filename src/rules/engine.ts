/**
 * Runs the delivery rules. The CSV checker streams rows through `createRuleRunner`; delivery
 * entry uses `checkCandidate`, which feeds a person's existing live deliveries first (their
 * findings are not reported) and then the candidate, so aggregate rules (a day's total) point at
 * the candidate when it is the one that crosses the limit.
 */
import type { Bando, RegolaSetting } from '../bandi/schema.js';
import type { DeliveryRow, DoteInfo, Finding, Rule, RuleCheck, RuleEnv, Severity } from './types.js';
import { DELIVERY_RULES } from './index.js';

export interface EnvOptions {
  oggi: string;
  bandoOf: (row: DeliveryRow) => Bando | undefined;
  dote?: (id: string) => DoteInfo | undefined;
  hasDatabase: boolean;
  giaRegistrate?: RuleEnv['giaRegistrate'];
  minutiPersona?: RuleEnv['minutiPersona'];
  erogazioniDelGiorno?: RuleEnv['erogazioniDelGiorno'];
  timesheetDelGiorno?: RuleEnv['timesheetDelGiorno'];
  rigaTimesheet?: RuleEnv['rigaTimesheet'];
  patronoOf?: (sede: string | null, row: DeliveryRow) => string | null;
  /** Receives every finding; return false to drop it (used to report only on a candidate). */
  onFinding: (f: Finding, row: DeliveryRow) => void;
  onSkip?: (ruleId: string, reason: string) => void;
}

export function settingOf(bando: Bando, ruleId: string): RegolaSetting | null {
  const s = bando.regole[ruleId];
  if (!s || s === 'off') return null;
  return s;
}

export function makeEnv(o: EnvOptions): RuleEnv {
  return {
    oggi: o.oggi,
    bandoOf: o.bandoOf,
    setting: settingOf,
    dote: o.dote ?? (() => undefined),
    hasDatabase: o.hasDatabase,
    giaRegistrate: o.giaRegistrate,
    minutiPersona: o.minutiPersona,
    erogazioniDelGiorno: o.erogazioniDelGiorno,
    timesheetDelGiorno: o.timesheetDelGiorno,
    rigaTimesheet: o.rigaTimesheet,
    patronoOf: o.patronoOf ?? (() => null),
    report(row, f: { rule: string; severity: Severity; message: string; column?: string }) {
      const finding: Finding = { ...f };
      if (row.file) finding.file = row.file;
      if (row.line) finding.line = row.line;
      if (row.erogazioneId !== undefined) finding.erogazioneId = row.erogazioneId;
      o.onFinding(finding, row);
    },
    skip: o.onSkip ?? (() => {}),
  };
}

export interface RuleRunner {
  row(r: DeliveryRow): void;
  end(): void;
}

export function createRuleRunner(env: RuleEnv, rules: readonly Rule[] = DELIVERY_RULES): RuleRunner {
  const checks: RuleCheck[] = rules.map((r) => r.create(env));
  const rowFns = checks.filter((c) => c.row).map((c) => c.row!.bind(c));
  const endFns = checks.filter((c) => c.end).map((c) => c.end!.bind(c));
  return {
    row(r) {
      for (let i = 0; i < rowFns.length; i++) rowFns[i]!(r);
    },
    end() {
      for (const f of endFns) f();
    },
  };
}

/**
 * Checks one candidate delivery against the existing ones (same person, same professional, same
 * dote: whatever the caller loaded). Returns only the findings about the candidate.
 */
export function checkCandidate(
  opts: Omit<EnvOptions, 'onFinding'>,
  existing: readonly DeliveryRow[],
  candidate: DeliveryRow,
  rules: readonly Rule[] = DELIVERY_RULES,
): Finding[] {
  const found: Finding[] = [];
  const env = makeEnv({
    ...opts,
    onFinding(f, row) {
      if (row === candidate) found.push(f);
    },
  });
  const runner = createRuleRunner(env, rules);
  const sorted = [...existing].sort((a, b) => a.day - b.day || a.inizio - b.inizio);
  for (const r of sorted) runner.row(r);
  runner.row(candidate);
  runner.end();
  return found;
}
