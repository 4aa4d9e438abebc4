/**
 * The Job Coach final relazione for the CPI (manual, 3.2): the legal reference, the destinatario,
 * the hours per activity (the registro's EROGATA deliveries, as the attestation), then the
 * operator's own text, section by section (domain/relazione.ts reads and checks it), and the
 * signatures of the coach and of the ente.
 */
import type { Blocco, Documento } from '../pdf/model.js';
import type { Template } from '../pdf/templates.js';
import { formatDateIt } from '../domain/dates.js';
import type { Sezione } from '../domain/relazione.js';
import { RefusedError } from '../errors.js';
import type { RegistroData } from '../use-cases/stampa-registro.js';
import { tabellaOre } from './attestazione.js';
import { campiDestinatario, frame, testo, type Comuni } from './common.js';

export function relazioneDocumento(d: RegistroData, sezioni: readonly Sezione[], t: Template, o: { oggi: string }): Documento {
  if (!d.jobCoach) throw new RefusedError(`la dote ${d.dote.id} non è un voucher Job Coach: la relazione finale per il CPI è del Job Coach`);
  const c: Comuni = { oggi: o.oggi, ente: d.ente, bando: d.bando.titolo, dote: d.dote.id };
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, c, v);
  const persona = `${d.destinatario.cognome} ${d.destinatario.nome}`;
  const coach = [...new Set(d.righe.map((r) => r.professionista))].join(', ');
  const blocchi: Blocco[] = [
    { tipo: 'testo', stile: 'nota', testo: T('destinatario-cpi') },
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'sottotitolo', testo: T('sottotitolo') },
    { tipo: 'testo', stile: 'riferimento', testo: d.bando.riferimento },
    campiDestinatario(T('sezione-destinatario'), d, { etichettaId: 'Id voucher', etichettaData: 'Data di redazione', oggi: o.oggi }),
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-attivita') },
    tabellaOre(d),
    { tipo: 'testo', stile: 'nota', testo: T('periodo', { dal: formatDateIt(d.righe[0]!.data), al: formatDateIt(d.righe.at(-1)!.data) }) },
  ];
  for (const s of sezioni) {
    blocchi.push({ tipo: 'testo', stile: 'sezione', testo: s.titolo });
    for (const para of s.testo.split(/\n\s*\n/)) blocchi.push({ tipo: 'testo', stile: 'testo', testo: para.replace(/\s*\n\s*/g, ' ').trim() });
  }
  blocchi.push(
    { tipo: 'firme', firme: [{ etichetta: T('firma-coach'), nota: coach || undefined }, { etichetta: T('firma-ente'), nota: d.ente?.rappresentante ?? undefined }] },
    { tipo: 'riquadro', etichetta: T('timbro'), altezza: 60, larghezza: 170 },
  );
  return { ...frame(t, c, `${T('titolo')} ${d.dote.id} - ${persona}`), blocchi };
}
