/**
 * The PIP as a document model, in the order of the regional PIP print template:
 * letterhead, bando and legal reference, the dote, the destinatario, the operatore
 * accreditato, the planned services with rates and valorizzazione, the total and the result,
 * the versions with every variation, the DPR 445/2000 declaration, "[Comune], lì [data]", the
 * signatures. Pure: values in, model out.
 */
import type { Blocco, Cella, Documento } from '../pdf/model.js';
import type { Template } from '../pdf/templates.js';
import { formatDateIt } from '../domain/dates.js';
import { formatCents, formatDurata } from '../domain/money.js';
import type { PipData } from '../use-cases/stampa-pip.js';
import { frame, testo, type Comuni } from './common.js';

const data = (iso: string | null) => (iso ? formatDateIt(iso) : '—');
/** `1.234,00` for "pari ad € …" (the template writes the sign). */
const importo = (cents: number) => formatCents(cents).replace(/ €$/, '');
const ore = (ind: number, coll: number) => [ind ? formatDurata(ind) : '', coll ? `${formatDurata(coll)} coll.` : ''].filter(Boolean).join(' + ') || '0 ore';

export function pipDocumento(d: PipData, t: Template, o: { oggi: string }): Documento {
  const c: Comuni = { oggi: o.oggi, ente: d.ente, bando: d.bando.titolo, dote: d.dote.id };
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, c, v);
  const p = d.destinatario;
  const corrente = d.versioni.at(-1)!;
  const titolo = `${T('titolo')} ${d.dote.id} - ${p.cognome} ${p.nome}`;
  const nascita = [p.luogoNascita, p.dataNascita ? formatDateIt(p.dataNascita) : null].filter(Boolean).join(', ');
  const blocchi: Blocco[] = [
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'sottotitolo', testo: T('sottotitolo') },
    { tipo: 'testo', stile: 'riferimento', testo: d.bando.riferimento },
    {
      tipo: 'campi',
      titolo: T('sezione-dote'),
      righe: [
        ['Id dote', d.dote.id],
        ['Tipo di dote', `${d.dote.tipo} - ${d.dote.tipoNome}`],
        ['Linea di assegnazione', d.dote.linea ? `${d.dote.tipo.slice(0, 2)} ${d.dote.linea}` : '—'],
        ['Fascia', d.dote.fascia === null ? '—' : String(d.dote.fascia)],
        ...(d.dote.azienda ? [['Azienda', d.dote.azienda] as const] : []),
        ['Data di attivazione', data(d.dote.attivazione)],
        ['Invio del PIP', data(d.dote.invio)],
        ['Validazione del PIP', data(d.dote.validazione)],
        ['Fine della dote', data(d.dote.fine)],
        ['Versione del PIP', `${corrente.versione} del ${formatDateIt(corrente.data)}`],
      ],
    },
    {
      tipo: 'campi',
      titolo: T('sezione-destinatario'),
      righe: [
        ['Cognome e nome', `${p.cognome} ${p.nome}`],
        ['Sesso', p.sesso ?? '—'],
        ['Codice fiscale', p.cf],
        ['Luogo e data di nascita', nascita || '—'],
        ['Residenza', p.residenza ?? '—'],
        ['Domicilio', p.domicilio ?? p.residenza ?? '—'],
        ['E-mail', p.email ?? '—'],
        ['Telefono', p.telefono ?? '—'],
        ['Titolo di studio', p.titoloStudio ?? '—'],
      ],
    },
    {
      tipo: 'campi',
      titolo: T('sezione-operatore'),
      righe: [
        ['Denominazione', d.ente?.nome ?? '—'],
        ['Codice operatore', d.ente?.codice ?? '—'],
        ['Unità organizzativa', d.sede ? `${d.sede.nome} (${d.sede.comune})` : '—'],
        ["Responsabile dell'unità", d.sede?.responsabile ?? '—'],
        [
          'Tutor assegnato',
          d.tutor
            ? [d.tutor.nome, d.tutor.qualifica ?? d.tutor.ruolo, d.tutor.anni !== null ? `${d.tutor.anni} anni di esperienza` : null].filter(Boolean).join(', ')
            : '—',
        ],
      ],
    },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-servizi') },
  ];
  const bold = (s: string): Cella => ({ testo: s, grassetto: true });
  blocchi.push({
    tipo: 'tabella',
    colonne: [
      { titolo: "Tipologia dell'attività", larghezza: 18 },
      { titolo: 'Periodo di attuazione', larghezza: 12 },
      { titolo: 'Operatore che eroga il servizio', larghezza: 13 },
      { titolo: 'Soggetti terzi coinvolti', larghezza: 14 },
      { titolo: 'Ore indiv.', larghezza: 9, allineamento: 'right' },
      { titolo: 'Ore coll.', larghezza: 9, allineamento: 'right' },
      { titolo: 'Tariffa oraria', larghezza: 11, allineamento: 'right' },
      { titolo: 'Valorizzazione', larghezza: 14, allineamento: 'right' },
    ],
    righe: [
      ...d.servizi.map((s) => [
        `${s.servizio} ${s.nome}`,
        s.periodo ? `${formatDateIt(s.periodo.dal)} - ${formatDateIt(s.periodo.al)}` : '—',
        s.operatori.length ? s.operatori.join(', ') : d.ente?.nome ?? 'ente accreditato',
        s.soggettiTerzi.length ? s.soggettiTerzi.map((x) => `${x} (${T('a03-assente')})`).join('; ') : 'nessuno',
        s.minutiIndividuali ? formatDurata(s.minutiIndividuali) : '—',
        s.minutiCollettivi ? formatDurata(s.minutiCollettivi) : '—',
        [s.minutiIndividuali ? `${formatCents(s.tariffaIndividualeCent)}` : '', s.minutiCollettivi && s.tariffaCollettivaCent !== null ? `coll. ${formatCents(s.tariffaCollettivaCent)}` : '']
          .filter(Boolean)
          .join('\n') || '—',
        formatCents(s.valoreCent),
      ]),
      [bold('Totale'), '', '', '', bold(formatDurata(d.servizi.reduce((a, s) => a + s.minutiIndividuali, 0))), bold(formatDurata(d.servizi.reduce((a, s) => a + s.minutiCollettivi, 0))), '', bold(formatCents(d.totaleCent))],
    ],
  });
  blocchi.push({ tipo: 'testo', stile: 'valore', testo: T('valore-complessivo', { valore: importo(d.totaleCent) }) });
  blocchi.push({
    tipo: 'testo',
    stile: 'testo',
    testo: d.risultato ? T('risultato', { nome: d.risultato.nome, importo: importo(d.risultato.importoCent) }) : T('nessun-risultato'),
  });
  if (d.dote.fine) blocchi.push({ tipo: 'testo', stile: 'testo', testo: T('termine-servizi', { data: formatDateIt(d.dote.fine) }) });
  blocchi.push({ tipo: 'testo', stile: 'sezione', testo: T('sezione-versioni') });
  blocchi.push({
    tipo: 'tabella',
    colonne: [
      { titolo: 'Versione', larghezza: 9 },
      { titolo: 'Data', larghezza: 11 },
      { titolo: 'Motivo della variazione', larghezza: 30 },
      { titolo: 'Servizi modificati', larghezza: 35 },
      { titolo: 'Valore', larghezza: 15, allineamento: 'right' },
    ],
    righe: d.versioni.map((v) => [
      String(v.versione),
      formatDateIt(v.data),
      v.versione === 1 ? 'prima versione' : v.motivo ?? '—',
      v.modifiche.length ? v.modifiche.map((m) => `${m.servizio}: ${ore(m.prima.ind, m.prima.coll)} → ${ore(m.dopo.ind, m.dopo.coll)}`).join('\n') : '—',
      formatCents(v.valoreCent),
    ]),
  });
  blocchi.push({ tipo: 'testo', stile: 'testo', testo: T('dichiarazione') });
  blocchi.push({ tipo: 'testo', stile: 'testo', testo: T('luogo-data', { comune: d.sede?.comune ?? '____________', data: formatDateIt(corrente.data) }) });
  blocchi.push({ tipo: 'spazio', punti: 6 });
  blocchi.push({
    tipo: 'firme',
    firme: [
      { etichetta: T('firma-rappresentante'), nota: [d.ente?.rappresentante, T('firma-rappresentante-nota')].filter(Boolean).join('\n') },
      { etichetta: T('firma-destinatario'), nota: `${p.cognome} ${p.nome}\n${T('firma-destinatario-nota')}` },
    ],
  });
  return { ...frame(t, c, titolo), blocchi };
}
