/**
 * The Job Coach attestation of the service delivered (manual, 3.2: "IDO produce una attestazione
 * del servizio erogato"): the legal reference, the destinatario (Id voucher, nome, cognome, CF),
 * the drafting date, and for each activity the hours delivered against those agreed. Built on
 * the registro's values (registroData): the same EROGATA deliveries, so the two never disagree.
 */
import type { Blocco, Documento } from '../pdf/model.js';
import type { Template } from '../pdf/templates.js';
import { formatDateIt } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';
import { RefusedError } from '../errors.js';
import type { RegistroData } from '../use-cases/stampa-registro.js';
import { campiDestinatario, frame, testo, type Comuni } from './common.js';

export function attestazioneDocumento(d: RegistroData, t: Template, o: { oggi: string }): Documento {
  if (!d.jobCoach) throw new RefusedError(`la dote ${d.dote.id} non è un voucher Job Coach: l'attestazione del servizio erogato è del Job Coach`, [], `per una dote Cremona stampa il registro: dote stampa registro ${d.dote.id} -o FILE.pdf`);
  const c: Comuni = { oggi: o.oggi, ente: d.ente, bando: d.bando.titolo, dote: d.dote.id };
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, c, v);
  const persona = `${d.destinatario.cognome} ${d.destinatario.nome}`;
  const previsti = d.totali.reduce((s, x) => s + (x.previstiMinuti ?? 0), 0);
  const blocchi: Blocco[] = [
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'sottotitolo', testo: T('sottotitolo') },
    { tipo: 'testo', stile: 'riferimento', testo: d.bando.riferimento },
    campiDestinatario(T('sezione-destinatario'), d, { etichettaId: 'Id voucher', etichettaData: 'Data di redazione', oggi: o.oggi }),
    { tipo: 'testo', stile: 'testo', testo: T('attesta', { persona, ore: formatDurata(d.totaleMinuti), previste: formatDurata(previsti) }) },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-attivita') },
    tabellaOre(d),
  ];
  blocchi.push(
    {
      tipo: 'testo',
      stile: 'nota',
      testo: T('periodo', { dal: formatDateIt(d.righe[0]!.data), al: formatDateIt(d.righe.at(-1)!.data) }),
    },
    { tipo: 'testo', stile: 'testo', testo: T('registro') },
    { tipo: 'firme', firme: [{ etichetta: T('firma-ente'), nota: d.ente?.rappresentante ?? undefined }, { etichetta: T('firma-destinatario'), nota: persona }] },
    { tipo: 'riquadro', etichetta: T('timbro'), altezza: 60, larghezza: 170 },
  );
  return { ...frame(t, c, `${T('titolo')} ${d.dote.id} - ${persona}`), blocchi };
}

/** The hours of each activity against those agreed, with the totals (attestation and relazione). */
export function tabellaOre(d: RegistroData): Blocco {
  const previsti = d.totali.reduce((s, x) => s + (x.previstiMinuti ?? 0), 0);
  const bold = (s: string) => ({ testo: s, grassetto: true });
  return {
      tipo: 'tabella',
      colonne: [
        { titolo: 'Attività', larghezza: 40 },
        { titolo: 'Erogazioni', larghezza: 12, allineamento: 'right' },
        { titolo: 'Ore previste', larghezza: 16, allineamento: 'right' },
        { titolo: 'Ore erogate', larghezza: 16, allineamento: 'right' },
        { titolo: 'Ore residue', larghezza: 16, allineamento: 'right' },
      ],
      righe: [
        ...d.totali.map((x) => [
          `${x.servizio} ${x.nome}`,
          String(x.erogazioni),
          formatDurata(x.previstiMinuti ?? 0),
          formatDurata(x.minuti),
          formatDurata(Math.max(0, (x.previstiMinuti ?? 0) - x.minuti)),
        ]),
        [bold('Totale'), bold(String(d.righe.length)), bold(formatDurata(previsti)), bold(formatDurata(d.totaleMinuti)), bold(formatDurata(Math.max(0, previsti - d.totaleMinuti)))],
      ],
  };
}
