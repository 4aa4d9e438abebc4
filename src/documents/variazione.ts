/**
 * The PIP variation request to the Provincia (Cremona, "Variazioni del PIP": after approval, a
 * request with its reasons, within the dote's value and end date): what changes from the previous
 * version, service by service, the reason, the value before and after, the end date.
 */
import type { Blocco, Cella, Documento } from '../pdf/model.js';
import type { Template } from '../pdf/templates.js';
import { formatDateIt } from '../domain/dates.js';
import { formatCents, formatDurata } from '../domain/money.js';
import { RefusedError } from '../errors.js';
import type { PipData } from '../use-cases/stampa-pip.js';
import { frame, testo, type Comuni } from './common.js';

const ore = (m: number) => (m ? formatDurata(m) : '—');

export function variazioneDocumento(d: PipData, t: Template, o: { oggi: string; versione?: number }): Documento {
  const n = o.versione ?? d.versioneCorrente;
  const idx = d.versioni.findIndex((v) => v.versione === n);
  if (idx < 0) throw new RefusedError(`il PIP della dote ${d.dote.id} non ha la versione ${n} (versioni: ${d.versioni.map((v) => v.versione).join(', ')})`);
  if (idx === 0) throw new RefusedError(`la versione ${n} è la prima del PIP della dote ${d.dote.id}: non è una variazione`, [], 'registra la variazione con "dote pip varia"');
  const v = d.versioni[idx]!;
  const prev = d.versioni[idx - 1]!;
  const c: Comuni = { oggi: o.oggi, ente: d.ente, bando: d.bando.titolo, dote: d.dote.id };
  const T = (k: string, x: Record<string, string | number> = {}) => testo(t, k, c, x);
  const p = d.destinatario;
  const bold = (s: string): Cella => ({ testo: s, grassetto: true });
  const blocchi: Blocco[] = [
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'sottotitolo', testo: T('sottotitolo', { versione: v.versione, precedente: prev.versione }) },
    { tipo: 'testo', stile: 'riferimento', testo: d.bando.riferimento },
    { tipo: 'testo', stile: 'testo', testo: T('destinatario-ufficio') },
    {
      tipo: 'campi',
      righe: [
        ['Id dote', d.dote.id],
        ['Tipo di dote', `${d.dote.tipo} - ${d.dote.tipoNome}${d.dote.fascia !== null ? `, fascia ${d.dote.fascia}` : ''}`],
        ['Destinatario', `${p.cognome} ${p.nome} (${p.cf})`],
        ['Validazione del PIP', d.dote.validazione ? formatDateIt(d.dote.validazione) : '—'],
        ['Fine della dote', d.dote.fine ? formatDateIt(d.dote.fine) : '—'],
        ['Data della variazione', formatDateIt(v.data)],
      ],
    },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-motivo') },
    { tipo: 'testo', stile: 'testo', testo: v.motivo ?? '—' },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-modifiche') },
    {
      tipo: 'tabella',
      colonne: [
        { titolo: 'Servizio', larghezza: 32 },
        { titolo: `Ore ind. v${prev.versione}`, larghezza: 17, allineamento: 'right' },
        { titolo: `Ore ind. v${v.versione}`, larghezza: 17, allineamento: 'right' },
        { titolo: `Ore coll. v${prev.versione}`, larghezza: 17, allineamento: 'right' },
        { titolo: `Ore coll. v${v.versione}`, larghezza: 17, allineamento: 'right' },
      ],
      righe: v.modifiche.length
        ? v.modifiche.map((m) => [m.servizio, ore(m.prima.ind), bold(ore(m.dopo.ind)), ore(m.prima.coll), bold(ore(m.dopo.coll))])
        : [['nessun servizio modificato', '', '', '', '']],
    },
    {
      tipo: 'campi',
      righe: [
        [`Valore della versione ${prev.versione}`, formatCents(prev.valoreCent)],
        [`Valore della versione ${v.versione}`, formatCents(v.valoreCent)],
      ],
    },
    { tipo: 'testo', stile: 'testo', testo: T('entro-limiti', { fine: d.dote.fine ? formatDateIt(d.dote.fine) : '—' }) },
    { tipo: 'testo', stile: 'testo', testo: T('luogo-data', { comune: d.sede?.comune ?? '____________', data: formatDateIt(v.data) }) },
    { tipo: 'firme', firme: [{ etichetta: T('firma-rappresentante'), nota: d.ente?.rappresentante ?? undefined }, { etichetta: T('firma-destinatario'), nota: `${p.cognome} ${p.nome}` }] },
  ];
  return { ...frame(t, c, `${T('titolo')} ${d.dote.id} v${v.versione}`), blocchi };
}
