/**
 * Lookups shared by several commands: a professional by code or full name (cli.md: "a
 * professional is named by code or by full name, in options and in CSV files alike"), a sede by
 * name, a person by codice fiscale, a dote by id.
 */
import { normalizeName } from '../../domain/names.js';
import type { Db } from '../connection.js';

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


export function findProfessionista(db: Db, codeOrName: string): ProfessionistaRow | undefined {
  const key = codeOrName.trim();
  const byCode = db.prepare('SELECT * FROM professionista WHERE codice = ? COLLATE NOCASE').get(key) as ProfessionistaRow | undefined;
  if (byCode) return byCode;
  const norm = normalizeName(key);
  const all = db.prepare('SELECT * FROM professionista').all() as ProfessionistaRow[];
  // Also accept "Cognome Nome" for "Nome Cognome".
  return all.find((p) => {
    const n = normalizeName(p.nome);
    if (n === norm) return true;
    const parts = n.split(' ');
    return parts.length > 1 && [...parts.slice(1), parts[0]].join(' ') === norm;
  });
}

export function findSede(db: Db, nome: string): SedeRow | undefined {
  return db.prepare('SELECT * FROM sede WHERE nome = ? COLLATE NOCASE').get(nome.trim()) as SedeRow | undefined;
}

export function findDestinatario(db: Db, cf: string): DestinatarioRow | undefined {
  return db.prepare('SELECT * FROM destinatario WHERE cf = ?').get(cf.trim().toUpperCase()) as DestinatarioRow | undefined;
}

export function findDote(db: Db, id: string): DoteRow | undefined {
  return db.prepare('SELECT * FROM dote WHERE id = ?').get(id.trim()) as DoteRow | undefined;
}
