/**
 * `dote relazione ID --testo FILE -o FILE.pdf`: the Job Coach final relazione for the CPI (manual,
 * 3.2): its sections read from the operator's text and checked (a missing one is named), the
 * legal reference, the destinatario, the hours per activity; read back and checked by Preflight.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allText, pdfPages, preflight, PREFLIGHT_MISSING } from './pdf-helpers.js';
import { base, cremona, CF_JC, CR, JC, jobCoach, type Env } from './setup.js';
import { leggiRelazione } from '../../src/domain/relazione.js';

const POSITIVA = `# Attività svolte e risultati
Accoglienza, analisi del contesto, definizione degli obiettivi e affiancamento in azienda.

# Inserimento nell'azienda
La persona si è integrata nel reparto: buoni rapporti con i colleghi.
Il referente aziendale conferma.

# Capacità lavorativa
Autonoma nelle mansioni di magazzino.

# Possibilità di mantenere il posto
Buone: contratto rinnovato.
`;

let env: Env;
beforeAll(() => {
  env = base();
  cremona(env);
  jobCoach(env);
});
afterAll(() => env.cleanup());

describe('dote relazione', () => {
  it('prints the sections with the legal reference, the destinatario and the hours per activity, as PDF/A', async () => {
    writeFileSync(path.join(env.dir, 'rel.txt'), POSITIVA);
    const r = env.run(['relazione', JC, '--testo', 'rel.txt', '-o', 'rel.pdf', '--oggi', '2022-09-30']);
    expect(r.status, r.stderr).toBe(0);
    const pages = await pdfPages(path.join(env.dir, 'rel.pdf'));
    pages.forEach((p, i) => expect(p).toContain(`Pagina ${i + 1} di ${pages.length}`));
    const text = allText(pages);
    expect(text).toContain('Relazione finale');
    expect(text).toContain('Decreto Direttoriale di Veneto Lavoro n. 18 del 30/03/2022');
    expect(text).toContain(`Codice fiscale ${CF_JC}`);
    expect(text).toContain('Totale 40 64 ore 50 ore 14 ore');
    for (const t of ['Attività svolte e risultati', "Inserimento nell'azienda", 'Capacità lavorativa', 'Possibilità di mantenere il posto di lavoro']) expect(text).toContain(t);
    expect(text).toContain('La persona si è integrata nel reparto: buoni rapporti con i colleghi. Il referente aziendale conferma.');
    if (!PREFLIGHT_MISSING) {
      const v = preflight(path.join(env.dir, 'rel.pdf'));
      expect(v.valid, v.report).toBe(true);
    }
  });

  it('names a missing section, an unknown one, an incomplete failure, and writes nothing; a Cremona dote is refused', () => {
    writeFileSync(path.join(env.dir, 'corta.txt'), POSITIVA.replace(/# Capacità lavorativa\n.*\n/, ''));
    let r = env.run(['relazione', JC, '--testo', 'corta.txt', '-o', 'x.pdf', '--oggi', '2022-09-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('corta.txt: manca la sezione "Capacità lavorativa"');
    writeFileSync(path.join(env.dir, 'neg.txt'), `${POSITIVA}\n# Problemi incontrati\nAssenze ripetute.\n# Varie\nniente\n`);
    r = env.run(['relazione', JC, '--testo', 'neg.txt', '-o', 'x.pdf', '--oggi', '2022-09-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/sezione "Varie" sconosciuta/);
    expect(r.stderr).toMatch(/manca la sezione "Motivi della cessazione del rapporto" \(con esito negativo/);
    r = env.run(['relazione', JC, '--testo', 'manca.txt', '-o', 'x.pdf', '--oggi', '2022-09-30']);
    expect(r.stderr).toMatch(/--testo manca\.txt: file inesistente/);
    r = env.run(['relazione', CR, '--testo', 'rel.txt', '-o', 'x.pdf', '--oggi', '2022-09-30']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/non è un voucher Job Coach/);
    expect(existsSync(path.join(env.dir, 'x.pdf'))).toBe(false);
  });
});

describe('leggiRelazione', () => {
  it('reads headings by their words, accents and case aside; failure sections go together', () => {
    const ok = leggiRelazione(POSITIVA.replace('# Capacità lavorativa', '## CAPACITA LAVORATIVA'));
    expect('sezioni' in ok && ok.sezioni.map((s) => s.chiave)).toEqual(['attivita', 'inserimento', 'capacita', 'mantenimento']);
    const neg = leggiRelazione(`${POSITIVA}# Problemi incontrati\nx\n# Motivi della cessazione\ny\n# Azioni intraprese\nz\n`);
    expect('sezioni' in neg && neg.sezioni.length).toBe(7);
    const empty = leggiRelazione(POSITIVA.replace('Autonoma nelle mansioni di magazzino.', ''));
    expect(empty).toEqual({ problemi: ['riga 8: la sezione "Capacità lavorativa" è vuota'] });
  });
});
