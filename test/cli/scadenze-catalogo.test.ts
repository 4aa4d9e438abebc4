/**
 * Doti of a bando whose catalogue is not loaded (created with `--catalogo FILE`, read without it):
 * `dote elenco` still lists them from the database, `dote scadenze` names them instead of
 * dropping their deadlines silently.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, withDb } from '../helpers.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const ROSSI = 'RSSMRA80A01D150J';
const VERDI = 'VRDLGU95C15D150E';

function setup() {
  const t = withDb();
  cleanups.push(t.cleanup);
  const base = JSON.parse(readFileSync(path.join(ROOT, 'src/bandi/catalogues/cremona-2021.json'), 'utf8'));
  const cat = path.join(t.dir, 'cr23.json');
  writeFileSync(cat, JSON.stringify({ ...base, id: 'cremona-2023', inizio: '01/01/2023', fine: '30/06/2024' }));
  const run = (args: string[], oggi = '2023-03-20') => t.run(args, { DOTE_OGGI: oggi, DOTE_OPERATORE: 'test' });
  const ok = (args: string[], oggi?: string) => {
    const r = run(args, oggi);
    expect(r.status, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r;
  };
  ok(['destinatario', 'aggiungi', '--cf', ROSSI, '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did']);
  ok(['destinatario', 'aggiungi', '--cf', VERDI, '--nome', 'Luigi', '--cognome', 'Verdi', '--disabilita', 'fisica', '--l68', '--did']);
  // Activated 01/03/2023: its PIP was due by PEC on 15/03/2023, overdue on 20/03/2023.
  ok(['nuova', '--bando', 'cremona-2023', '--tipo', 'D1-INS', '--destinatario', ROSSI, '--fascia', '1', '--id', 'CR23-1', '--data', '2023-03-01', '--catalogo', cat], '2023-03-01');
  ok(['nuova', '--bando', 'cremona-2021', '--tipo', 'D1-INS', '--destinatario', VERDI, '--fascia', '1', '--id', 'CR21-1', '--data', '2022-03-01'], '2022-03-01');
  return { ...t, cat, run, ok };
}

describe('a dote whose bando catalogue is not loaded', () => {
  it('dote elenco lists it from the database and says the catalogue is not loaded', () => {
    const t = setup();
    const list = t.ok(['elenco', '--json']).json();
    expect(list.map((d: { id: string }) => d.id)).toEqual(['CR21-1', 'CR23-1']);
    expect(list.find((d: { id: string }) => d.id === 'CR23-1')).toMatchObject({
      bando: 'cremona-2023',
      tipo: 'D1-INS',
      stato: 'ATTIVA',
      catalogoCaricato: false,
      destinatario: { cf: ROSSI, nome: 'Mario', cognome: 'Rossi' },
      dataInizio: '2023-03-01',
    });
    expect(list.find((d: { id: string }) => d.id === 'CR21-1')).toMatchObject({ catalogoCaricato: true });
    const text = t.ok(['elenco']).stdout;
    expect(text).toMatch(/CR23-1\s+D1-INS\s+ATTIVA !\s+Rossi Mario/);
    expect(text).toMatch(/catalogo del bando non caricato \(cremona-2023\).*--catalogo FILE/);
    expect(t.ok(['elenco', '--bando', 'cremona-2023', '--json']).json().map((d: { id: string }) => d.id)).toEqual(['CR23-1']);
    expect(t.ok(['elenco', '--stato', 'attiva', '--json']).json().map((d: { id: string }) => d.id)).toEqual(['CR21-1', 'CR23-1']);
    // Loaded again, it is a dote like any other.
    expect(t.ok(['elenco', '--json', '--catalogo', t.cat]).json().find((d: { id: string }) => d.id === 'CR23-1')).toMatchObject({ catalogoCaricato: true });
  });

  it('dote scadenze names it, with the hint, in text and in --json', () => {
    const t = setup();
    const j = t.ok(['scadenze', '--json']).json();
    expect(j.nonCalcolate).toEqual([{ doteId: 'CR23-1', bando: 'cremona-2023', tipo: 'D1-INS', statoRegistrato: 'ATTIVA', destinatario: { cf: ROSSI, nome: 'Mario', cognome: 'Rossi' } }]);
    expect(j.scadenze.some((s: { doteId: string }) => s.doteId === 'CR23-1')).toBe(false);
    const text = t.ok(['scadenze']).stdout;
    expect(text).toMatch(/Scadenze non calcolate per 1 dote, il cui catalogo del bando non è caricato: CR23-1 \(cremona-2023\); carica il catalogo con --catalogo FILE\./);
    // With its catalogue, its overdue PEC is listed and nothing is left uncomputed.
    const loaded = t.ok(['scadenze', '--json', '--catalogo', t.cat]).json();
    expect(loaded.nonCalcolate).toEqual([]);
    expect(loaded.scadenze.find((s: { doteId: string; id: string }) => s.doteId === 'CR23-1' && s.id === 'invio-pip')).toMatchObject({ entro: '2023-03-15', stato: 'scaduta' });
    expect(t.ok(['scadenze', '--catalogo', t.cat]).stdout).not.toMatch(/non calcolate/);
  });
});
