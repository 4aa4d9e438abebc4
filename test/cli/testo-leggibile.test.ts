/**
 * Issue 13, "How it is checked": the text a clerk reads (stdout and stderr, without --json) never
 * shows a programmer's field name (`creata_il:`, `valore_cent`, `valoreCent`), an ISO date or
 * timestamp, or raw JSON. The demo is run as it is (its echoed `$ dote …` lines are the user's own
 * input and are skipped), then the commands it does not run, on its database: the registry, the
 * Job Coach voucher through its deliveries and activities, a D1-IMP dote with PIP changes and its
 * enterprise, the claim, the history. Temp folders and files are named without dates, so a path
 * the tool prints never looks like one.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dote, runDemo, tempDir } from '../helpers.js';

/** What a text line must not contain, with the reason given on failure. */
const OFFENCES: [RegExp, string][] = [
  [/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+:/, 'nome di campo snake_case seguito da due punti'],
  [/\b[a-z][a-z0-9]*_cent\b|[a-z]Cent\b/, 'valore in centesimi (nome di campo)'],
  [/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/, 'data o timestamp ISO'],
  [/\{"|\[\{/, 'JSON grezzo'],
];

/** "command → line: reason" for each offending line of `text`. */
function offenders(command: string, text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const [re, why] of OFFENCES) if (re.test(line)) out.push(`${command} → ${JSON.stringify(line)}: ${why}`);
  }
  return out;
}

const J = 'JC-1-1103/022';
const CR = 'CR-2022-0001';
const CF_IMP = 'RSSMRA80A01D150J';
const CF_RIF = 'BNCNNA90A41H501T';
const IMP = 'CR-IMP-1';
const CF_INS = 'VRDLGU85M01L736M';
const INS = 'CR-INS-2';

