/**
 * The PIP of a Cremona dote, as values: what `dote stampa pip` prints, in the order of Regione
 * Lombardia's PIP print template (the Cremona allegato 04 itself is
 * not public).
 *
 * What the data model does not hold, and how it is derived here (README, "stampa"):
 * - *operatore che eroga il servizio*: the professionals of the dote's live deliveries of that
 *   service (not ANNULLATA nor CHIUSA NEGATIVAMENTE); with none yet, the ente itself;
 * - *soggetti terzi coinvolti*: the organisations (`professionista --ente`) of those
 *   professionals that are not the ente: the partners the PIP entrusts with the service;
 * - whether the partner's atto di adesione (allegato A03) is on file: the database does not
 *   record A03 yet, so each partner is printed with "A03: non registrato" for the operator to
 *   check, rather than a claim either way;
 * - the tutor: the professional with the most delivered minutes, with qualification and years;
 * - *periodo di attuazione*: from the first to the last delivery of the service; with none yet,
 *   the dote's period (activation to end);
 * - the comune of "[Comune], lì [data]": the sede of the dote's deliveries (the most used), else
 *   the only sede registered; the date is the current PIP version's.
 */
import type { Store } from '../db/store.js';
import { loadCatalogues, servizioOf } from '../bandi/load.js';
import { RefusedError } from '../errors.js';
import { planValue, risultatoCent, sortPlan } from '../domain/pip.js';
import { loadDote, type DoteCtx } from './dote-load.js';
import { enteIntestazione, type EnteIntestazione } from './stampa-registro.js';

export interface ServizioPip {
  servizio: string;
  nome: string;
  periodo: { dal: string; al: string } | null;
  operatori: string[];
  soggettiTerzi: string[];
  minutiIndividuali: number;
  minutiCollettivi: number;
  tariffaIndividualeCent: number;
  tariffaCollettivaCent: number | null;
  valoreCent: number;
}

export interface VersionePip {
  versione: number;
  data: string;
  motivo: string | null;
  valoreCent: number;
  /** What changed from the previous version, service by service (`QT8: 20 → 15 ore`). */
  modifiche: { servizio: string; prima: { ind: number; coll: number }; dopo: { ind: number; coll: number } }[];
}

export interface PipData {
  ente: EnteIntestazione | null;
  bando: { id: string; titolo: string; riferimento: string; fine: string };
  dote: {
    id: string;
    tipo: string;
    tipoNome: string;
    linea: string | null;
    fascia: number | null;
    azienda: string | null;
    attivazione: string | null;
    invio: string | null;
    validazione: string | null;
    fine: string | null;
  };
  destinatario: {
    cognome: string;
    nome: string;
    sesso: string | null;
    cf: string;
    luogoNascita: string | null;
    dataNascita: string | null;
    residenza: string | null;
    domicilio: string | null;
    email: string | null;
    telefono: string | null;
    titoloStudio: string | null;
  };
  sede: { nome: string; comune: string; responsabile: string | null } | null;
  tutor: { nome: string; ruolo: string | null; qualifica: string | null; anni: number | null } | null;
  servizi: ServizioPip[];
  totaleCent: number;
  risultato: { nome: string; importoCent: number } | null;
  versioni: VersionePip[];
  versioneCorrente: number;
}

const NOT_LIVE = new Set(['ANNULLATA', 'CHIUSA NEGATIVAMENTE']);

