/** Doti with their PIP versions, and the rules' view of a dote. */
import type { Catalogues } from '../bandi/load.js';
import type { DoteInfo } from '../domain/dote-info.js';
import type { VocePip } from '../domain/pip.js';
import type { ErogazioneAperta } from '../domain/scadenze.js';
import type { DoteRow } from './repo/lookup.js';

export type { DoteRow };

/** One version of a dote's PIP with its lines. */
export interface PipVersione {
  id: number;
  versione: number;
  data: string;
  motivo: string | null;
  creata_il: string;
  voci: VocePip[];
}

/** The columns of a dote its workflow changes (ammetti, rifiuta, concludi, the PIP's steps, time). */
export type DoteChanges = Partial<
  Pick<
    DoteRow,
    'stato' | 'data_ammissione' | 'data_rifiuto' | 'motivo_rifiuto' | 'data_invio_pip' | 'data_validazione_pip' | 'data_conclusione' | 'data_fine'
  >
>;

/** Which doti `list` returns, and in which order (by request date, the default, or by id). */
export interface DoteFilter {
  bando?: string;
  order?: 'richiesta' | 'id';
}

/** Minutes of a dote's deliveries for one service, mode (collettiva 0/1) and, where grouped so, state. */
export interface MinutiServizio {
  servizio: string;
  collettiva: number;
  minuti: number;
}

export interface DoteRepository {
  find(id: string): Promise<DoteRow | undefined>;
  /** Whether the dote is in a liquidation request. */
  inLiquidazione(id: string): Promise<boolean>;
  /** The rules' view of a dote (type, fascia, period, caps, plan, the person's history). */
  info(cats: Catalogues, id: string): Promise<DoteInfo | undefined>;
  /** Every dote (of one bando), by request date and id, or by id. */
  list(filter?: DoteFilter): Promise<DoteRow[]>;
  /** A person's doti, by request date and id. */
  ofDestinatario(destinatarioId: number): Promise<DoteRow[]>;
  /** The ids starting with `prefix` (the numbering of new doti). */
  idsWithPrefix(prefix: string): Promise<string[]>;
  insert(row: DoteRow): Promise<void>;
  /** Sets the given columns of a dote; the others stay as they are. */
  update(id: string, changes: DoteChanges): Promise<void>;
  /** The date of the dote's liquidation request, if any. */
  liquidazioneDate(doteId: string): Promise<string | null>;
  /** Every version of the dote's PIP with its lines, oldest first. */
  pipVersions(doteId: string): Promise<PipVersione[]>;
  /** A new PIP version with its lines; returns the version's row id. */
  insertPipVersion(v: { doteId: string; versione: number; data: string; motivo: string | null; creataIl: string; voci: readonly VocePip[] }): Promise<number>;
  /** Minutes delivered, started or programmed (PROGRAMMATA, AVVIATA, EROGATA) per service and mode. */
  committedMinutes(doteId: string): Promise<MinutiServizio[]>;
  /** Minutes of every delivery per service, mode and state. */
  minutesByState(doteId: string): Promise<(MinutiServizio & { stato: string })[]>;
  /** Deliveries still open (INSERITA, PROGRAMMATA, AVVIATA), by date, start and id. */
  openDeliveries(doteId: string): Promise<ErogazioneAperta[]>;
  /** The date of the latest EROGATA delivery, if any. */
  lastDeliveredDate(doteId: string): Promise<string | null>;
}
