/**
 * Hour caps of a dote's services, read from its bando's catalogue: for Cremona the fascia's
 * caps per service ("X/Y": X individual, Y group hours; Cremona plan, "Servizi e massimali"), for
 * Job Coach the hours of each activity of the voucher type (manual 2.1). One reader for the rules,
 * the dote's rule view and `mostra`.
 */
import type { Bando } from '../bandi/schema.js';
import { fasciaKey } from './fascia.js';

/** Minutes per service, individual and group apart. */
export type OreServizi = Map<string, { individuale: number; collettiva: number }>;

/** One service's cap in a fascia, in minutes, or undefined when the catalogue gives none. */
export function massimaleServizio(bando: Bando, servizio: string, fascia: number | null): { individuale: number; collettiva: number } | undefined {
  if (fascia === null) return undefined;
  const k = fasciaKey(fascia);
  const m = k ? bando.servizi.find((s) => s.codice === servizio)?.massimali?.[k] : undefined;
  return m ? { individuale: m.individuale, collettiva: m.collettiva ?? 0 } : undefined;
}

/** Whether a dote type is of the activity kind (Job Coach: hours agreed per activity). */
export function tipoAdAttivita(bando: Bando, tipoCode: string): boolean {
  return Boolean(bando.tipi.find((t) => t.codice === tipoCode)?.attivita.length);
}

/**
 * The caps of a type's services: the activity hours (Job Coach) or the fascia's caps (Cremona;
 * empty when the fascia is unknown). A string when the type is not in the bando.
 */
export function massimaliTipo(bando: Bando, tipoCode: string, fascia: number | null): { caps: OreServizi; attivita: boolean } | string {
  const tipo = bando.tipi.find((t) => t.codice === tipoCode);
  if (!tipo) return `tipo di dote ${tipoCode} sconosciuto nel bando ${bando.id}`;
  const caps: OreServizi = new Map();
  if (tipo.attivita.length) {
    for (const a of tipo.attivita) caps.set(a.servizio, { individuale: a.ore, collettiva: 0 });
    return { caps, attivita: true };
  }
  for (const code of tipo.servizi) {
    const m = massimaleServizio(bando, code, fascia);
    if (m) caps.set(code, m);
  }
  return { caps, attivita: false };
}
