/**
 * Runs the delivery rules. The CSV checker streams rows through `createRuleRunner`; delivery
 * entry uses `checkCandidate`, which feeds a person's existing live deliveries first (their
 * findings are not reported) and then the candidate, so aggregate rules (a day's total) point at
 * the candidate when it is the one that crosses the limit.
 */
import type { Bando, RegolaSetting } from '../bandi/schema.js';
import type { DeliveryRow, DoteInfo, Finding, Rule, RuleCheck, RuleEnv, SharedEnv } from './types.js';
import { finding } from './types.js';
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

export function makeEnv(o: EnvOptions): SharedEnv {
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
    emit(row, f) {
      if (row.file) f.file = row.file;
      if (row.line) f.line = row.line;
      if (row.erogazioneId !== undefined) f.erogazioneId = row.erogazioneId;
      o.onFinding(f, row);
    },
    skip: o.onSkip ?? (() => {}),
  };
}

export interface RuleRunner {
  row(r: DeliveryRow): void;
  end(): void;
}

/** A rule's own view of the run: its `report` writes the rule's message from the data it gives. */
function envFor(shared: SharedEnv, rule: Rule): RuleEnv {
  return {
    ...shared,
    report(row, f) {
      const said = { messageId: f.messageId, data: f.data } as Parameters<typeof finding>[2];
      shared.emit(row, finding(rule, f.severity, said, { column: f.column }));
    },
  };
}

export function createRuleRunner(shared: SharedEnv, rules: readonly Rule[] = DELIVERY_RULES): RuleRunner {
  const checks: RuleCheck[] = rules.map((r) => r.create(envFor(shared, r)));
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
