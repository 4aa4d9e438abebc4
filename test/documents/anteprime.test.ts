/**
 * Regenerates the previews shown in the README (templates/anteprime/<documento>.png, the first
 * page of each document for the realistic doti of setup.ts) with poppler's pdftoppm. Run on
 * purpose only: `DOTE_ANTEPRIME=1 npx vitest run --config test/vitest.config.ts test/documents/anteprime`.
 */
import { afterAll, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers.js';
import { base, cremona, CR, JC, jobCoach } from './setup.js';

const on = process.env.DOTE_ANTEPRIME === '1';
let cleanup = () => {};
afterAll(() => cleanup());

it.skipIf(!on)(`writes templates/anteprime/*.png${on ? '' : ' (saltato: serve DOTE_ANTEPRIME=1 e pdftoppm)'}`, () => {
  const env = base();
  cleanup = env.cleanup;
  cremona(env);
  jobCoach(env);
  writeFileSync(
    path.join(env.dir, 'ts.csv'),
    'id_dote,servizio,data,ora_inizio,ora_fine,ore,professionista,descrizione\n' +
      `${CR},QD1,2022-03-02,09:00,10:00,1,P01,Accoglienza\n${CR},QD2,2022-03-03,09:00,11:00,2,P01,Colloquio specialistico\n` +
      `${CR},QD3,2022-03-07,14:00,17:00,3,P01,"Definizione del percorso, PIP"\n${CR},Q0C,2022-03-09,09:00,11:30,2.5,P01,Bilancio di competenze\n`,
  );
  env.ok(['importa', '--timesheet', 'ts.csv', '--oggi', '2022-04-10']);
  env.ok(['ente', 'imposta', '--rappresentante', 'Giovanna Ferri', '--oggi', '2022-09-30']);
  const docs: [string, string[]][] = [
    ['registro', ['registro', JC]],
    ['pip', ['pip', CR]],
    ['timesheet', ['timesheet', '--professionista', 'P01', '--mese', '2022-03']],
    ['variazione', ['variazione', CR]],
    ['registro-formativo', ['registro-formativo', CR]],
    ['avvio-formazione', ['avvio-formazione', CR]],
    ['attestazione', ['attestazione', JC]],
  ];
  for (const [name, args] of docs) {
    const pdf = path.join(env.dir, `${name}.pdf`);
    env.ok(['stampa', ...args, '-o', pdf, '--oggi', '2022-09-30']);
    const out = path.join(env.dir, name);
    const r = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, out]);
    if (r.status !== 0) throw new Error(`pdftoppm: ${r.stderr}`);
    renameSync(`${out}.png`, path.join(ROOT, 'templates', 'anteprime', `${name}.png`));
  }
});
