/**
 * Text output of the dote commands: `dote elenco`, `dote mostra`, `dote nuova`, and the next
 * deadline that `ammetti`, `concludi` and `pip` print after a change.
 */
import { formatDateIt } from '../domain/dates.js';
import { STATO } from '../domain/dote-stati.js';
import { formatCents, formatDurata, formatHours } from '../domain/money.js';
import { avvenuta, descriviRitardo, type ScadenzaDote } from '../domain/scadenze.js';
import type { DoteDetail, DoteSummary } from '../use-cases/dote-view.js';
import type { NuovaResult } from '../use-cases/doti.js';
import { table } from './table.js';
import { visible } from './visible.js';

export function formatElenco(list: readonly DoteSummary[]): string {
  if (!list.length) return 'Nessuna dote.';
  const body = table(
    ['dote', 'tipo', 'stato', 'destinatario', 'codice fiscale', 'fascia', 'dal', 'al'],
    list.map((s) => [
      s.id,
      s.tipo,
      s.stato + (s.statoAutomatico ? ' *' : '') + (s.catalogoCaricato ? '' : ' !'),
      `${s.destinatario.cognome} ${s.destinatario.nome}`,
      s.destinatario.cf,
      s.fascia !== null ? `${s.fascia}${s.linea ? ` ${s.linea}` : ''}` : '—',
      s.dataInizio ? formatDateIt(s.dataInizio) : `(${formatDateIt(s.dataRichiesta)})`,
      s.dataConclusione ? formatDateIt(s.dataConclusione) : s.dataFine ? formatDateIt(s.dataFine) : '—',
    ]),
  );
  const notes: string[] = [`${list.length} dot${list.length === 1 ? 'e' : 'i'}.`];
  if (list.some((s) => s.statoAutomatico)) notes.push('* stato dato dal tempo (richiesta senza risposta entro i termini, o voucher oltre la fine).');
  if (list.some((s) => !s.dataInizio)) notes.push('(data) = richiesta non ancora ammessa: data della notifica.');
  const missing = [...new Set(list.filter((s) => !s.catalogoCaricato).map((s) => s.bando))];
  if (missing.length) {
    notes.push(
      `! catalogo del bando non caricato (${missing.join(', ')}): stato come registrato nel database, senza scadenze; carica il catalogo con --catalogo FILE.`,
    );
  }
  return `${body}\n${notes.join('\n')}`;
}

const d8 = (s: string | null) => (s ? formatDateIt(s) : '—');

export function describeScadenza(s: ScadenzaDote): string {
  if (s.stato === 'rispettata') return `rispettata (${formatDateIt(s.avvenutoIl!)})`;
  if (s.stato === 'in-ritardo') return `NON RISPETTATA: ${descriviRitardo(s)}`;
  if (s.stato === 'scaduta') return `SCADUTA da ${-s.giorniMancanti} giorn${s.giorniMancanti === -1 ? 'o' : 'i'}`;
  if (s.giorniMancanti === 0) return 'scade oggi';
  return `tra ${s.giorniMancanti} giorn${s.giorniMancanti === 1 ? 'o' : 'i'}`;
}

