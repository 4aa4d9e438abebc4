/** Text output of `dote destinatario …`: one person, the list, a period of an external measure. */
import { formatDateIt } from '../domain/dates.js';
import type { DestinatarioListItem, DestinatarioView } from '../use-cases/destinatario.js';
import { fields, table } from './table.js';

const yes = (b: boolean) => (b ? 'sì' : 'no');

export function formatPeriodo(dal: string, al: string | null): string {
  return al ? `dal ${formatDateIt(dal)} al ${formatDateIt(al)}` : `dal ${formatDateIt(dal)}, senza data di fine`;
}

export function formatDestinatario(v: DestinatarioView): string {
  const nascita = v.dataNascita
    ? `${formatDateIt(v.dataNascita)} (${v.eta} anni)${v.luogoNascita ? `, ${v.luogoNascita}` : ''}${v.codiceComuneNascita ? ` — codice comune ${v.codiceComuneNascita}` : ''}`
    : null;
  const parts = [
    fields([
      ['Codice fiscale', v.cf],
      ['Cognome e nome', `${v.cognome} ${v.nome}`],
      ['Sesso', v.sesso],
      ['Nato/a il', nascita],
      ['Disabilità', v.disabilita],
      ['Iscritto L. 68/99', yes(v.l68)],
      ['DID', yes(v.did)],
      ['Occupato', yes(v.occupato)],
      ['Ammortizzatori Covid', yes(v.ammortizzatoriCovid)],
      ['Nuovo iscritto', yes(v.nuovoIscritto)],
      ['E-mail', v.email],
      ['Telefono', v.telefono],
      ['Residenza', v.residenza],
      ['Domicilio', v.domicilio],
      ['Titolo di studio', v.titoloStudio],
      ['Registrato il', formatDateIt(v.creatoIl)],
      ...(v.anonimizzatoIl ? [['Anonimizzato il', formatDateIt(v.anonimizzatoIl)] as const] : []),
    ]),
  ];
  parts.push('', 'Misure esterne (contano per le regole di ripetibilità):');
  if (!v.misureEsterne.length) parts.push('  nessuna');
  else {
    parts.push(
      table(
        ['tipo', 'periodo', 'annualità', 'operatore', 'azienda', 'servizi', 'note'],
        v.misureEsterne.map((m) => [m.tipo, formatPeriodo(m.dal, m.al), m.annualita ?? '—', m.operatore ?? '—', m.azienda ?? '—', m.servizi.join(', ') || '—', m.note ?? '']),
      )
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  parts.push('', 'Doti:');
  if (!v.doti.length) parts.push('  nessuna');
  else {
    parts.push(
      table(
        ['dote', 'bando', 'tipo', 'fascia', 'stato', 'richiesta', 'conclusa'],
        v.doti.map((d) => [d.id, d.bando, d.tipo, d.fascia === null ? '—' : String(d.fascia), d.stato, formatDateIt(d.dataRichiesta), d.dataConclusione ? formatDateIt(d.dataConclusione) : '—']),
      )
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  return parts.join('\n');
}

export function formatDestinatari(list: DestinatarioListItem[]): string {
  if (!list.length) return 'Nessun destinatario registrato (aggiungilo con "dote destinatario aggiungi --cf CF --nome … --cognome …").';
  const flags = (d: DestinatarioListItem) => [d.l68 && 'L68', d.did && 'DID', d.occupato && 'occupato', d.ammortizzatoriCovid && 'covid', d.nuovoIscritto && 'nuovo'].filter(Boolean).join(' ') || '—';
  return table(
    ['codice fiscale', 'cognome', 'nome', 'sesso', 'nato/a il', 'età', 'disabilità', 'condizioni', 'doti', 'misure est.'],
    list.map((d) => [
      d.cf,
      d.cognome,
      d.nome,
      d.sesso ?? '—',
      d.dataNascita ? formatDateIt(d.dataNascita) : '—',
      d.eta === null ? '—' : String(d.eta),
      d.disabilita ?? '—',
      flags(d),
      String(d.numeroDoti),
      String(d.numeroMisureEsterne),
    ]),
    ['l', 'l', 'l', 'l', 'l', 'r', 'l', 'l', 'r', 'r'],
  );
}
