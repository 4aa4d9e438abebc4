/**
 * `dote nuova` on a terminal asks its questions (@inquirer/prompts). The terminal is made by
 * util-linux `script`; each answer is typed once its question is on the screen, as a person
 * would. Skipped where `script` is not installed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { DOTE, sql, withDb } from '../helpers.js';

const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Runs a command in a pseudo-terminal, answering each question when its text appears. */
function converse(cmd: string, env: Record<string, string>, dialogue: [RegExp, string][]): Promise<{ status: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    let step = 0;
    let seen = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timeout at step ${step}; screen:\n${screen}`));
    }, 30_000);
    child.stdout.on('data', (b: Buffer) => {
      screen += b.toString('utf8');
      while (step < dialogue.length) {
        const [question, keys] = dialogue[step]!;
        const m = question.exec(screen.slice(seen));
        if (!m) break;
        seen += m.index + m[0].length;
        step++;
        setTimeout(() => child.stdin.write(keys), 150);
      }
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, screen });
    });
  });
}

describe.skipIf(!hasScript)('dote nuova on a terminal', () => {
  it('asks bando, tipo, destinatario, fascia, linea, azienda and date, then creates the dote', async () => {
    const t = withDb();
    cleanups.push(t.cleanup);
    const env = { DOTE_OGGI: '2021-06-30', DOTE_OPERATORE: 'test' };
    expect(t.run(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--l68', '--did'], env).status).toBe(0);
    const r = await converse(
      `'${process.execPath}' '${DOTE}' nuova --db '${t.db}'`,
      { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', NO_COLOR: '1', ...env },
      [
        [/Bando/, '\r'], // first: cremona-2021
        [/Tipo di dote/, '\r'], // first: D1-INS
        [/Codice fiscale del destinatario/, 'RSSMRA80A01D150J\r'],
        [/Fascia assegnata dalla Provincia/, '\x1b[B\x1b[B\r'], // fascia 3
        [/Linea di assegnazione/, '\r'], // chosen from the priority categories
        [/Azienda/, '\r'], // none
        [/Data di attivazione/, '\r'], // today
      ],
    );
    expect(r.status, r.screen).toBe(0);
    expect(r.screen).toMatch(/Dote CR-2021-0001 ATTIVA: D1-INS fascia 3, linea b per Rossi Mario/);
    // The key hints speak Italian too.
    expect(r.screen).toMatch(/↑↓ scegli • ⏎ conferma/);
    expect(r.screen).not.toMatch(/navigate/);
    expect(sql(t.db, 'SELECT id, tipo, fascia, linea, data_attivazione FROM dote')).toEqual([
      { id: 'CR-2021-0001', tipo: 'D1-INS', fascia: 3, linea: 'b', data_attivazione: '2021-06-30' },
    ]);
  });

  it('says what is wrong with a mistyped codice fiscale as destinatario aggiungi does, then asks again', async () => {
    const t = withDb();
    cleanups.push(t.cleanup);
    const env = { DOTE_OGGI: '2021-06-30', DOTE_OPERATORE: 'test' };
    const cf = ['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150K', '--nome', 'Mario', '--cognome', 'Rossi', '--l68', '--did'];
    const refused = t.run(cf, env);
    expect(refused.status).toBe(1);
    const reason = 'carattere di controllo errato: "K", atteso "J" (codice mal trascritto?)';
    expect(refused.stderr).toContain(`codice fiscale non valido: ${reason}`);
    expect(t.run(['destinatario', 'aggiungi', '--cf', 'RSSMRA80A01D150J', '--nome', 'Mario', '--cognome', 'Rossi', '--l68', '--did'], env).status).toBe(0);
    const erase = '\x7f'.repeat(16);
    const r = await converse(
      `'${process.execPath}' '${DOTE}' nuova --db '${t.db}' --tipo D1-INS --fascia 3 --linea b --data 2021-06-30`,
      { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', NO_COLOR: '1', ...env },
      [
        [/Codice fiscale del destinatario/, 'RSSMRA80A01D150K\r'],
        [/carattere di controllo errato: "K", atteso "J"/, `${erase}VRDLGU85M01L736M\r`],
        [/destinatario non registrato/, `${erase}RSSMRA80A01D150J\r`],
        [/Azienda/, '\r'], // none
      ],
    );
    expect(r.status, r.screen).toBe(0);
    // The terminal is 80 columns wide: the message's tail wraps to the next line.
    expect(r.screen).toContain('> codice fiscale non valido: carattere di controllo errato: "K", atteso "J"');
    expect(r.screen).toMatch(/Dote CR-2021-0001 ATTIVA: D1-INS fascia 3, linea b per Rossi Mario/);
  });
});