export function formatMostra(v: DoteDetail): string {
  const out: string[] = [];
  out.push(`Dote ${v.id} — ${v.tipo} ${v.tipoNome}`);
  out.push(`Bando:        ${v.bando} (${v.bandoTitolo})`);
  out.push(`Stato:        ${v.stato}${v.statoAutomatico ? ` (${v.statoAutomatico})` : ''}`);
  out.push(`Destinatario: ${visible(`${v.destinatario.cognome} ${v.destinatario.nome}, ${v.destinatario.cf}`)}`);
  if (v.fascia !== null) out.push(`Fascia:       ${v.fascia}${v.linea ? `, linea ${v.linea}` : ''}`);
  if (v.azienda) out.push(`Azienda:      ${visible(v.azienda)}`);
  const dates: [string, string | null][] = [
    ['richiesta', v.date.richiesta],
    ['notifica', v.date.notifica],
    ['ammissione', v.date.ammissione],
    ['rifiuto', v.date.rifiuto],
    ['attivazione', v.date.attivazione],
    ['invio PIP', v.date.invioPip],
    ['validazione PIP', v.date.validazionePip],
    ['fine', v.date.fine],
    ['conclusione', v.date.conclusione],
  ];
  out.push(`Date:         ${dates.filter(([, x]) => x).map(([k, x]) => `${k} ${d8(x)}`).join(', ')}`);
  if (v.motivoRifiuto) out.push(`Motivo del rifiuto: ${v.motivoRifiuto}`);

  if (v.pip) {
    out.push('', `PIP: versione ${v.pip.versioneCorrente}`);
    for (const x of v.pip.versioni) {
      out.push(`  v${x.versione} del ${formatDateIt(x.data)}: ${formatCents(x.valoreCent)}${x.motivo ? ` — ${x.motivo}` : ' — prima versione'}`);
    }
  } else if (v.servizi.some((s) => s.statoAttivita)) {
    // Job Coach: the activities are the plan.
  } else {
    out.push('', `PIP: non ancora impostato (dote pip imposta ${v.id} --servizio CODICE=ORE …)`);
  }

  if (v.servizi.length) {
    const jc = v.servizi.some((s) => s.statoAttivita);
    out.push('');
    out.push(
      table(
        [jc ? 'attività' : 'servizio', ...(jc ? ['stato'] : []), 'ore pian.', 'program.', 'erogate', 'residue', 'valore pian.', 'valore erog.'],
        v.servizi.map((s) => [
          `${s.servizio}${s.modalita === 'collettiva' ? ' (coll.)' : ''}`,
          ...(jc ? [s.statoAttivita ?? '—'] : []),
          formatHours(s.pianificatiMinuti),
          formatHours(s.programmatiMinuti),
          formatHours(s.erogatiMinuti),
          formatHours(s.residuiMinuti),
          formatCents(s.valorePianificatoCent),
          formatCents(s.valoreErogatoCent),
        ]),
        ['l', ...(jc ? ['l' as const] : []), 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    const t = v.totali;
    out.push(
      `Totale ore: pianificate ${formatDurata(t.pianificatiMinuti)}, programmate ${formatDurata(t.programmatiMinuti)}, erogate ${formatDurata(t.erogatiMinuti)}, residue ${formatDurata(t.residuiMinuti)}; valore ${formatCents(t.valorePianificatoCent)} pianificato, ${formatCents(t.valoreErogatoCent)} erogato`,
    );
    if (!v.pip && !jc) out.push('(senza PIP le ore residue sono quelle del massimale della fascia)');
    const inserite = v.servizi.reduce((a, s) => a + s.inseritiMinuti, 0);
    if (inserite) out.push(`(${formatDurata(inserite)} in erogazioni INSERITE, non ancora programmate)`);
  }
  if (v.risultato && v.risultato.importoCent !== null) {
    const stato = v.risultato.raggiunto === null ? 'se raggiunto' : v.risultato.raggiunto ? 'raggiunto' : 'non raggiunto';
    out.push(`Risultato (${v.risultato.nome}): ${formatCents(v.risultato.importoCent)}, ${stato}`);
  }
  if (v.liquidazione) {
    const q = v.liquidazione;
    out.push(
      `Liquidazione: richiesta del ${formatDateIt(q.data)}${q.importoCent !== null ? `, ${formatCents(q.importoCent)}` : ''}, ${q.file} file PDF in ${q.cartella} (dote liquidazione mostra ${v.id})`,
    );
  }
  if (v.scadenze.length) {
    out.push('', 'Scadenze:');
    for (const s of v.scadenze) out.push(`  ${formatDateIt(s.entro)}  ${s.descrizione}: ${describeScadenza(s)}`);
  }
  return out.join('\n');
}

/** The first deadline still open (its event not happened, in time or late), as a sentence for the confirmation messages. */
export function nextDeadlineText(scadenze: readonly { stato: ScadenzaDote['stato']; descrizione: string; entro: string }[]): string | null {
  const s = scadenze.find((x) => !avvenuta(x));
  return s ? `Prossima scadenza: ${s.descrizione}, entro il ${formatDateIt(s.entro)}.` : null;
}

export function formatNuova(r: NuovaResult): string {
  const d = r.dote;
  const who = visible(`${r.destinatario.cognome} ${r.destinatario.nome} (${r.destinatario.cf})`);
  const lines: string[] = [];
  if (d.stato === STATO.PROPOSTA) {
    lines.push(`Richiesta ${d.id} registrata: ${d.tipo} per ${who}, PROPOSTA, notificata dal CPI il ${formatDateIt(d.data_notifica!)}.`);
    lines.push(`Attività: ${r.attivita.map((a) => `${a.servizio} ${formatDurata(a.minuti)}`).join(', ')}.`);
  } else {
    const linea = d.linea ? `, linea ${d.linea}${r.categoriePrioritarie.length ? ` (${r.categoriePrioritarie.map((c) => c.descrizione).join(', ')})` : ''}` : '';
    lines.push(`Dote ${d.id} ATTIVA: ${d.tipo} fascia ${d.fascia}${linea} per ${who}.`);
    lines.push(`Attivata il ${formatDateIt(d.data_attivazione!)}, termina il ${formatDateIt(d.data_fine!)} (si ricalcola alla validazione del PIP).`);
    if (d.azienda) lines.push(`Azienda: ${visible(d.azienda)}.`);
  }
  if (r.prossimaScadenza) lines.push(`Prossima scadenza: ${r.prossimaScadenza.descrizione}, entro il ${formatDateIt(r.prossimaScadenza.entro)}.`);
  return lines.join('\n');
}
