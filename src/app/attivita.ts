/**
 * `dote attivita …`: the five activities of a Job Coach voucher (Job Coach manual 3.3).
 * PROPOSTA → INIZIATA (first delivery started, see app/erogazione.ts) → TERMINATA by `attivita
 * concludi`, which needs at least one EROGATA delivery and freezes the activity for good.
 * Cremona doti have no activities (their services are planned in the PIP).
 */
import { OPEN_STATES_SQL } from '../db/states.js';
import type { Db } from '../db/connection.js';
import { inTransaction } from '../db/connection.js';
import { loadCatalogues } from '../bandi/load.js';
import { findDote, type DoteRow } from '../db/repo/lookup.js';
import { recordHistory } from '../db/storia.js';
import { RefusedError } from '../errors.js';
import { formatDateIt } from '../domain/dates.js';
import { actionDate } from './dote-load.js';
import { concludiAttivita, type StatoAttivita } from '../domain/erogazione-state.js';
import type { Repositories } from '../db/store.js';

export interface AttivitaCtx {
  oggi: string;
  operatore: string;
  catalogFiles: readonly string[];
}

export interface AttivitaView {
  dote: string;
  servizio: string;
  nome: string;
  stato: StatoAttivita;
  oreMinuti: number;
  /** Minutes of EROGATA deliveries, and of deliveries still open (INSERITA, PROGRAMMATA, AVVIATA). */
  erogateMinuti: number;
  aperteMinuti: number;
  erogazioniErogate: number;
  erogazioniAperte: number;
  dataConclusione: string | null;
}

function loadJcDote(db: Db, ctx: AttivitaCtx, id: string): { d: DoteRow; nomi: Map<string, string> } {
  const d = findDote(db, id);
  if (!d) throw new RefusedError(`dote sconosciuta: ${id}`, [], 'vedi "dote elenco"');
  const bando = loadCatalogues(ctx.catalogFiles).find(d.bando);
  const tipo = bando?.tipi.find((t) => t.codice === d.tipo);
  const hasRows = db.prepare('SELECT 1 FROM attivita WHERE dote_id = ? LIMIT 1').get(d.id);
  if (!hasRows && !(tipo && tipo.attivita.length)) {
    throw new RefusedError(
      `la dote ${d.id} (${d.bando}, ${d.tipo}) non ha attività: le attività con i loro stati sono solo del Job Coach; i servizi di questa dote sono nel PIP`,
    );
  }
  return { d, nomi: new Map((bando?.servizi ?? []).map((s) => [s.codice, s.nome])) };
}

function views(db: Db, d: DoteRow, nomi: Map<string, string>): AttivitaView[] {
  const rows = db.prepare('SELECT servizio, minuti, stato, data_conclusione FROM attivita WHERE dote_id = ? ORDER BY rowid').all(d.id) as {
    servizio: string;
    minuti: number;
    stato: StatoAttivita;
    data_conclusione: string | null;
  }[];
  const sums = db.prepare(
    `SELECT
       COALESCE(SUM(CASE WHEN stato = 'EROGATA' THEN fine - inizio END), 0) AS erogate,
       COALESCE(SUM(CASE WHEN stato IN (${OPEN_STATES_SQL}) THEN fine - inizio END), 0) AS aperte,
       COALESCE(SUM(stato = 'EROGATA'), 0) AS n_erogate,
       COALESCE(SUM(stato IN (${OPEN_STATES_SQL})), 0) AS n_aperte
     FROM erogazione WHERE dote_id = ? AND servizio = ?`,
  );
  return rows.map((a) => {
    const s = sums.get(d.id, a.servizio) as { erogate: number; aperte: number; n_erogate: number; n_aperte: number };
    return {
      dote: d.id,
      servizio: a.servizio,
      nome: nomi.get(a.servizio) ?? a.servizio,
      stato: a.stato,
      oreMinuti: a.minuti,
      erogateMinuti: s.erogate,
      aperteMinuti: s.aperte,
      erogazioniErogate: s.n_erogate,
      erogazioniAperte: s.n_aperte,
      dataConclusione: a.data_conclusione,
    };
  });
}

/** `dote attivita elenco ID`. */
export function elencoAttivita(db: Db, ctx: AttivitaCtx, doteId: string): AttivitaView[] {
  const { d, nomi } = loadJcDote(db, ctx, doteId);
  return views(db, d, nomi);
}

