/**
 * `dote liquidazione prepara ID -o DIR` and `dote liquidazione impronte DIR` (issue 11, point 4).
 *
 * One write transaction: the same check as `verifica` (any error refuses, exit 1, nothing
 * written), then every file rendered into a temporary folder next to DIR, SHA256SUMS and the
 * index, the request recorded (the `liquidazione` row, the EROGATA deliveries tied to it, the
 * storia), and last the folder renamed to DIR. A failure anywhere rolls the transaction back and
 * removes the temporary folder: no DIR, no row. From the row on, import/conflict locks the dote.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogues } from '../bandi/load.js';
import type { Store } from '../db/store.js';
import type { RichiestaFileRow, RichiestaRow } from '../db/liquidazione-repository.js';
import { RefusedError, UsageError } from '../errors.js';
import { loadTemplate, type Template } from '../pdf/templates.js';
import type { Documento } from '../pdf/model.js';
import { mkdirOwnerOnly, temporaryBeside, writeAtomically } from '../files/owner-only.js';
import { letSignalsIn, removedIfInterrupted } from '../files/temporaries.js';
import { loadDote, type DoteCtx } from './dote-load.js';
import { avvioDote, checkLiquidazione, toContratto } from './liquidazione.js';
import { enteIntestazione } from './stampa-registro.js';
import * as docs from '../documents/liquidazione.js';
import { stampaAttestazione, stampaPip, stampaRegistro, stampaTimesheet, type Stampato } from '../documents/stampa.js';

export const LIMITE_PEC_PREDEFINITO = 30_000_000;

/** Attachments are base64 in MIME: about 4/3 of their size, plus line breaks. */
export function codificato(bytes: number): number {
  const b64 = Math.ceil(bytes / 3) * 4;
  return b64 + Math.ceil(b64 / 76) * 2;
}

export interface FilePacchetto {
  nome: string;
  bytes: number;
  sha256: string;
  pagine: number | null;
}

export interface MessaggioPec {
  numero: number;
  file: string[];
  bytesCodificati: number;
}

export interface Pacchetto {
  doteId: string;
  liquidazioneId: number;
  data: string;
  cartella: string;
  importoCent: number;
  file: FilePacchetto[];
  pec: MessaggioPec[];
  limitePec: number;
}

export interface PreparaOptions {
  dir: string;
  limitePec: number;
  bollo?: string;
  esenteBollo?: boolean;
  modelli?: string;
  creationDate: Date;
}

/** Groups the files in order into messages under the limit (the first file, the domanda, opens PEC 1). */
export function dividiPec(file: { nome: string; bytes: number }[], limite: number): MessaggioPec[] {
  const out: MessaggioPec[] = [];
  for (const f of file) {
    const enc = codificato(f.bytes);
    if (enc > limite) throw new RefusedError(`${f.nome}: da solo occupa circa ${docs.formatDimensione(enc)} codificato, oltre il limite PEC di ${docs.formatDimensione(limite)}`, [], 'alza --limite-pec, o riduci il file');
    const last = out.at(-1);
    if (last && last.bytesCodificati + enc <= limite) {
      last.file.push(f.nome);
      last.bytesCodificati += enc;
    } else out.push({ numero: out.length + 1, file: [f.nome], bytesCodificati: enc });
  }
  return out;
}

function checkDir(dir: string): void {
  const abs = path.resolve(dir);
  if (!existsSync(path.dirname(abs))) throw new UsageError(`-o ${dir}: la cartella ${path.dirname(abs)} non esiste`);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory()) throw new UsageError(`-o ${dir}: esiste e non è una cartella`);
    if (readdirSync(abs).length) throw new UsageError(`-o ${dir}: la cartella esiste e non è vuota`, 'indica una cartella nuova: il pacchetto si prepara una volta sola');
  }
}

