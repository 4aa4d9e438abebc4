/**
 * Lookups shared by several commands: a professional by code or full name (docs/comandi.md: a
 * professional is named by code or by full name, in options and in CSV files alike), a sede by
 * name, a person by codice fiscale, a dote by id. The first three are the registry's and
 * destinatari's (src/db/repositories/), for the code that holds a statement runner (sql.ts).
 */
import type { Sql } from '../sql.js';
import { professionistaByCodeOrName, sedeByName } from '../repositories/registry.js';
import { destinatarioByCf } from '../repositories/destinatario.js';

export interface ProfessionistaRow {
  id: number;
  codice: string;
  nome: string;
  ruolo: string | null;
  ente: string | null;
  qualifica: string | null;
  anni_esperienza: number | null;
}

export interface SedeRow {
  id: number;
  nome: string;
  comune: string;
  patrono: string | null;
  indirizzo: string | null;
  responsabile: string | null;
}

export interface DestinatarioRow {
  id: number;
  cf: string;
  nome: string;
  cognome: string;
  sesso: 'M' | 'F' | null;
  data_nascita: string | null;
  luogo_nascita: string | null;
  disabilita: string | null;
  l68: number;
  did: number;
  occupato: number;
  ammortizzatori_covid: number;
  nuovo_iscritto: number;
  email: string | null;
  telefono: string | null;
  residenza: string | null;
  domicilio: string | null;
  titolo_studio: string | null;
  creato_il: string;
  anonimizzato_il: string | null;
}

export interface DoteRow {
  id: string;
  bando: string;
  tipo: string;
  destinatario_id: number;
  fascia: number | null;
  linea: string | null;
  azienda: string | null;
  stato: string;
  data_richiesta: string;
  data_notifica: string | null;
  data_ammissione: string | null;
  data_rifiuto: string | null;
  motivo_rifiuto: string | null;
  data_attivazione: string | null;
  data_invio_pip: string | null;
  data_validazione_pip: string | null;
  data_conclusione: string | null;
  data_fine: string | null;
  risultato_raggiunto: number | null;
  creata_il: string;
}


export function findProfessionista(db: Sql, codeOrName: string): ProfessionistaRow | undefined {
  return professionistaByCodeOrName(db, codeOrName);
}

export function findSede(db: Sql, nome: string): SedeRow | undefined {
  return sedeByName(db, nome);
}

export function findDestinatario(db: Sql, cf: string): DestinatarioRow | undefined {
  return destinatarioByCf(db, cf);
}

export function findDote(db: Sql, id: string): DoteRow | undefined {
  return db.prepare('SELECT * FROM dote WHERE id = ?').get<DoteRow>(id.trim());
}
