/**
 * The registro attività as a document model (Job Coach manual, 3.2; Cremona from the calendar):
 * the legal reference verbatim, the drafting date, the destinatario (Id voucher, nome, cognome,
 * CF), one row per EROGATA delivery with a signature cell for the coach and one for the
 * destinatario or company referent, the totals per activity and overall, the signatures, an
 * empty box for the sede's stamp, the unused part of the last page struck through.
 *
 * It never says the register is *vidimato*: printed after the fact, it cannot have been.
 */
import type { Blocco, Documento } from '../pdf/model.js';
import type { Template } from '../pdf/templates.js';
import { formatDateIt, formatTime } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';
import type { RegistroData } from '../use-cases/stampa-registro.js';
import { campiDestinatario, frame, testo, type Comuni } from './common.js';

export interface RegistroOptions {
  oggi: string;
  /** The destinatario cannot sign: the reason, printed in the note and in every row's cell. */
  nonFirma?: string;
}

/** Height of a row: room to sign in its two cells. */
const ALTEZZA_FIRMA = 30;

export function registroDocumento(d: RegistroData, t: Template, o: RegistroOptions): Documento {
  const c: Comuni = { oggi: o.oggi, ente: d.ente, bando: d.bando.titolo, dote: d.dote.id };
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, c, v);
  const persona = `${d.destinatario.cognome} ${d.destinatario.nome}`;
  const titolo = `${T('titolo')} ${d.dote.id} - ${persona}`;
  const blocchi: Blocco[] = [
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'sottotitolo', testo: T('sottotitolo') },
    // Verbatim from the catalogue (the manual's wording for Job Coach).
    { tipo: 'testo', stile: 'riferimento', testo: d.bando.riferimento },
    campiDestinatario(T('sezione-destinatario'), d, { etichettaId: d.jobCoach ? 'Id voucher' : 'Id dote', etichettaData: T('data-redazione'), oggi: o.oggi }),
  ];
  if (o.nonFirma) blocchi.push({ tipo: 'testo', stile: 'nota', testo: T('non-firma', { motivo: o.nonFirma }) });
  if (d.formazioneEsclusa.length) {
    blocchi.push({ tipo: 'testo', stile: 'nota', testo: T('nota-formazione', { servizi: d.formazioneEsclusa.map((f) => f.servizio).join(', ') }) });
  }
  blocchi.push({ tipo: 'testo', stile: 'sezione', testo: T('sezione-erogazioni') });
  blocchi.push({
    tipo: 'tabella',
    altezzaMinima: ALTEZZA_FIRMA,
    colonne: [
      { titolo: T('colonna-data'), larghezza: 11 },
      { titolo: T('colonna-orario'), larghezza: 11 },
      { titolo: T('colonna-ore'), larghezza: 9 },
      { titolo: T('colonna-attivita'), larghezza: 17 },
      { titolo: T('colonna-descrizione'), larghezza: 20 },
      { titolo: T('colonna-firma-coach'), larghezza: 16 },
      { titolo: T('colonna-firma-destinatario'), larghezza: 16 },
    ],
    righe: d.righe.map((r) => [
      formatDateIt(r.data),
      `${formatTime(r.inizio)}-${formatTime(r.fine)}`,
      formatDurata(r.minuti),
      `${r.servizio} ${r.servizioNome}${r.collettiva ? ' (collettiva)' : ''}`,
      r.descrizione ?? '',
      { testo: r.professionista },
      o.nonFirma ? { testo: T('non-firma-cella') } : '',
    ]),
  });
  blocchi.push({ tipo: 'testo', stile: 'sezione', testo: T('sezione-totali') });
  blocchi.push({
    tipo: 'tabella',
    colonne: [
      { titolo: d.jobCoach ? 'Attività' : 'Servizio', larghezza: 46 },
      { titolo: 'Erogazioni', larghezza: 14, allineamento: 'right' },
      { titolo: 'Ore erogate', larghezza: 20, allineamento: 'right' },
      ...(d.jobCoach ? [{ titolo: 'Ore previste', larghezza: 20, allineamento: 'right' as const }] : []),
    ],
    righe: [
      ...d.totali.map((x) => [
        `${x.servizio} ${x.nome}`,
        String(x.erogazioni),
        formatDurata(x.minuti),
        ...(d.jobCoach ? [x.previstiMinuti === null ? '' : formatDurata(x.previstiMinuti)] : []),
      ]),
      [
        { testo: T('totale-complessivo'), grassetto: true },
        { testo: String(d.righe.length), grassetto: true },
        { testo: formatDurata(d.totaleMinuti), grassetto: true },
        ...(d.jobCoach ? [{ testo: formatDurata(d.totali.reduce((s, x) => s + (x.previstiMinuti ?? 0), 0)), grassetto: true }] : []),
      ],
    ],
  });
  blocchi.push({ tipo: 'testo', stile: 'testo', testo: T('avvertenza') });
  blocchi.push({
    tipo: 'firme',
    firme: [
      { etichetta: T('firma-coach') },
      { etichetta: T('firma-destinatario'), nota: o.nonFirma ? T('non-firma', { motivo: o.nonFirma }) : undefined },
    ],
  });
  blocchi.push({ tipo: 'riquadro', etichetta: T('timbro'), altezza: 70, larghezza: 170 });
  return { ...frame(t, c, titolo), blocchi, annullaResto: T('annulla-resto') };
}