const safeName = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export async function preparaLiquidazione(store: Store, ctx: DoteCtx, id: string, o: PreparaOptions): Promise<Pacchetto> {
  if (o.bollo !== undefined && o.esenteBollo) throw new UsageError('--bollo e --esente-bollo insieme: indica uno solo dei due');
  checkDir(o.dir);
  const cats = loadCatalogues(ctx.catalogFiles);
  const dest = path.resolve(o.dir);
  const tmp = temporaryBeside(dest);
  let renamed = false;
  const forget = removedIfInterrupted(tmp);
  try {
    return await store.write(async (r) => {
      const d = await loadDote(r, cats, id, ctx.oggi);
      const v = await checkLiquidazione(r, ctx, d);
      if (v.errori) {
        // The same findings as `verifica`, one a line, in its words (errors and warnings).
        const righe = v.findings.map((f) => `${d.row.id}: ${f.severity === 'error' ? 'errore' : 'avviso'} ${f.rule}: ${f.message}`);
        throw new RefusedError(
          `la domanda di liquidazione della dote ${d.row.id} è bloccata da ${v.errori} ${v.errori === 1 ? 'errore' : 'errori'}; nulla è stato scritto\n${righe.join('\n')}`,
          v.findings,
          `vedi "dote liquidazione verifica ${d.row.id}"`,
        );
      }
      const jobCoach = d.tipo.attivita.length > 0;
      if (v.bollo && o.bollo === undefined && !o.esenteBollo) {
        throw new UsageError('la domanda di liquidazione Cremona richiede la marca da bollo: indica --bollo NUMERO, o --esente-bollo per ONLUS e cooperative sociali (DPR 642/1972, Tabella B, art. 27-bis)');
      }
      const ente = (await r.registry.findEnte()) ?? null;
      const data: docs.PacchettoData = {
        oggi: ctx.oggi,
        ente,
        intestazione: await enteIntestazione(r),
        bando: { id: d.bando.id, titolo: d.bando.titolo, riferimento: d.bando.riferimentoNormativo },
        dote: { id: d.row.id, tipo: d.tipo.codice, tipoNome: d.tipo.nome, fascia: d.row.fascia, conclusa: d.row.data_conclusione },
        destinatario: { nome: d.persona.nome, cognome: d.persona.cognome, cf: d.persona.cf },
        servizi: new Map(d.bando.servizi.map((s) => [s.codice, s.nome])),
        importo: v.importo,
        occupazione: v.occupazione,
        contratti: (await r.liquidazioni.contrattiOf(d.row.id)).filter((c) => !c.rimosso_il).map(toContratto),
        impresa: v.impresa,
        avvioDote: d.tipo.risultato?.prova === 'impresa' ? avvioDote(d) : null,
        bollo: !v.bollo ? null : o.bollo !== undefined ? { numero: o.bollo } : { esente: true },
      };

      rmSync(tmp, { recursive: true, force: true });
      mkdirOwnerOnly(tmp);
      const { renderPdf } = await import('../pdf/render.js');
      const file: FilePacchetto[] = [];
      let n = 0;
      const next = (nome: string) => `${String(++n).padStart(2, '0')}-${nome}.pdf`;
      // Between documents a Ctrl-C is heard, and the folder above goes with it (files/temporaries.ts).
      const render = async (nome: string, template: string, build: (t: Template) => Documento) => {
        await letSignalsIn();
        const t = loadTemplate(template, o.modelli);
        const res = await renderPdf(build(t), { creationDate: o.creationDate, stili: t.stili });
        const w = writeAtomically(path.join(tmp, nome), res.pdf);
        file.push({ nome, bytes: w.bytes, sha256: w.sha256, pagine: res.pagine });
      };
      const stampa = async (nome: string, work: (out: string) => Promise<Stampato>) => {
        await letSignalsIn();
        const s = await work(path.join(tmp, nome));
        file.push({ nome, bytes: s.bytes, sha256: s.sha256, pagine: s.pagine });
      };
      const base = { modelli: o.modelli, creationDate: o.creationDate };

      if (!jobCoach) {
        await render(next('domanda-liquidazione'), 'liquidazione-domanda', (t) => docs.domandaDocumento(data, t));
        await render(next('relazione-attivita-risultati'), 'liquidazione-relazione', (t) => docs.relazioneDocumento(data, t));
        await render(next('comunicazione-conclusione'), 'liquidazione-conclusione', (t) => docs.conclusioneDocumento(data, t));
        await render(next('dichiarazione-esercizio-impresa'), 'liquidazione-impresa', (t) => docs.impresaDocumento(data, t));
        await render(next('dichiarazione-estremi-pagamento'), 'liquidazione-pagamento', (t) => docs.pagamentoDocumento(data, t));
        if (d.tipo.codice === 'D1-IMP') await render(next('registro-imprese'), 'liquidazione-registro-imprese', (t) => docs.registroImpreseDocumento(data, t));
        const pip = next('pip');
        await stampa(pip, (output) => stampaPip(store, ctx, d.row.id, { ...base, output }));
      }
      const reg = next('registro-attivita');
      await stampa(reg, (output) => stampaRegistro(store, ctx, d.row.id, { ...base, output }));
      if (jobCoach) {
        const att = next('attestazione');
        await stampa(att, (output) => stampaAttestazione(store, ctx, d.row.id, { ...base, output }));
      }
      for (const pm of await r.liquidazioni.mesiProfessionisti(d.row.id)) {
        const nome = next(`timesheet-${safeName(pm.professionista)}-${pm.mese}`);
        await stampa(nome, (output) => stampaTimesheet(store, ctx, pm, { ...base, output }));
      }

      // The index lists every other file and the messages; it goes with the domanda in PEC 1.
      const indice = '00-indice.pdf';
      const indiceT = loadTemplate('liquidazione-indice', o.modelli);
      let indiceBytes = 0;
      let pec: MessaggioPec[] = [];
      let pdf: Buffer = Buffer.alloc(0);
      // SHA256SUMS travels in PEC 1 with the index: its size is known before the index's hash.
      const sumsBytes = [indice, ...file.map((f) => f.nome)].reduce((a, nome) => a + 64 + 2 + Buffer.byteLength(nome) + 1, 0);
      const gruppi = (indiceBytes: number) => dividiPec([{ nome: indice, bytes: indiceBytes }, { nome: 'SHA256SUMS', bytes: sumsBytes }, ...file], o.limitePec);
      for (let i = 0; i < 3; i++) {
        pec = gruppi(indiceBytes);
        const res = await renderPdf(docs.indiceDocumento(data, indiceT, { file, sommeBytes: sumsBytes, pec, limite: o.limitePec }), { creationDate: o.creationDate, stili: indiceT.stili });
        pdf = res.pdf;
        if (pdf.length === indiceBytes) break;
        indiceBytes = pdf.length;
      }
      const wi = writeAtomically(path.join(tmp, indice), pdf);
      pec = gruppi(wi.bytes);
      const all: FilePacchetto[] = [{ nome: indice, bytes: wi.bytes, sha256: wi.sha256, pagine: null }, ...file];
      writeAtomically(path.join(tmp, 'SHA256SUMS'), Buffer.from(all.map((f) => `${f.sha256}  ${f.nome}\n`).join('')));

      const row = await r.liquidazioni.insertRichiesta({ dote_id: d.row.id, data: ctx.oggi, cartella: dest, creata_il: new Date().toISOString(), importo_cent: v.importo.totaleCent, limite_pec: o.limitePec });
      const pecOf = new Map(pec.flatMap((m) => m.file.map((f) => [f, m.numero] as const)));
      for (const [ordine, f] of all.entries()) await r.liquidazioni.insertFile({ liquidazione_id: row.id, ordine, nome: f.nome, bytes: f.bytes, sha256: f.sha256, pec: pecOf.get(f.nome) ?? 1 });
      const bloccate = await r.liquidazioni.lockErogate(d.row.id, row.id);
      await r.storia.record({
        doteId: d.row.id,
        entita: 'liquidazione',
        entitaId: row.id,
        azione: 'prepara',
        operatore: ctx.operatore,
        prima: undefined,
        dopo: { data: ctx.oggi, cartella: dest, importoCent: v.importo.totaleCent, erogazioni: bloccate, file: all.length },
      });
      if (existsSync(dest)) rmdirSync(dest);
      renameSync(tmp, dest);
      renamed = true;
      return { doteId: d.row.id, liquidazioneId: row.id, data: ctx.oggi, cartella: dest, importoCent: v.importo.totaleCent, file: all, pec, limitePec: o.limitePec };
    });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (renamed) rmSync(dest, { recursive: true, force: true });
    throw e;
  } finally {
    forget();
  }
}

