/**
 * The two training documents (Cremona): the registro formativo e delle presenze, and the notice
 * to the Collocamento Disabili of the training's start (with the guest access for distance
 * training). Pure: values in, model out.
 */
import type { Blocco, Documento } from '../pdf/model.js';
import type { Template } from '../pdf/templates.js';
import type { Modalita } from '../bandi/schema.js';
import { formatDateIt, formatTime } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';
import { RefusedError } from '../errors.js';
import type { FormazioneData } from '../use-cases/stampa-formazione.js';
import { frame, testo, type Comuni } from './common.js';

/** Cremona, "Modalità di erogazione": distance training is synchronous FAD with attendance tracked. */
export function modalitaIt(m: Modalita): string {
  switch (m) {
    case 'presenza':
      return 'in presenza';
    case 'fad':
      return 'FAD sincrona, con tracciamento delle presenze';
    case 'telematica':
      return 'a distanza, con mezzi telematici tracciabili';
    case 'telefonica':
      return 'telefonica';
  }
}

export function registroFormativoDocumento(d: FormazioneData, t: Template, o: { oggi: string }): Documento {
  const c: Comuni = { oggi: o.oggi, ente: d.ente, bando: d.bando.titolo, dote: d.dote.id };
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, c, v);
  const persona = `${d.destinatario.cognome} ${d.destinatario.nome}`;
  const blocchi: Blocco[] = [
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'sottotitolo', testo: T('sottotitolo') },
    { tipo: 'testo', stile: 'riferimento', testo: d.bando.riferimento },
    {
      tipo: 'campi',
      righe: [
        ['Id dote', d.dote.id],
        ['Tipo di dote', `${d.dote.tipo} - ${d.dote.tipoNome}`],
        ['Destinatario', `${persona} (${d.destinatario.cf})`],
        ['Data di redazione', formatDateIt(o.oggi)],
      ],
    },
  ];
  for (const s of d.sessioni) {
    blocchi.push({
      tipo: 'campi',
      titolo: T('sessione', { data: formatDateIt(s.data), orario: `${formatTime(s.inizio)}-${formatTime(s.fine)}`, ore: formatDurata(s.fine - s.inizio) }),
      righe: [
        ['Servizio', `${s.servizio} ${s.servizioNome}${s.collettiva ? ' (collettiva)' : ''}`],
        ['Docente', s.docenteEnte ? `${s.docente} (${s.docenteEnte})` : s.docente],
        ['Modalità', modalitaIt(s.modalita)],
        ...(s.sede ? [['Sede', s.sede] as const] : []),
        ...(s.descrizione ? [['Argomento', s.descrizione] as const] : []),
      ],
    });
    blocchi.push({
      tipo: 'tabella',
      altezzaMinima: 24,
      colonne: [
        { titolo: 'N.', larghezza: 6, allineamento: 'right' },
        { titolo: 'Partecipante', larghezza: 26 },
        { titolo: 'Codice fiscale', larghezza: 20 },
        { titolo: 'Dote', larghezza: 16 },
        { titolo: 'Firma del partecipante', larghezza: 32 },
      ],
      righe: [
        ...s.partecipanti.map((p, i) => [String(i + 1), `${p.cognome} ${p.nome}`, p.cf, p.dote, '']),
        ['', { testo: `${T('firma-docente')}: ${s.docente}`, grassetto: true }, '', '', ''],
      ],
    });
  }
  const tot = d.sessioni.reduce((a, s) => a + s.fine - s.inizio, 0);
  blocchi.push({ tipo: 'testo', stile: 'valore', testo: T('totale', { sessioni: d.sessioni.length, ore: formatDurata(tot) }) });
  blocchi.push({ tipo: 'firme', firme: [{ etichetta: T('firma-rappresentante'), nota: d.ente?.rappresentante ?? undefined }] });
  blocchi.push({ tipo: 'riquadro', etichetta: T('timbro'), altezza: 60, larghezza: 170 });
  return { ...frame(t, c, `${T('titolo')} ${d.dote.id} - ${persona}`), blocchi, annullaResto: T('annulla-resto') };
}

export function avvioFormazioneDocumento(d: FormazioneData, t: Template, o: { oggi: string; accessoOspite?: string }): Documento {
  const distanza = d.sessioni.some((s) => s.modalita !== 'presenza');
  if (distanza && !o.accessoOspite) {
    throw new RefusedError(
      `la formazione della dote ${d.dote.id} è (anche) a distanza: la comunicazione deve indicare l'accesso ospite per i controlli della Provincia`,
      [],
      'indicalo con --accesso-ospite "link e credenziali"',
    );
  }
  const c: Comuni = { oggi: o.oggi, ente: d.ente, bando: d.bando.titolo, dote: d.dote.id };
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, c, v);
  const persona = `${d.destinatario.cognome} ${d.destinatario.nome}`;
  const first = d.sessioni[0]!;
  const modalita = [...new Set(d.sessioni.map((s) => modalitaIt(s.modalita)))].join('; ');
  const blocchi: Blocco[] = [
    { tipo: 'testo', stile: 'testo', testo: T('destinatario-ufficio') },
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'riferimento', testo: d.bando.riferimento },
    { tipo: 'testo', stile: 'sezione', testo: T('oggetto') },
    {
      tipo: 'testo',
      stile: 'testo',
      testo: T('comunica', {
        persona,
        cf: d.destinatario.cf,
        servizio: `${first.servizio} ${first.servizioNome}`,
        data: formatDateIt(first.data),
        ora: formatTime(first.inizio),
        modalita,
      }),
    },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-calendario') },
    {
      tipo: 'tabella',
      colonne: [
        { titolo: 'Data', larghezza: 13 },
        { titolo: 'Orario', larghezza: 13 },
        { titolo: 'Ore', larghezza: 12 },
        { titolo: 'Docente', larghezza: 22 },
        { titolo: 'Modalità', larghezza: 26 },
        { titolo: 'Partecipanti', larghezza: 14, allineamento: 'right' },
      ],
      righe: d.sessioni.map((s) => [
        formatDateIt(s.data),
        `${formatTime(s.inizio)}-${formatTime(s.fine)}`,
        formatDurata(s.fine - s.inizio),
        s.docente,
        modalitaIt(s.modalita),
        String(s.partecipanti.length),
      ]),
    },
  ];
  if (distanza) blocchi.push({ tipo: 'testo', stile: 'testo', testo: T('accesso-ospite', { accesso: o.accessoOspite! }) });
  blocchi.push({ tipo: 'testo', stile: 'testo', testo: T('luogo-data', { comune: d.comune ?? '____________', data: formatDateIt(o.oggi) }) });
  blocchi.push({ tipo: 'firme', firme: [{ etichetta: T('firma-rappresentante'), nota: d.ente?.rappresentante ?? undefined }] });
  return { ...frame(t, c, `${T('titolo')} ${d.dote.id} - ${persona}`), blocchi };
}
