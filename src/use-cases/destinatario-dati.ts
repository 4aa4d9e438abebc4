/**
 * A person's rights over their data (GDPR art. 15 and 17, within the retention the operator must
 * keep for the Region's inspections): `destinatario esporta CF` gives everything held about them;
 * `destinatario anonimizza CF` removes their identity once the retention period set with
 * `ente imposta --conservazione-anni N` has passed since the end of their last dote, keeping the
 * counts, hours and amounts. README "Dati e sicurezza".
 */
import type { Store } from '../db/store.js';
import type { DatiPersona } from '../db/destinatario-repository.js';
import { RefusedError } from '../errors.js';
import { formatDateIt } from '../domain/dates.js';
import {
  NOME_ANONIMO,
  anonimizzabileDal,
  bloccoAnonimizzazione,
  fineUltimaDote,
  identityScrubber,
  pseudonimo,
  scrubSnapshot,
} from '../domain/anonimizzazione.js';
import { requireDestinatario } from './destinatario.js';
import { parse as parseSnapshot } from './storia.js';

/** What `esporta` gives: every row, history snapshots as objects. */
export interface Esportazione extends Omit<DatiPersona, 'storia'> {
  esportatoIl: string;
  storia: Record<string, unknown>[];
}

/** `destinatario esporta CF`: everything held about the person. */
export function esportaDestinatario(store: Store, cf: string, oggi: string): Promise<Esportazione> {
  return store.read(async (r) => {
    const p = await requireDestinatario(r.destinatari, cf);
    const dati = await r.destinatari.personalData(p.id);
    return { esportatoIl: oggi, ...dati, storia: dati.storia.map((h) => ({ ...h, prima: parseSnapshot(h.prima), dopo: parseSnapshot(h.dopo) })) };
  });
}

export interface Anonimizzazione {
  /** The pseudonym that now stands for the person. */
  destinatario: string;
  anonimizzatoIl: string;
  /** The end of the last dote, from which the retention period ran. */
  fineUltimaDote: string;
  conservazioneAnni: number;
  doti: number;
  /** Texts kept (history snapshots, warnings, file names) in which mentions were replaced. */
  testiRipuliti: number;
}

/** Fields removed, as the history entry lists them (names only, never values). */
const CAMPI_RIMOSSI = ['cf', 'nome', 'cognome', 'sesso', 'data_nascita', 'luogo_nascita', 'email', 'telefono', 'residenza', 'domicilio', 'titolo_studio', 'descrizioni', 'note', 'motivi'];

/** `destinatario anonimizza CF`: refused while the data must be kept; then identity out, all at once. */
export function anonimizzaDestinatario(store: Store, cf: string, ctx: { oggi: string; operatore: string }): Promise<Anonimizzazione> {
  return store.write(async (r) => {
    const p = await requireDestinatario(r.destinatari, cf);
    if (p.anonimizzato_il) throw new RefusedError(`${p.cf}: già anonimizzato il ${formatDateIt(p.anonimizzato_il)}`);
    const anni = (await r.registry.findEnte())?.conservazione_anni ?? null;
    if (anni === null) {
      throw new RefusedError(
        'periodo di conservazione dei dati non impostato: non anonimizzo nessuno finché l\'ente non lo stabilisce',
        [],
        'impostalo con "dote ente imposta --conservazione-anni N" (gli anni dalla fine dell\'ultima dote)',
      );
    }
    const doti = await r.destinatari.finiDoti(p.id);
    const blocco = bloccoAnonimizzazione(doti);
    if (blocco?.tipo === 'aperta') {
      throw new RefusedError(`${p.cf}: la dote ${blocco.dote} è ancora aperta (${blocco.stato}); i dati servono finché non è conclusa e liquidata`);
    }
    if (blocco?.tipo === 'non-liquidata') {
      throw new RefusedError(`${p.cf}: la dote ${blocco.dote} è conclusa ma non ancora liquidata; i dati servono alla domanda di liquidazione`, [], `dote liquidazione prepara ${blocco.dote} -o CARTELLA`);
    }
    const fine = fineUltimaDote(doti, p.creato_il);
    const dal = anonimizzabileDal(fine.data, anni);
    if (ctx.oggi < dal) {
      const da = fine.dote ? `dalla fine dell'ultima dote, ${fine.dote}, il ${formatDateIt(fine.data)}` : `dalla registrazione, il ${formatDateIt(fine.data)}`;
      throw new RefusedError(`${p.cf}: i dati vanno ancora conservati, si potranno anonimizzare dal ${formatDateIt(dal)} (${anni} ${anni === 1 ? 'anno' : 'anni'} ${da})`);
    }

    const scrub = identityScrubber(p);
    const alias = pseudonimo(p.id);
    await r.destinatari.anonymise(p.id, { cf: alias, nome: NOME_ANONIMO, cognome: NOME_ANONIMO, oggi: ctx.oggi });
    let testiRipuliti = 0;
    for (const t of await r.destinatari.textsNaming(p.id)) {
      const clean = t.tabella === 'storia' ? scrubSnapshot(t.valore, scrub) : scrub(t.valore);
      if (clean !== t.valore) {
        await r.destinatari.setText(t, clean);
        testiRipuliti++;
      }
    }
    // The history says that it happened, by whom and when, never what was removed.
    const dopo = { destinatario: alias, anonimizzatoIl: ctx.oggi, conservazioneAnni: anni, fineUltimaDote: fine.data, campiRimossi: CAMPI_RIMOSSI };
    for (const d of doti) {
      await r.storia.record({ doteId: d.id, entita: 'destinatario', entitaId: alias, azione: 'anonimizza', operatore: ctx.operatore, dopo });
    }
    return { destinatario: alias, anonimizzatoIl: ctx.oggi, fineUltimaDote: fine.data, conservazioneAnni: anni, doti: doti.length, testiRipuliti };
  });
}