/**
 * `dote attivita concludi ID SERVIZIO [--data D]`: the activity to TERMINATA.
 *
 * Our choice: refused while a delivery of the activity is still open (INSERITA, PROGRAMMATA,
 * AVVIATA). The manual's screen shows an INSERITA delivery beside the "Concludi" button, and after
 * the conclusion "nessuna operazione potrà più essere effettuata": that delivery could then never
 * be annulled, and an open delivery blocks the conclusion of the dote and its liquidation
 * (domain.md 1.1). So the user closes or annuls it first, explicitly, and the audit trail says so.
 */
export function concludiAttivitaDote(db: Db, ctx: AttivitaCtx, doteId: string, servizioText: string, dataIso?: string): AttivitaView {
  const { d, nomi } = loadJcDote(db, ctx, doteId);
  const servizio = servizioText.trim().toUpperCase();
  const data = actionDate(dataIso, ctx.oggi);
  return inTransaction(db, () => {
    const all = views(db, d, nomi);
    const a = all.find((x) => x.servizio === servizio);
    if (!a) throw new RefusedError(`la dote ${d.id} non ha l'attività ${servizio} (attività: ${all.map((x) => x.servizio).join(', ')})`);
    terminaAttivita(db, { doteId: d.id, servizio, stato: a.stato, erogate: a.erogazioniErogate, data, operatore: ctx.operatore });
    return views(db, d, nomi).find((x) => x.servizio === servizio)!;
  });
}

/**
 * Concludes one activity in the database: the state rule (concludiAttivita: refused when already
 * TERMINATA or with no EROGATA delivery), the new state and date, and the history entry. Used by
 * `attivita concludi` and by `dote concludi` for each activity it closes. Call it in a transaction.
 */
export function terminaAttivita(
  db: Db,
  a: { doteId: string; servizio: string; stato: StatoAttivita; erogate: number; data: string; operatore: string },
): void {
  const next = concludiAttivita(a.stato, a.erogate, `L'attività ${a.servizio} della dote ${a.doteId}`);
  const open = db
    .prepare(`SELECT id, data, stato FROM erogazione WHERE dote_id = ? AND servizio = ? AND stato IN (${OPEN_STATES_SQL}) ORDER BY data, inizio, id`)
    .all(a.doteId, a.servizio) as { id: number; data: string; stato: string }[];
  if (open.length) {
    const list = open.map((e) => `${e.id} del ${formatDateIt(e.data)} (${e.stato})`).join(', ');
    throw new RefusedError(
      `l'attività ${a.servizio} della dote ${a.doteId} ha ${open.length === 1 ? "un'erogazione ancora aperta" : `${open.length} erogazioni ancora aperte`}: ${list}; ` +
        "dopo la conclusione non si potrebbe più cambiarla",
      [],
      `concludila, annullala o chiudila negativamente prima (es. "dote erogazione annulla ${open[0]!.id}")`,
    );
  }
  db.prepare('UPDATE attivita SET stato = ?, data_conclusione = ? WHERE dote_id = ? AND servizio = ?').run(next, a.data, a.doteId, a.servizio);
  recordHistory(db, {
    doteId: a.doteId,
    entita: 'attivita',
    entitaId: a.servizio,
    azione: 'concludi',
    operatore: a.operatore,
    prima: { stato: a.stato },
    dopo: { stato: next, data_conclusione: a.data },
  });
}

/**
 * terminaAttivita through the store's repositories, for use cases that run in `store.write`
 * (`dote concludi`): the same rule, the same refusal, the same history entry.
 */
export async function terminaAttivitaIn(
  r: Repositories,
  a: { doteId: string; servizio: string; stato: StatoAttivita; erogate: number; data: string; operatore: string },
): Promise<void> {
  const next = concludiAttivita(a.stato, a.erogate, `L'attività ${a.servizio} della dote ${a.doteId}`);
  const open = await r.erogazioni.openDeliveriesOfService(a.doteId, a.servizio);
  if (open.length) {
    const list = open.map((e) => `${e.id} del ${formatDateIt(e.data)} (${e.stato})`).join(', ');
    throw new RefusedError(
      `l'attività ${a.servizio} della dote ${a.doteId} ha ${open.length === 1 ? "un'erogazione ancora aperta" : `${open.length} erogazioni ancora aperte`}: ${list}; ` +
        "dopo la conclusione non si potrebbe più cambiarla",
      [],
      `concludila, annullala o chiudila negativamente prima (es. "dote erogazione annulla ${open[0]!.id}")`,
    );
  }
  await r.erogazioni.concludeAttivita({ doteId: a.doteId, servizio: a.servizio, stato: next, data: a.data });
  await r.storia.record({
    doteId: a.doteId,
    entita: 'attivita',
    entitaId: a.servizio,
    azione: 'concludi',
    operatore: a.operatore,
    prima: { stato: a.stato },
    dopo: { stato: next, data_conclusione: a.data },
  });
}
