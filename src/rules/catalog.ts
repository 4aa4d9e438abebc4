/**
 * The rule catalogue: every rule id of README "Regole", with its Italian title. Ids are public
 * interface (diagnostics, --json, `dote regole`, README). Which rules a bando enables, with which
 * severity and parameters, is data in the bando's catalogue file (src/bandi/catalogues/*.json).
 * Implementations are listed explicitly in src/rules/index.ts; a rule without one is shown by
 * `dote regole` as "non ancora attiva".
 */
import { InternalError } from '../errors.js';

export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  /** Where the rule looks: CSV files, deliveries (CSV rows and `erogazione` entry), doti, liquidation. */
  readonly scope: 'file' | 'erogazione' | 'dote' | 'liquidazione';
}

export const RULES: readonly RuleInfo[] = [
  { id: 'csv/encoding', scope: 'file', title: 'file non in UTF-8 e non leggibile come Windows-1252, binario o cartella di lavoro (.xlsx, .xls, .ods)' },
  { id: 'csv/syntax', scope: 'file', title: 'virgolette non chiuse o record illeggibile' },
  { id: 'csv/header', scope: 'file', title: 'file vuoto, colonna obbligatoria mancante o non riconosciuta, nessuna riga di dati' },
  { id: 'csv/columns', scope: 'file', title: "riga con un numero di campi diverso dall'intestazione" },
  { id: 'csv/blank-row', scope: 'file', title: 'riga vuota tra righe di dati' },
  { id: 'field/date', scope: 'file', title: 'data inesistente o non nel formato gg/mm/aaaa o aaaa-mm-gg' },
  { id: 'field/time', scope: 'file', title: 'orario non nel formato HH:MM (00:00-23:59)' },
  { id: 'field/hours', scope: 'file', title: 'ore che non sono una durata (1,5 o 1:30) o diverse da fine meno inizio' },
  { id: 'field/required', scope: 'file', title: 'valore obbligatorio mancante' },
  { id: 'field/codice-fiscale', scope: 'file', title: 'codice fiscale malformato o con carattere di controllo errato' },
  { id: 'field/text', scope: 'file', title: 'testo con caratteri di controllo (escape, tabulazione, a capo) o più lungo del limite' },
  { id: 'field/value', scope: 'file', title: 'valore fuori elenco (modalità, gruppo, fascia, tipo) o dote, professionista o sede sconosciuti al database' },
  { id: 'time/order', scope: 'erogazione', title: "l'ora di fine non è successiva all'ora di inizio" },
  { id: 'time/window', scope: 'erogazione', title: "inizio prima della fascia oraria consentita o fine dopo" },
  { id: 'time/daily-max', scope: 'erogazione', title: 'ore giornaliere per destinatario oltre il massimo' },
  { id: 'time/weekly-max', scope: 'erogazione', title: 'ore settimanali (settimana ISO) per destinatario oltre il massimo' },
  { id: 'time/weekly-service-max', scope: 'erogazione', title: 'ore settimanali di un servizio oltre il massimo (QTP: 1)' },
  { id: 'calendar/holiday', scope: 'erogazione', title: 'attività di domenica, in un festivo nazionale o nel giorno del patrono della sede' },
  { id: 'calendar/outside-dote', scope: 'erogazione', title: 'attività prima dell’inizio o dopo la fine della dote' },
  { id: 'calendar/late-entry', scope: 'erogazione', title: "erogazione registrata dopo la data di svolgimento (oltre 7 giorni: errore)" },
  { id: 'hours/service-cap', scope: 'erogazione', title: "ore di un servizio oltre il massimale della fascia o dell'attività" },
  { id: 'service/not-in-dote', scope: 'erogazione', title: 'servizio sconosciuto o non previsto dal tipo di dote' },
  { id: 'service/mode', scope: 'erogazione', title: 'modalità di erogazione non consentita per il servizio' },
  { id: 'service/repeat', scope: 'erogazione', title: 'colloquio specialistico o bilancio di competenze già avuti in una dote precedente' },
  { id: 'timesheet/order', scope: 'file', title: 'righe del timesheet non in ordine cronologico' },
  { id: 'timesheet/one-professional', scope: 'file', title: 'un timesheet contiene più di un professionista' },
  { id: 'timesheet/overlap', scope: 'erogazione', title: 'un professionista in due erogazioni individuali nello stesso momento' },
  { id: 'reconcile/missing-timesheet', scope: 'file', title: 'erogazione del calendario senza ore corrispondenti nel timesheet' },
  { id: 'reconcile/missing-calendar', scope: 'file', title: 'ore del timesheet senza erogazione corrispondente nel calendario' },
  { id: 'reconcile/total', scope: 'file', title: 'totali di calendario e timesheet diversi per professionista, PIP e servizio' },
  { id: 'import/conflict', scope: 'file', title: 'riga o erogazione che cambierebbe una dote già in liquidazione, o ore su una dote non attiva o su un’attività terminata' },
  { id: 'dote/one-active', scope: 'dote', title: 'seconda dote attiva per la stessa persona' },
  { id: 'dote/eligibility', scope: 'dote', title: 'la persona non ha i requisiti della linea' },
  { id: 'dote/deadline', scope: 'dote', title: 'scadenza del procedimento superata (ammissione, invio PIP, validazione, liquidazione)' },
  { id: 'liquidazione/result-180', scope: 'liquidazione', title: 'rapporto di lavoro sotto i 180 giorni, tirocinio o orario sotto il CCNL: risultato escluso' },
  { id: 'liquidazione/incomplete', scope: 'liquidazione', title: 'servizio non concluso o ore di calendario mancanti; output obbligatorio non registrato' },
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

export function ruleInfo(id: string): RuleInfo {
  const r = RULES.find((x) => x.id === id);
  // Ids asked for come from the code, never from the user: an unknown one is a bug.
  if (!r) throw new InternalError(`regola sconosciuta: ${id}`);
  return r;
}
