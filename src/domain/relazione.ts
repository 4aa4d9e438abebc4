/**
 * The text of the Job Coach final relazione for the CPI (manual, 3.2 "Relazione finale"): the
 * activities and their results (integration in the company, work capability, chances of keeping
 * the job) and, on failure, the problems met, why the employment ended and the actions taken
 * along the way. The operator writes it in a text file, one section per `#` heading; this module
 * reads the sections and says which is missing. Our choice: the three failure sections go
 * together (all or none), since the manual asks them only "in caso di esito negativo".
 */

export interface Sezione {
  chiave: string;
  titolo: string;
  testo: string;
}

/** The sections, in the order they are printed: title, and the words a heading is known by. */
export const SEZIONI: readonly { chiave: string; titolo: string; parole: readonly string[]; esitoNegativo?: true }[] = [
  { chiave: 'attivita', titolo: 'Attività svolte e risultati', parole: ['attivita'] },
  { chiave: 'inserimento', titolo: "Inserimento nell'azienda", parole: ['inseriment', 'integrazion'] },
  { chiave: 'capacita', titolo: 'Capacità lavorativa', parole: ['capacita'] },
  { chiave: 'mantenimento', titolo: 'Possibilità di mantenere il posto di lavoro', parole: ['manten', 'possibilita'] },
  { chiave: 'problemi', titolo: 'Problemi incontrati', parole: ['problem', 'criticit'], esitoNegativo: true },
  { chiave: 'cessazione', titolo: 'Motivi della cessazione del rapporto', parole: ['cessazion', 'motiv'], esitoNegativo: true },
  { chiave: 'azioni', titolo: 'Azioni intraprese', parole: ['azion', 'intervent'], esitoNegativo: true },
];

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * The sections of a relazione's text, in print order, or the problems (Italian, with the line):
 * a heading no section is known by, a section twice or empty, a required one missing.
 */
export function leggiRelazione(text: string): { sezioni: Sezione[] } | { problemi: string[] } {
  const problemi: string[] = [];
  const found = new Map<string, { riga: number; righe: string[] }>();
  let current: { riga: number; righe: string[] } | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = /^\s*#+\s*(.*?)\s*$/.exec(line);
    if (!m) {
      if (current) current.righe.push(line);
      else if (line.trim()) problemi.push(`riga ${i + 1}: testo prima del primo titolo di sezione (le sezioni iniziano con "# Titolo")`);
      return;
    }
    const h = fold(m[1]!);
    const s = SEZIONI.find((x) => x.parole.some((p) => h.includes(p)));
    if (!s) {
      problemi.push(`riga ${i + 1}: sezione "${m[1]}" sconosciuta (sezioni: ${SEZIONI.map((x) => x.titolo).join('; ')})`);
      current = null;
      return;
    }
    if (found.has(s.chiave)) problemi.push(`riga ${i + 1}: la sezione "${s.titolo}" compare due volte (la prima alla riga ${found.get(s.chiave)!.riga})`);
    current = { riga: i + 1, righe: [] };
    found.set(s.chiave, current);
  });
  for (const s of SEZIONI) {
    const f = found.get(s.chiave);
    if (f && !f.righe.join('').trim()) problemi.push(`riga ${f.riga}: la sezione "${s.titolo}" è vuota`);
  }
  const negativo = SEZIONI.some((s) => s.esitoNegativo && found.has(s.chiave));
  for (const s of SEZIONI) {
    if (found.has(s.chiave)) continue;
    if (!s.esitoNegativo) problemi.push(`manca la sezione "${s.titolo}"`);
    else if (negativo) problemi.push(`manca la sezione "${s.titolo}" (con esito negativo servono problemi, motivi della cessazione e azioni intraprese)`);
  }
  if (problemi.length) return { problemi };
  const sezioni = SEZIONI.filter((s) => found.has(s.chiave)).map((s) => ({ chiave: s.chiave, titolo: s.titolo, testo: found.get(s.chiave)!.righe.join('\n').trim() }));
  return { sezioni };
}
