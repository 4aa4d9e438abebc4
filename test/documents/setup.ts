/**
 * Realistic doti for the document tests, made with the real commands: a Job Coach voucher with
 * 40 EROGATA deliveries (imported from a calendar CSV, as an office would), and a Cremona D1-INS
 * with a full PIP, a variation, and deliveries including training.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { withDb, type RunResult } from '../helpers.js';

export const JC = 'JC-1-1103/022';
export const CR = 'CR-2022-0001';
export const CF_JC = 'VRDGPP90C41L736E';
export const CF_CR = 'BNCLGU75B12D150X';

export type Env = ReturnType<typeof withDb> & { ok: (args: string[]) => RunResult };

export function base(ente = 'Cooperativa Il Ponte'): Env {
  const env = withDb() as Env;
  env.ok = (args) => {
    const r = env.run(args);
    if (r.status !== 0) throw new Error(`dote ${args.join(' ')} → ${r.status}\n${r.stderr}`);
    return r;
  };
  env.ok(['ente', 'imposta', '--nome', ente, '--codice', 'OP-0417', '--indirizzo', 'Via Dante 12, 26100 Cremona', '--oggi', '2022-03-01']);
  env.ok(['sede', 'aggiungi', 'Cremona', '--comune', 'Cremona', '--patrono', '13/11']);
  env.ok(['sede', 'aggiungi', 'Padova', '--comune', 'Padova', '--patrono', '13/06']);
  env.ok(['professionista', 'aggiungi', 'P01', '--nome', 'Mario Rossi', '--ruolo', 'operatore del mercato del lavoro']);
  env.ok(['professionista', 'aggiungi', 'P02', '--nome', 'Anna Verdi', '--ruolo', 'job coach']);
  env.ok(['professionista', 'aggiungi', 'P03', '--nome', 'Carla Neri', '--ruolo', 'formatrice', '--ente', 'Cooperativa Sociale La Rete']);
  env.ok(['destinatario', 'aggiungi', '--cf', CF_CR, '--nome', 'Luigi', '--cognome', 'Bianchi', '--disabilita', 'fisica', '--l68', '--did']);
  env.ok(['destinatario', 'aggiungi', '--cf', CF_JC, '--nome', 'Giuseppina', '--cognome', 'Verdi', '--disabilita', 'psichica', '--l68', '--did']);
  return env;
}

/** Weekdays from `from` on, skipping the holidays that fall in summer 2022 (15/08). */
function weekdays(from: string, n: number): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T12:00:00Z`);
  while (out.length < n) {
    const iso = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && iso !== '2022-08-15') out.push(iso);
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

const it = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface JcRow {
  data: string;
  inizio: string;
  fine: string;
  servizio: string;
  descrizione: string;
}

/**
 * The Job Coach voucher, admitted on 20/06/2022, with 40 deliveries from 22/06/2022: the four
 * short activities in 2-hour sessions, then 30 hours of allenamento, one a day.
 */
export function jobCoach(env: Env, opts: { descrizione?: (i: number) => string | undefined } = {}): JcRow[] {
  env.ok(['nuova', '--tipo', 'JC-BASE', '--id', JC, '--destinatario', CF_JC, '--data', '2022-06-15', '--oggi', '2022-06-15']);
  env.ok(['ammetti', JC, '--data', '2022-06-20', '--oggi', '2022-06-20']);
  const plan = [...Array(2).fill('JC-AN'), ...Array(4).fill('JC-DE'), ...Array(2).fill('JC-PU'), ...Array(2).fill('JC-SU'), ...Array(30).fill('JC-AL')] as string[];
  const days = weekdays('2022-06-22', plan.length);
  const rows: JcRow[] = plan.map((servizio, i) => {
    const long = servizio !== 'JC-AL';
    return {
      data: days[i]!,
      inizio: long ? '09:00' : '14:00',
      fine: long ? '11:00' : '15:00',
      servizio,
      descrizione: opts.descrizione?.(i) ?? (long ? `Colloquio ${i + 1} con la destinataria e la famiglia` : `Affiancamento in azienda n. ${i - 9}: reparto magazzino, mansioni di etichettatura`),
    };
  });
  const csv =
    'ID dote;Servizio;Data;Ora inizio;Ora fine;Professionista;Sede;Descrizione;Registrata il\n' +
    rows.map((r) => [JC, r.servizio, it(r.data), r.inizio, r.fine, 'Anna Verdi', 'Padova', r.descrizione, it(r.data)].join(';')).join('\n') +
    '\n';
  writeFileSync(path.join(env.dir, 'calendario-jc.csv'), csv);
  env.ok(['importa', '--calendario', 'calendario-jc.csv', '--oggi', '2022-09-30']);
  return rows;
}

/**
 * The Cremona dote: fascia 3, activated 01/03/2022, a PIP (validated) and a variation, deliveries
 * of the services that define the PIP, tutoring, and a training session (left out of the registro).
 */
export function cremona(env: Env): void {
  env.ok(['nuova', '--tipo', 'D1-INS', '--destinatario', CF_CR, '--fascia', '3', '--linea', 'a', '--data', '2022-03-01', '--id', CR, '--oggi', '2022-03-01']);
  env.ok(['pip', 'imposta', CR, '--servizio', 'QD1=1', '--servizio', 'QD2=2', '--servizio', 'QD3=3', '--servizio', 'Q0C=5', '--servizio', 'QT8=20', '--servizio', 'QF0=20:coll', '--data', '2022-03-04', '--oggi', '2022-03-04']);
  env.ok(['pip', 'invia', CR, '--data', '2022-03-07', '--oggi', '2022-03-07']);
  env.ok(['pip', 'valida', CR, '--data', '2022-03-15', '--oggi', '2022-03-15']);
  env.ok(['pip', 'varia', CR, '--motivo', 'tirocinio ridotto, più ore di bilancio', '--servizio', 'QT8=15', '--servizio', 'Q0C=5', '--servizio', 'QD1=1', '--servizio', 'QD2=2', '--servizio', 'QD3=3', '--servizio', 'QF0=20:coll', '--data', '2022-04-01', '--oggi', '2022-04-01']);
  const rows = [
    ['QD1', '02/03/2022', '09:00', '10:00', 'Mario Rossi', 'Accoglienza, scheda anagrafica'],
    ['QD2', '03/03/2022', '09:00', '11:00', 'Mario Rossi', 'Colloquio specialistico, CV al collocamento'],
    ['QD3', '07/03/2022', '14:00', '17:00', 'Mario Rossi', 'Definizione del percorso (PIP)'],
    ['Q0C', '09/03/2022', '09:00', '11:30', 'Mario Rossi', 'Bilancio di competenze'],
    ['QT8', '21/03/2022', '09:00', '13:00', 'Anna Verdi', 'Tutoraggio del tirocinio in azienda'],
    ['QT8', '28/03/2022', '09:00', '13:00', 'Anna Verdi', 'Tutoraggio del tirocinio: verifica intermedia'],
  ];
  const csv =
    'ID dote;Servizio;Data;Ora inizio;Ora fine;Professionista;Sede;Descrizione;Registrata il\n' +
    rows.map((r) => [CR, r[0], r[1], r[2], r[3], r[4], 'Cremona', r[5], r[1]].join(';')).join('\n') +
    '\n';
  writeFileSync(path.join(env.dir, 'calendario-cr.csv'), csv);
  env.ok(['importa', '--calendario', 'calendario-cr.csv', '--oggi', '2022-04-10']);
  // Training is not in the calendar: entered as a delivery, then delivered.
  const e = String(env.ok(['erogazione', 'aggiungi', CR, '--servizio', 'QF0', '--data', '2022-04-05', '--inizio', '09:00', '--fine', '13:00', '--professionista', 'P03', '--collettiva', '--oggi', '2022-04-04', '--json']).json().id);
  for (const a of ['programma', 'avvia', 'concludi']) env.ok(['erogazione', a, e, '--oggi', '2022-04-05']);
}

/** A tiny PNG, RGB or RGBA (the colour type PDF/A-1 refuses). */
export function png(file: string, alpha: boolean): void {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const w = 8, h = 8, bpp = alpha ? 4 : 3;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = alpha ? 6 : 2;
  const raw = Buffer.alloc((w * bpp + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set(alpha ? [200, 30, 30, 128] : [200, 30, 30], y * (w * bpp + 1) + 1 + x * bpp);
  writeFileSync(
    file,
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}
