/**
 * `dote storia ID`: the whole audit trail of a dote — its own changes, its PIP versions, its
 * activities and its deliveries — in the order they happened, with who made each change and a
 * readable before → after of the fields that changed (issue 3). Nothing is ever deleted.
 */
import type { Store } from '../db/store.js';
import { RefusedError } from '../errors.js';
import type { Nomi } from '../output/campi.js';
import { ANAGRAFICA, type HistoryRow } from '../db/storia.js';

export interface Modifica {
  campo: string;
  prima: unknown;
  dopo: unknown;
}

export interface VoceStoria {
  id: number;
  /** ISO timestamp (UTC) as recorded. */
  quando: string;
  operatore: string;
  entita: string;
  entitaId: string;
  azione: string;
  prima: unknown;
  dopo: unknown;
  /** Fields whose value differs between prima and dopo (all of dopo for a creation). */
  modifiche: Modifica[];
}

export interface StoriaView {
  /** The dote, or null: the registry's history (`dote storia --anagrafica`). */
  dote: string | null;
  voci: VoceStoria[];
}

/** A history snapshot (JSON text) as a value; text that is not JSON stays text. */
export function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function diff(prima: unknown, dopo: unknown): Modifica[] {
  if (!isRecord(prima) && !isRecord(dopo)) {
    return JSON.stringify(prima) === JSON.stringify(dopo) ? [] : [{ campo: '', prima, dopo }];
  }
  const a = isRecord(prima) ? prima : {};
  const b = isRecord(dopo) ? dopo : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out: Modifica[] = [];
  for (const k of keys) {
    const x = k in a ? a[k] : null;
    const y = k in b ? b[k] : null;
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ campo: k, prima: x, dopo: y });
  }
  return out;
}

export async function storiaDote(store: Store, doteId: string): Promise<StoriaView> {
  const { d, entries } = await store.read(async (r) => {
    const d = await r.doti.find(doteId);
    if (!d) throw new RefusedError(`dote sconosciuta: ${doteId}`, [], 'vedi "dote elenco"');
    return { d, entries: await r.storia.entriesOf(d.id) };
  });
  return { dote: d.id, voci: voci(entries) };
}

/** `dote storia --anagrafica`: the changes of the ente, the sedi, the professionals and the people. */
export async function storiaAnagrafica(store: Store): Promise<StoriaView> {
  const entries = await store.read((r) => r.storia.entriesOf(ANAGRAFICA));
  return { dote: null, voci: voci(entries) };
}

function voci(entries: HistoryRow[]): VoceStoria[] {
  return entries.map((h) => {
    const prima = parse(h.prima);
    const dopo = parse(h.dopo);
    return {
      id: h.id,
      quando: h.quando,
      operatore: h.operatore,
      entita: h.entita,
      entitaId: h.entita_id,
      azione: h.azione,
      prima,
      dopo,
      modifiche: diff(prima, dopo),
    };
  });
}

/**
 * The names behind the ids the entries hold, for the text (`--json` keeps the ids): the sedi,
 * the professionals, and the dote's person by name and codice fiscale.
 */
export async function nomiStoria(store: Store, doteId: string | null): Promise<Nomi> {
  return store.read(async (r) => {
    const d = doteId === null ? undefined : await r.doti.find(doteId);
    const person = d ? await r.destinatari.findById(d.destinatario_id) : undefined;
    return {
      sedi: new Map((await r.registry.listSedi()).map((x) => [x.id, x.nome])),
      professionisti: new Map((await r.registry.listProfessionisti()).map((x) => [x.id, `${x.nome} (${x.codice})`])),
      destinatari: new Map(person ? [[person.id, `${person.cognome} ${person.nome} (${person.cf})`]] : []),
    };
  });
}
