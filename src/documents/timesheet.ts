/**
 * A professional's monthly timesheet as a document model (Cremona, allegato 011): one row per
 * entry in chronological order, no blank rows, the dote and service of each hour, the day's total
 * on the day's last row, the month's total, and the reconciliation with the calendar at the foot.
 */
import type { Blocco, Cella, Documento } from '../pdf/model.js';
import type { Template } from '../pdf/templates.js';
import { formatDateIt, formatTime } from '../domain/dates.js';
import { formatDurata } from '../domain/money.js';
import { meseIt, type TimesheetData } from '../use-cases/stampa-timesheet.js';
import { frame, testo, type Comuni } from './common.js';

function differenza(m: number): string {
  if (!m) return '—';
  return `${m > 0 ? '+' : '-'}${formatDurata(Math.abs(m))}`;
}

export function timesheetDocumento(d: TimesheetData, t: Template, o: { oggi: string }): Documento {
  const c: Comuni = { oggi: o.oggi, ente: d.ente, bando: '', dote: `${d.professionista.codice} ${d.mese}` };
  const T = (k: string, v: Record<string, string | number> = {}) => testo(t, k, c, v);
  const mese = meseIt(d.mese);
  const titolo = `${T('titolo')} ${d.professionista.nome} - ${mese}`;
  const bold = (s: string): Cella => ({ testo: s, grassetto: true });
  const blocchi: Blocco[] = [
    { tipo: 'testo', stile: 'titolo', testo: T('titolo') },
    { tipo: 'testo', stile: 'sottotitolo', testo: T('sottotitolo', { mese }) },
    {
      tipo: 'campi',
      righe: [
        ['Professionista', `${d.professionista.nome} (${d.professionista.codice})`],
        ['Ruolo', d.professionista.ruolo ?? '—'],
        ['Organizzazione', d.professionista.ente ?? d.ente?.nome ?? '—'],
        ['Mese', mese],
      ],
    },
    { tipo: 'testo', stile: 'nota', testo: T(d.fonte === 'timesheet' ? 'fonte-timesheet' : 'fonte-erogazioni') },
    { tipo: 'testo', stile: 'sezione', testo: T('sezione-righe') },
  ];
  const lastOfDay = new Set(d.righe.map((r, i) => (d.righe[i + 1]?.data !== r.data ? i : -1)).filter((i) => i >= 0));
  const perDay = new Map(d.giorni.map((g) => [g.data, g.minuti]));
  blocchi.push({
    tipo: 'tabella',
    colonne: [
      { titolo: 'Data', larghezza: 11 },
      { titolo: 'Orario', larghezza: 11 },
      { titolo: 'Ore', larghezza: 10 },
      { titolo: 'Dote', larghezza: 13 },
      { titolo: 'Servizio', larghezza: 19 },
      { titolo: 'Descrizione', larghezza: 23 },
      { titolo: 'Totale del giorno', larghezza: 13, allineamento: 'right' },
    ],
    righe: [
      ...d.righe.map((r, i) => [
        formatDateIt(r.data),
        `${formatTime(r.inizio)}-${formatTime(r.fine)}`,
        formatDurata(r.minuti),
        r.dote,
        `${r.servizio} ${r.servizioNome}${r.collettiva ? ' (collettiva)' : ''}`,
        r.descrizione ?? '',
        lastOfDay.has(i) ? bold(formatDurata(perDay.get(r.data)!)) : '',
      ]),
      [bold(T('totale-mese')), '', bold(formatDurata(d.totaleMinuti)), '', '', '', bold(formatDurata(d.totaleMinuti))],
    ],
  });
  blocchi.push({ tipo: 'testo', stile: 'sezione', testo: T('sezione-riconciliazione') });
  if (d.riconciliazione) {
    const diffs = d.riconciliazione.filter((x) => x.timesheetMinuti !== x.calendarioMinuti);
    blocchi.push({
      tipo: 'tabella',
      colonne: [
        { titolo: 'Dote', larghezza: 18 },
        { titolo: 'Servizio', larghezza: 16 },
        { titolo: 'Ore nel timesheet', larghezza: 22, allineamento: 'right' },
        { titolo: 'Ore nel calendario', larghezza: 22, allineamento: 'right' },
        { titolo: 'Differenza', larghezza: 22, allineamento: 'right' },
      ],
      righe: [
        ...d.riconciliazione.map((x) => {
          const diff = x.timesheetMinuti - x.calendarioMinuti;
          const cell = (s: string): string | Cella => (diff ? bold(s) : s);
          return [cell(x.dote), cell(x.servizio), formatDurata(x.timesheetMinuti), formatDurata(x.calendarioMinuti), cell(differenza(diff))];
        }),
        [
          bold('Totale'),
          '',
          bold(formatDurata(d.riconciliazione.reduce((s, x) => s + x.timesheetMinuti, 0))),
          bold(formatDurata(d.riconciliazione.reduce((s, x) => s + x.calendarioMinuti, 0))),
          bold(differenza(d.riconciliazione.reduce((s, x) => s + x.timesheetMinuti - x.calendarioMinuti, 0))),
        ],
      ],
    });
    blocchi.push({ tipo: 'testo', stile: 'nota', testo: diffs.length ? T('riconciliazione-differenze', { n: diffs.length }) : T('riconciliazione-ok') });
  } else {
    blocchi.push({ tipo: 'testo', stile: 'nota', testo: T('riconciliazione-erogazioni') });
  }
  blocchi.push({ tipo: 'firme', firme: [{ etichetta: T('firma-professionista'), nota: d.professionista.nome }, { etichetta: T('firma-responsabile') }] });
  const f = frame(t, c, titolo);
  return { ...f, meta: { ...f.meta, soggetto: `${T('titolo')} ${mese}` }, blocchi };
}
