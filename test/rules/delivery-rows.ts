/** Builders for the delivery-rule tests: rows as the CSV checker or delivery entry makes them. */
import { loadCatalogues } from '../../src/bandi/load.js';
import { createRuleRunner, makeEnv, checkCandidate } from '../../src/rules/engine.js';
import type { DeliveryRow, DoteInfo, Finding, Rule } from '../../src/rules/types.js';
import { dayNumber, parseTime } from '../../src/domain/dates.js';

export const cats = loadCatalogues();
export const VENETO = cats.get('veneto-jc-2022');
export const CREMONA = cats.get('cremona-2021');

export interface RowSpec extends Partial<Omit<DeliveryRow, 'inizio' | 'fine' | 'data'>> {
  data: string;
  inizio: string;
  fine: string;
}

let autoLine = 1;

/** A row; `line` auto-increments when not given, `file` defaults to calendario.csv. */
export function row(s: RowSpec): DeliveryRow {
  const inizio = parseTime(s.inizio)!, fine = parseTime(s.fine)!;
  return {
    kind: 'calendario',
    file: 'calendario.csv',
    line: ++autoLine,
    doteId: 'JC-1-1103/022',
    servizio: 'JC-AL',
    professionista: 'P01',
    cf: 'RSSMRA80A01H501U',
    modalita: 'presenza',
    collettiva: false,
    sede: null,
    registrataIl: null,
    ...s,
    data: s.data,
    day: dayNumber(s.data),
    inizio,
    fine,
    minuti: fine - inizio,
  };
}

export interface RunOptions {
  doti?: DoteInfo[];
  patroni?: Record<string, string>;
  hasDatabase?: boolean;
  bando?: string;
}

export interface RunResult {
  findings: (Finding & { at: string })[];
  skipped: { rule: string; reason: string }[];
}

function envOptions(o: RunOptions) {
  const doti = new Map((o.doti ?? []).map((d) => [d.id, d]));
  return {
    oggi: '2022-07-01',
    bandoOf: (r: DeliveryRow) => (o.bando ? cats.get(o.bando) : doti.get(r.doteId)?.bando ?? cats.bandoOfServizio(r.servizio)),
    dote: (id: string) => doti.get(id),
    hasDatabase: o.hasDatabase ?? doti.size > 0,
    patronoOf: (sede: string | null) => (sede ? o.patroni?.[sede] ?? null : null),
  };
}

/** Streams rows through the given rules, as `dote verifica` does. */
export function runRows(rules: Rule[], rows: DeliveryRow[], o: RunOptions = {}): RunResult {
  const findings: RunResult['findings'] = [];
  const skipped: RunResult['skipped'] = [];
  const env = makeEnv({
    ...envOptions(o),
    onFinding: (f) => findings.push({ ...f, at: f.erogazioneId !== undefined ? `e${f.erogazioneId}` : `${f.file}:${f.line}` }),
    onSkip: (rule, reason) => skipped.push({ rule, reason }),
  });
  const runner = createRuleRunner(env, rules);
  for (const r of rows) runner.row(r);
  runner.end();
  return { findings, skipped };
}

/** Where findings point: `file:line rule` strings, for exact comparisons. */
export function at(res: RunResult): string[] {
  return res.findings.map((f) => `${f.at} ${f.rule}`);
}

export function candidate(rules: Rule[], existing: DeliveryRow[], c: DeliveryRow, o: RunOptions = {}): Finding[] {
  return checkCandidate(envOptions(o), existing, c, rules);
}

/** A DoteInfo as the database would give it. */
export function doteInfo(p: Partial<DoteInfo> & { id: string }): DoteInfo {
  return {
    bando: VENETO,
    tipo: 'JC-BASE',
    fascia: null,
    inizio: '2022-06-01',
    fine: '2023-12-31',
    cf: 'RSSMRA80A01H501U',
    cap: new Map(),
    pianificato: null,
    // A Job Coach voucher unless told otherwise: its hours are the activities'.
    attivita: (p.bando ?? VENETO) === VENETO,
    doteAnnualitaPrecedente: false,
    stato: 'AMMESSO AL SERVIZIO',
    ...p,
  };
}