export async function pipData(store: Store, ctx: DoteCtx, id: string): Promise<PipData> {
  const cats = loadCatalogues(ctx.catalogFiles);
  return store.read(async (r) => {
    const d = await loadDote(r, cats, id, ctx.oggi);
    if (d.tipo.attivita.length) {
      throw new RefusedError(`la dote ${d.row.id} è un voucher Job Coach, che non ha un PIP`, [], `per il voucher stampa il registro: dote stampa registro ${d.row.id} -o FILE.pdf`);
    }
    const versions = await r.doti.pipVersions(d.row.id);
    const current = versions.at(-1);
    if (!current) throw new RefusedError(`la dote ${d.row.id} non ha ancora un PIP`, [], `impostalo con "dote pip imposta ${d.row.id} --servizio CODICE=ORE …"`);

    const live = (await r.erogazioni.ofDote(d.row.id)).filter((e) => !NOT_LIVE.has(e.stato));
    const enteNome = (await r.registry.findEnte())?.nome ?? null;
    const profs = new Map<string, Awaited<ReturnType<typeof r.registry.findProfessionista>>>();
    for (const e of live) if (!profs.has(e.prof_codice)) profs.set(e.prof_codice, await r.registry.findProfessionista(e.prof_codice));

    const { righe, totaleCent } = planValue(d.bando, sortPlan(d.bando, current.voci));
    const servizi: ServizioPip[] = righe.map((v) => {
      const mine = live.filter((e) => e.servizio === v.servizio);
      const operatori = [...new Set(mine.map((e) => e.prof_nome))];
      const terzi = [...new Set(mine.map((e) => profs.get(e.prof_codice)?.ente).filter((x): x is string => !!x && x !== enteNome))];
      const dates = mine.map((e) => e.data).sort();
      const periodo = dates.length
        ? { dal: dates[0]!, al: dates.at(-1)! }
        : d.row.data_attivazione && d.row.data_fine
          ? { dal: d.row.data_attivazione, al: d.row.data_fine }
          : null;
      return {
        servizio: v.servizio,
        nome: servizioOf(d.bando, v.servizio)?.nome ?? v.servizio,
        periodo,
        operatori,
        soggettiTerzi: terzi,
        minutiIndividuali: v.minutiIndividuali,
        minutiCollettivi: v.minutiCollettivi,
        tariffaIndividualeCent: v.tariffaIndividualeCent,
        tariffaCollettivaCent: v.tariffaCollettivaCent,
        valoreCent: v.valoreCent,
      };
    });

    const versioni: VersionePip[] = versions.map((ver, i) => {
      const prev = i ? versions[i - 1]!.voci : [];
      const codes = [...new Set([...prev.map((x) => x.servizio), ...ver.voci.map((x) => x.servizio)])];
      const of = (list: typeof prev, c: string) => {
        const x = list.find((y) => y.servizio === c);
        return { ind: x?.minutiIndividuali ?? 0, coll: x?.minutiCollettivi ?? 0 };
      };
      const modifiche = i
        ? sortPlan(d.bando, codes.map((c) => ({ servizio: c, minutiIndividuali: 0, minutiCollettivi: 0 })))
            .map((x) => ({ servizio: x.servizio, prima: of(prev, x.servizio), dopo: of(ver.voci, x.servizio) }))
            .filter((m) => m.prima.ind !== m.dopo.ind || m.prima.coll !== m.dopo.coll)
        : [];
      return { versione: ver.versione, data: ver.data, motivo: ver.motivo, valoreCent: planValue(d.bando, ver.voci).totaleCent, modifiche };
    });

    // The sede most used by the deliveries, else the only one registered.
    const count = new Map<string, number>();
    for (const e of live) if (e.sede_nome) count.set(e.sede_nome, (count.get(e.sede_nome) ?? 0) + 1);
    const sedeNome = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
    const sedi = await r.registry.listSedi();
    const sedeRow = sedeNome ? await r.registry.findSede(sedeNome) : sedi.length === 1 ? sedi[0] : undefined;

    // The tutor: the professional with the most minutes on this dote.
    const minutes = new Map<string, number>();
    for (const e of live) minutes.set(e.prof_codice, (minutes.get(e.prof_codice) ?? 0) + e.fine - e.inizio);
    const tutorCode = [...minutes].sort((a, b) => b[1] - a[1])[0]?.[0];
    const tp = tutorCode ? profs.get(tutorCode) : undefined;

    const ris = risultatoCent(d.tipo, d.row.fascia);
    const p = d.persona;
    return {
      ente: await enteIntestazione(r),
      bando: { id: d.bando.id, titolo: d.bando.titolo, riferimento: d.bando.riferimentoNormativo, fine: d.bando.fine },
      dote: {
        id: d.row.id,
        tipo: d.tipo.codice,
        tipoNome: d.tipo.nome,
        linea: d.row.linea,
        fascia: d.row.fascia,
        azienda: d.row.azienda,
        attivazione: d.row.data_attivazione,
        invio: d.row.data_invio_pip,
        validazione: d.row.data_validazione_pip,
        fine: d.row.data_fine,
      },
      destinatario: {
        cognome: p.cognome,
        nome: p.nome,
        sesso: p.sesso,
        cf: p.cf,
        luogoNascita: p.luogo_nascita,
        dataNascita: p.data_nascita,
        residenza: p.residenza,
        domicilio: p.domicilio,
        email: p.email,
        telefono: p.telefono,
        titoloStudio: p.titolo_studio,
      },
      sede: sedeRow ? { nome: sedeRow.nome, comune: sedeRow.comune, responsabile: sedeRow.responsabile } : null,
      tutor: tp ? { nome: tp.nome, ruolo: tp.ruolo, qualifica: tp.qualifica, anni: tp.anni_esperienza } : null,
      servizi,
      totaleCent,
      risultato: ris !== null && d.tipo.risultato ? { nome: d.tipo.risultato.nome, importoCent: ris } : null,
      versioni,
      versioneCorrente: current.versione,
    };
  });
}
