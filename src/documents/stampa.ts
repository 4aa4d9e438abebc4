/**
 * One function per printed document, for the `stampa` command, the demo and the bench: the data
 * from its use case, the template by name (the user's override or the shipped one), the model,
 * the renderer, the file written atomically with mode 0600. Everything that can refuse (the output
 * folder, the template, the dote, its deliveries) is checked before anything is written, so a
 * refused `stampa` leaves no file.
 */
import type { Store } from '../db/store.js';
import type { DoteCtx } from '../use-cases/dote-load.js';
import { loadTemplate } from '../pdf/templates.js';
import type { Documento } from '../pdf/model.js';
import type { Sostituzione } from '../pdf/render.js';
import { checkOutputFolder, writeAtomically } from '../files/owner-only.js';
import { registroData } from '../use-cases/stampa-registro.js';
import { registroDocumento } from './registro.js';
import { pipData } from '../use-cases/stampa-pip.js';
import { pipDocumento } from './pip.js';
import { timesheetData } from '../use-cases/stampa-timesheet.js';
import { timesheetDocumento } from './timesheet.js';
import { attestazioneDocumento } from './attestazione.js';
import { relazioneDocumento } from './relazione.js';
import type { Sezione } from '../domain/relazione.js';
import { variazioneDocumento } from './variazione.js';
import { formazioneData } from '../use-cases/stampa-formazione.js';
import { avvioFormazioneDocumento, registroFormativoDocumento } from './formazione.js';

export interface StampaOptions {
  /** The PDF to write. */
  output: string;
  /** The operator's templates folder (--modelli / DOTE_MODELLI). */
  modelli?: string;
  /** The PDF's CreationDate; by default now (tests fix it). */
  creationDate?: Date;
}

export interface Stampato {
  file: string;
  pagine: number;
  bytes: number;
  sha256: string;
  /** Characters the font lacks, printed as "?". */
  sostituzioni: Sostituzione[];
  modello: { nome: string; file: string; origine: string };
}

async function print(nome: string, o: StampaOptions, build: (t: ReturnType<typeof loadTemplate>) => Promise<Documento>): Promise<Stampato> {
  checkOutputFolder(o.output);
  const t = loadTemplate(nome, o.modelli);
  const model = await build(t);
  const { renderPdf } = await import('../pdf/render.js');
  const r = await renderPdf(model, { creationDate: o.creationDate ?? new Date(), stili: t.stili });
  const w = writeAtomically(o.output, r.pdf);
  return { ...w, pagine: r.pagine, sostituzioni: r.sostituzioni, modello: { nome: t.nome, file: t.file, origine: t.origine } };
}

/** `dote stampa registro ID`: the registro attività. */
export function stampaRegistro(store: Store, ctx: DoteCtx, id: string, o: StampaOptions & { nonFirma?: string }): Promise<Stampato> {
  return print('registro', o, async (t) => registroDocumento(await registroData(store, ctx, id), t, { oggi: ctx.oggi, nonFirma: o.nonFirma }));
}

/** `dote stampa pip ID`: the PIP of a Cremona dote, current version, with every variation. */
export function stampaPip(store: Store, ctx: DoteCtx, id: string, o: StampaOptions): Promise<Stampato> {
  return print('pip', o, async (t) => pipDocumento(await pipData(store, ctx, id), t, { oggi: ctx.oggi }));
}

/** `dote stampa timesheet --professionista P --mese YYYY-MM`: a professional's monthly timesheet. */
export function stampaTimesheet(store: Store, ctx: DoteCtx, q: { professionista: string; mese: string }, o: StampaOptions): Promise<Stampato> {
  return print('timesheet', o, async (t) => timesheetDocumento(await timesheetData(store, ctx, q), t, { oggi: ctx.oggi }));
}

/** `dote stampa variazione ID [--versione N]`: the PIP variation request (default: the latest version). */
export function stampaVariazione(store: Store, ctx: DoteCtx, id: string, o: StampaOptions & { versione?: number }): Promise<Stampato> {
  return print('variazione', o, async (t) => variazioneDocumento(await pipData(store, ctx, id), t, { oggi: ctx.oggi, versione: o.versione }));
}

/** `dote stampa registro-formativo ID`: the training register (EROGATA training sessions, each with its participants). */
export function stampaRegistroFormativo(store: Store, ctx: DoteCtx, id: string, o: StampaOptions): Promise<Stampato> {
  return print('registro-formativo', o, async (t) => registroFormativoDocumento(await formazioneData(store, ctx, id, { soloErogate: true }), t, { oggi: ctx.oggi }));
}

/** `dote stampa avvio-formazione ID [--accesso-ospite …]`: the training start notice (live training sessions). */
export function stampaAvvioFormazione(store: Store, ctx: DoteCtx, id: string, o: StampaOptions & { accessoOspite?: string }): Promise<Stampato> {
  return print('avvio-formazione', o, async (t) =>
    avvioFormazioneDocumento(await formazioneData(store, ctx, id, { soloErogate: false }), t, { oggi: ctx.oggi, accessoOspite: o.accessoOspite }),
  );
}

/** `dote relazione ID --testo FILE`: the Job Coach final relazione for the CPI, its sections read from the operator's text. */
export function stampaRelazione(store: Store, ctx: DoteCtx, id: string, sezioni: readonly Sezione[], o: StampaOptions): Promise<Stampato> {
  return print('relazione', o, async (t) => relazioneDocumento(await registroData(store, ctx, id), sezioni, t, { oggi: ctx.oggi }));
}

/** `dote stampa attestazione ID`: the Job Coach attestation of the service delivered. */
export function stampaAttestazione(store: Store, ctx: DoteCtx, id: string, o: StampaOptions): Promise<Stampato> {
  return print('attestazione', o, async (t) => attestazioneDocumento(await registroData(store, ctx, id), t, { oggi: ctx.oggi }));
}
