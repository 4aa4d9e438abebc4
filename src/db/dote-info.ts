/**
 * Builds the rules' view of a dote (DoteInfo) from the database: type, fascia, period, caps,
 * planned hours and the person's history. Shared by delivery entry and the CSV checker.
 */
import { cachedStatement, type Db } from './connection.js';
import type { Catalogues } from '../bandi/load.js';
import type { DoteInfo } from '../rules/types.js';
import type { DoteRow } from './repo/lookup.js';

type Caps = Map<string, { individuale: number; collettiva: number }>;

export function doteInfoFromRow(db: Db, cats: Catalogues, d: DoteRow): DoteInfo | undefined {
  const bando = cats.find(d.bando);
  if (!bando) return undefined;
  const tipo = bando.tipi.find((t) => t.codice === d.tipo);
  const cap: Caps = new Map();
  let pianificato: Caps | null = null;
  if (tipo && tipo.attivita.length) {
    const rows = cachedStatement(db, 'SELECT servizio, minuti FROM attivita WHERE dote_id = ?').all(d.id) as { servizio: string; minuti: number }[];
    const acts = rows.length ? rows : tipo.attivita.map((a) => ({ servizio: a.servizio, minuti: a.ore }));
    for (const a of acts) cap.set(a.servizio, { individuale: a.minuti, collettiva: 0 });
    pianificato = cap;
  } else {
    if (d.fascia !== null && tipo) {
      for (const code of tipo.servizi) {
        const s = bando.servizi.find((x) => x.codice === code);
        const m = s?.massimali?.[String(d.fascia) as '1' | '2' | '3' | '4'];
        if (m) cap.set(code, { individuale: m.individuale, collettiva: m.collettiva ?? 0 });
      }
    }
    const v = cachedStatement(db, 'SELECT id FROM pip_versione WHERE dote_id = ? ORDER BY versione DESC LIMIT 1').get(d.id) as { id: number } | undefined;
    if (v) {
      pianificato = new Map();
      const voci = cachedStatement(db, 'SELECT servizio, minuti_individuali, minuti_collettivi FROM pip_voce WHERE pip_versione_id = ?').all(v.id) as {
        servizio: string;
        minuti_individuali: number;
        minuti_collettivi: number;
      }[];
      for (const x of voci) pianificato.set(x.servizio, { individuale: x.minuti_individuali, collettiva: x.minuti_collettivi });
    }
  }
  const cf = (cachedStatement(db, 'SELECT cf FROM destinatario WHERE id = ?').get(d.destinatario_id) as { cf: string } | undefined)?.cf ?? '';
  const prevOwn = cachedStatement(db, 'SELECT 1 FROM dote WHERE destinatario_id = ? AND id <> ? AND bando <> ? AND data_richiesta < ? LIMIT 1').get(d.destinatario_id, d.id, d.bando, d.data_richiesta);
  const prevExt = cachedStatement(db, "SELECT 1 FROM misura_esterna WHERE destinatario_id = ? AND tipo = 'dote-disabili' AND dal < ? LIMIT 1").get(d.destinatario_id, d.data_richiesta);
  return {
    id: d.id,
    bando,
    tipo: d.tipo,
    fascia: d.fascia,
    inizio: d.data_attivazione ?? d.data_ammissione,
    fine: d.data_fine,
    cf,
    cap,
    pianificato,
    doteAnnualitaPrecedente: Boolean(prevOwn || prevExt),
    stato: d.stato,
  };
}

/** A cached lookup of DoteInfo by id, for a run over many rows. */
export function doteInfoLookup(db: Db, cats: Catalogues): (id: string) => DoteInfo | undefined {
  const cache = new Map<string, DoteInfo | undefined>();
  const stmt = cachedStatement(db, 'SELECT * FROM dote WHERE id = ?');
  return (id) => {
    if (cache.has(id)) return cache.get(id);
    const row = stmt.get(id) as DoteRow | undefined;
    const info = row ? doteInfoFromRow(db, cats, row) : undefined;
    cache.set(id, info);
    return info;
  };
}