describe('text output reads as Italian, for a clerk', () => {
  it('no field names, ISO dates, cent values or raw JSON in the demo and in every other command', () => {
    const t = tempDir('dote-testo-');
    try {
      const demo = runDemo(t.dir);
      const out = demo.out;
      expect(demo.status, demo.stderr).toBe(0);
      const found: string[] = [];
      let step = 'demo';
      for (const line of demo.stdout.split('\n')) {
        if (line.startsWith('$ dote ')) step = line.slice(2);
        else found.push(...offenders(step, line));
      }
      found.push(...offenders('demo (stderr)', demo.stderr));

      const db = path.join(out, 'demo.db');
      writeFileSync(path.join(t.dir, 'relazione.txt'), '# Attività svolte e risultati\nColloqui e affiancamento.\n# Inserimento nell\'azienda\nBuono.\n# Capacità lavorativa\nAdeguata.\n# Possibilità di mantenere il posto di lavoro\nAlta.\n');
      writeFileSync(path.join(t.dir, 'scheda.txt'), 'scheda anagrafica\n');
      const at = (oggi: string, ...args: string[]) => ({ args, oggi });
      const commands = [
        // Read only, on the demo's data.
        at('2022-07-15', 'bandi'),
        at('2022-07-15', 'catalogo', 'cremona-2021'),
        at('2022-07-15', 'catalogo', 'veneto-jc-2022'),
        at('2022-07-15', 'regole'),
        at('2022-07-15', 'modelli'),
        at('2022-07-15', 'ente', 'mostra'),
        at('2022-07-15', 'sede', 'elenco'),
        at('2022-07-15', 'sede', 'mostra', 'Cremona'),
        at('2022-07-15', 'professionista', 'elenco'),
        at('2022-07-15', 'professionista', 'mostra', 'P01'),
        at('2022-07-15', 'destinatario', 'elenco'),
        at('2022-07-15', 'destinatario', 'mostra', 'BNCLGU75B12D150X'),
        at('2022-07-15', 'contratto', 'elenco', CR),
        at('2022-07-15', 'output', 'elenco', CR),
        at('2022-07-15', 'liquidazione', 'elenco'),
        at('2022-07-15', 'liquidazione', 'mostra', CR),
        at('2022-07-15', 'liquidazione', 'impronte', path.join(out, 'liquidazione-cr-2022-0001')),
        at('2022-07-15', 'attivita', 'elenco', J),
        at('2022-07-15', 'mostra', J),
        // The registry changes.
        at('2022-07-15', 'sede', 'aggiungi', 'Crema', '--comune', 'Crema', '--patrono', '25/09', '--indirizzo', 'Via Roma 1'),
        at('2022-07-15', 'professionista', 'aggiungi', 'P03', '--nome', 'Carla Neri', '--ruolo', 'tutor'),
        at('2022-07-15', 'ente', 'imposta', '--rappresentante', 'Maria Bianchi Rossi'),
        at('2022-07-15', 'destinatario', 'aggiungi', '--cf', CF_IMP, '--nome', 'Mario', '--cognome', 'Rossi', '--disabilita', 'fisica', '--l68', '--did'),
        at('2022-07-15', 'destinatario', 'aggiungi', '--cf', CF_RIF, '--nome', 'Anna', '--cognome', 'Bianca', '--disabilita', 'fisica', '--l68', '--did'),
        at('2022-07-15', 'destinatario', 'modifica', CF_IMP, '--email', 'mario.rossi@example.it'),
        at('2022-07-15', 'destinatario', 'misura', CF_IMP, '--tipo', 'DUL', '--dal', '2021-01-15', '--al', '2021-06-30'),
        at('2022-07-15', 'destinatario', 'mostra', CF_IMP),
        at('2022-07-15', 'storia', '--anagrafica'),
        // The Job Coach voucher: deliveries through their states, an activity concluded, its documents.
        at('2022-06-27', 'erogazione', 'aggiungi', J, '--servizio', 'JC-AN', '--data', '2022-06-28', '--inizio', '10:00', '--fine', '12:00', '--professionista', 'P02'),
        at('2022-06-27', 'erogazione', 'modifica', '10', '--fine', '13:00'),
        at('2022-06-28', 'erogazione', 'programma', '10'),
        at('2022-06-28', 'erogazione', 'avvia', '10'),
        at('2022-06-28', 'erogazione', 'concludi', '10'),
        at('2022-06-28', 'erogazione', 'aggiungi', J, '--servizio', 'JC-DE', '--data', '2022-06-30', '--inizio', '09:00', '--fine', '11:30', '--professionista', 'P02'),
        at('2022-06-28', 'erogazione', 'annulla', '11'),
        at('2022-06-28', 'erogazione', 'aggiungi', J, '--servizio', 'JC-DE', '--data', '2022-06-30', '--inizio', '14:00', '--fine', '15:00', '--professionista', 'P02'),
        at('2022-06-29', 'erogazione', 'programma', '12'),
        at('2022-06-30', 'erogazione', 'chiudi-negativamente', '12'),
        at('2022-07-01', 'attivita', 'concludi', J, 'JC-AN'),
        at('2022-07-01', 'attivita', 'elenco', J),
        at('2022-07-01', 'erogazione', 'elenco', J),
        at('2022-07-01', 'mostra', J),
        at('2022-07-01', 'scadenze'),
        at('2022-07-01', 'stampa', 'attestazione', J, '-o', path.join(t.dir, 'attestazione.pdf')),
        at('2022-07-01', 'stampa', 'registro', J, '-o', path.join(t.dir, 'registro-jc.pdf')),
        at('2022-07-01', 'relazione', J, '--testo', path.join(t.dir, 'relazione.txt'), '-o', path.join(t.dir, 'relazione.pdf')),
        at('2022-07-01', 'storia', J),
        // A refused request.
        at('2022-06-20', 'nuova', '--tipo', 'JC-BASE', '--destinatario', CF_RIF, '--id', 'JC-2', '--data', '2022-06-20'),
        at('2022-06-21', 'rifiuta', 'JC-2', '--motivo', 'requisiti mancanti'),
        at('2022-06-21', 'storia', 'JC-2'),
        // A D1-IMP dote: its PIP sent, validated and changed, the enterprise, what blocks the claim.
        at('2022-03-01', 'nuova', '--tipo', 'D1-IMP', '--destinatario', CF_IMP, '--fascia', '3', '--data', '2022-03-01', '--id', IMP),
        at('2022-03-02', 'pip', 'imposta', IMP, '--servizio', 'QD2=2', '--servizio', 'QT5=4', '--data', '2022-03-02'),
        at('2022-03-03', 'pip', 'invia', IMP),
        at('2022-03-04', 'pip', 'valida', IMP),
        at('2022-03-05', 'pip', 'varia', IMP, '--servizio', 'QT5=2', '--servizio', 'QT0=4', '--motivo', 'più formazione', '--data', '2022-03-05'),
        at('2022-03-05', 'stampa', 'variazione', IMP, '-o', path.join(t.dir, 'variazione.pdf')),
        at('2022-03-05', 'erogazione', 'aggiungi', IMP, '--servizio', 'QD2', '--data', '2022-03-07', '--inizio', '09:00', '--fine', '10:30', '--professionista', 'P01', '--sede', 'Cremona'),
        at('2022-03-07', 'erogazione', 'programma', '13'),
        at('2022-03-07', 'erogazione', 'avvia', '13'),
        at('2022-03-07', 'erogazione', 'concludi', '13'),
        at('2022-03-08', 'output', 'aggiungi', IMP, 'QD2', '--file', path.join(t.dir, 'scheda.txt')),
        at('2022-03-08', 'output', 'elenco', IMP),
        at('2022-03-20', 'impresa', 'imposta', IMP, '--denominazione', 'Rossi Servizi srl', '--partita-iva', '01234567897', '--iscrizione', '2022-03-15', '--rea', 'CR-123456'),
        at('2022-03-20', 'impresa', 'mostra', IMP),
        at('2022-03-20', 'mostra', IMP),
        at('2022-03-20', 'liquidazione', 'verifica', IMP),
        at('2022-03-20', 'stampa', 'pip', IMP, '-o', path.join(t.dir, 'pip-imp.pdf')),
        at('2022-03-20', 'stampa', 'timesheet', '--professionista', 'P01', '--mese', '2022-03', '-o', path.join(t.dir, 'timesheet.pdf')),
        at('2022-03-20', 'storia', IMP),
        at('2022-03-20', 'elenco'),
        // A D1-INS dote with a traineeship (not a result) recorded and removed.
        at('2022-03-01', 'destinatario', 'aggiungi', '--cf', CF_INS, '--nome', 'Luigi', '--cognome', 'Verdi', '--l68', '--did'),
        at('2022-03-01', 'nuova', '--tipo', 'D1-INS', '--destinatario', CF_INS, '--fascia', '2', '--data', '2022-03-01', '--id', INS),
        at('2022-03-20', 'contratto', 'aggiungi', INS, '--tipo', 'tirocinio', '--dal', '2022-04-01', '--al', '2022-09-30', '--ore-settimanali', '20', '--ore-ccnl', '40', '--azienda', 'Bianchi srl'),
        at('2022-03-20', 'contratto', 'elenco', INS),
        at('2022-03-20', 'contratto', 'rimuovi', INS, '1'),
        at('2022-03-20', 'storia', INS),
        at('2022-07-15', 'storia', CR),
        at('2022-07-15', 'backup', path.join(t.dir, 'copia.db')),
      ];
      const ran = new Map<string, string>();
      for (const { args, oggi } of commands) {
        const r = dote([...args, '--db', db, '--oggi', oggi], { cwd: t.dir, env: { DOTE_OPERATORE: 'demo' } });
        const name = `dote ${args.join(' ')}`;
        // Every command must have run (a failure would hide the output it is meant to check), except
        // the claim check of the open D1-IMP dote, which exits 1 while something blocks it.
        if (r.status !== 0 && !(args[0] === 'liquidazione' && args[1] === 'verifica')) found.push(`${name} → stato ${r.status}: ${r.stderr}`);
        ran.set(name, r.stdout + r.stderr);
        found.push(...offenders(name, r.stdout), ...offenders(`${name} (stderr)`, r.stderr));
      }
      expect(found).toEqual([]);
      // Wordings fixed for issue 13 (each was a field name, a code or a layout slip).
      expect(ran.get('dote catalogo cremona-2021')).toContain("— entro 30 giorni lavorativi dall'invio del PIP\n");
      expect(ran.get('dote catalogo cremona-2021')).not.toMatch(/invio-pip|da attivazione/);
      expect(ran.get(`dote output elenco ${CR}`)).toMatch(/^Mancano \(dote output aggiungi DOTE SERVIZIO\):\n {2}QD1 {2}Scheda anagrafica$/m);
      expect(ran.get('dote storia --anagrafica')).toMatch(/^ {4}PEC: ilponte@pec\.it\n {4}IBAN: IT60/m);
    } finally {
      t.cleanup();
    }
  }, 120_000);

  it('the patterns catch what they are meant to catch', () => {
    expect(offenders('x', 'creata_il: 2026-12-02T04:31:00.000Z\n{"a":1}\nvaloreCent 5\nvalore_cent\nok 02/12/2026')).toHaveLength(5);
    expect(offenders('x', 'Dote CR-2022-0001 del 02/12/2026: 3.596,00 €; timesheet-p01-2022-03.pdf')).toEqual([]);
  });
});