export interface Impronte {
  cartella: string;
  invariati: string[];
  /** Hash differs from SHA256SUMS (a PAdES signature rewrites the PDF). */
  modificati: { nome: string; prima: string; dopo: string }[];
  /** In the folder, not in SHA256SUMS (a CAdES signature adds NAME.p7m). */
  nuovi: { nome: string; sha256: string }[];
  mancanti: string[];
}

/** `dote liquidazione impronte DIR`: the files against SHA256SUMS. */
export function impronte(dir: string): Impronte {
  const sums = path.join(dir, 'SHA256SUMS');
  let text: string;
  try {
    text = readFileSync(sums, 'utf8');
  } catch {
    throw new UsageError(`${dir}: SHA256SUMS non trovato`, 'indica la cartella preparata da "dote liquidazione prepara"');
  }
  const attesi = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
    if (m) attesi.set(m[2]!, m[1]!);
  }
  const hash = (f: string) => createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex');
  const out: Impronte = { cartella: dir, invariati: [], modificati: [], nuovi: [], mancanti: [] };
  for (const [nome, prima] of attesi) {
    if (!existsSync(path.join(dir, nome))) {
      out.mancanti.push(nome);
      continue;
    }
    const dopo = hash(nome);
    if (dopo === prima) out.invariati.push(nome);
    else out.modificati.push({ nome, prima, dopo });
  }
  for (const nome of readdirSync(dir).sort()) {
    if (nome === 'SHA256SUMS' || attesi.has(nome) || nome.startsWith('.')) continue;
    if (!statSync(path.join(dir, nome)).isFile()) continue;
    out.nuovi.push({ nome, sha256: hash(nome) });
  }
  return out;
}

