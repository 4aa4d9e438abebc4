/**
 * What every document shares: the letterhead from the ente's data, the common placeholders, the
 * foot and the closing line. Pure: values in, model out (src/pdf/model.ts).
 */
import type { Blocco, Documento } from '../pdf/model.js';
import { fill, type Template } from '../pdf/templates.js';
import type { EnteIntestazione } from '../use-cases/stampa-registro.js';
import { formatDateIt } from '../domain/dates.js';

export interface Comuni {
  /** Drafting date (ISO): the injectable clock's today. */
  oggi: string;
  ente: EnteIntestazione | null;
  bando: string;
  dote: string;
}

/** A template's text with the common placeholders and `values` filled in. */
export function testo(t: Template, key: string, c: Comuni, values: Record<string, string | number> = {}): string {
  const raw = t.testi[key] ?? key;
  return fill(raw, { oggi: formatDateIt(c.oggi), ente: c.ente?.nome ?? '', bando: c.bando, dote: c.dote, ...values });
}

/** The ente's name, code, address and PEC; without an ente the operator is told how to set it. */
export function letterhead(c: Comuni): Documento['intestazione'] {
  const e = c.ente;
  if (!e) return { righe: ['Ente accreditato (dati non impostati: dote ente imposta --nome …)'], logo: null };
  const righe = [e.nome];
  const ids = [e.codice ? `Codice operatore ${e.codice}` : null, e.pec ? `PEC ${e.pec}` : null].filter(Boolean).join(' · ');
  if (e.indirizzo) righe.push(e.indirizzo);
  if (ids) righe.push(ids);
  return { righe, logo: e.logo };
}

/** Title, author and subject: the same in the Info dictionary and the XMP (render.ts keeps & < > out). */
export function frame(t: Template, c: Comuni, titolo: string): Pick<Documento, 'meta' | 'intestazione' | 'chiusura' | 'piede' | 'numerazione'> {
  return {
    meta: { titolo, autore: c.ente?.nome ?? 'dote', soggetto: c.bando },
    intestazione: letterhead(c),
    chiusura: testo(t, 'chiusura', c),
    // Short enough for one line: the document and the dote, not the person's name.
    piede: `${testo(t, 'piede', c)} · ${testo(t, 'titolo', c)} ${c.dote}`,
    numerazione: t.testi.numerazione ?? 'Pagina {n} di {m}',
  };
}

/**
 * The destinatario's fields of a register or attestation (Job Coach manual, 3.2: Id voucher,
 * nome, cognome, codice fiscale, and the drafting date), the same in every document that has them.
 */
export function campiDestinatario(
  titolo: string,
  d: { dote: { id: string; tipo: string; tipoNome: string }; destinatario: { cognome: string; nome: string; cf: string } },
  o: { etichettaId: string; etichettaData: string; oggi: string },
): Blocco {
  return {
    tipo: 'campi',
    titolo,
    righe: [
      [o.etichettaId, d.dote.id],
      ['Tipo', `${d.dote.tipo} - ${d.dote.tipoNome}`],
      ['Cognome', d.destinatario.cognome],
      ['Nome', d.destinatario.nome],
      ['Codice fiscale', d.destinatario.cf],
      [o.etichettaData, formatDateIt(o.oggi)],
    ],
  };
}