export interface Richiesta {
  id: number;
  doteId: string;
  data: string;
  cartella: string;
  importoCent: number | null;
  limitePec: number | null;
  file: { nome: string; bytes: number; sha256: string; pec: number }[];
}

function richiesta(row: RichiestaRow, file: RichiestaFileRow[]): Richiesta {
  return {
    id: row.id,
    doteId: row.dote_id,
    data: row.data,
    cartella: row.cartella,
    importoCent: row.importo_cent,
    limitePec: row.limite_pec,
    file: file.map((f) => ({ nome: f.nome, bytes: f.bytes, sha256: f.sha256, pec: f.pec })),
  };
}

/** `dote liquidazione elenco`: every request made, by date. */
export async function elencoLiquidazioni(store: Store): Promise<Richiesta[]> {
  return store.read(async (r) => {
    const out: Richiesta[] = [];
    for (const row of await r.liquidazioni.richieste()) out.push(richiesta(row, await r.liquidazioni.fileOf(row.id)));
    return out;
  });
}

/** `dote liquidazione mostra ID`: the request of a dote, with its files and hashes as prepared. */
export async function mostraLiquidazione(store: Store, ctx: DoteCtx, id: string): Promise<Richiesta> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.read(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    const row = await r.liquidazioni.richiestaOf(d.row.id);
    if (!row) throw new RefusedError(`la dote ${d.row.id} non ha una domanda di liquidazione`, [], `vedi "dote liquidazione verifica ${d.row.id}", poi "dote liquidazione prepara ${d.row.id} -o CARTELLA"`);
    return richiesta(row, await r.liquidazioni.fileOf(row.id));
  });
}
