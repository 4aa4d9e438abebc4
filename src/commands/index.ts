/**
 * The table of contents of the program: every command, in the order of `dote --help`, with what
 * that help shows of it (its term and its description) and the module that defines it. cli.ts
 * lists the commands from here and loads only the module of the command being run: loading the
 * 21 command modules cost `dote --help` and `dote mostra` ~8 ms each (README "Prestazioni").
 * test/commands/index.test.ts checks every entry against its real command, so a description
 * changed in a command file and not here fails there.
 */
import type { Command } from 'commander';

export interface CommandEntry {
  name: string;
  /** As `dote --help` lists it: name, `[opzioni]` when it has options, its arguments. */
  term: string;
  description: string;
  /** The command's module, imported when the command runs or shows its own help. */
  load(): Promise<() => Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    term: 'init',
    description: 'crea il database (WAL, chiavi esterne, file leggibile solo dal proprietario); ripeterlo non fa danni',
    load: async () => (await import('./init.js')).initCommand,
  },
  {
    name: 'backup',
    term: 'backup [opzioni] <file>',
    description: 'copia di sicurezza del database in un file (coerente anche mentre altri comandi scrivono), leggibile solo dal proprietario',
    load: async () => (await import('./backup.js')).backupCommand,
  },
  {
    name: 'ripristina',
    term: 'ripristina <file>',
    description: 'rimette in uso una copia di sicurezza (aggiornata allo schema attuale); il database attuale resta da parte con la data di --oggi nel nome',
    load: async () => (await import('./ripristina.js')).ripristinaCommand,
  },
  {
    name: 'migra-a',
    term: 'migra-a <url>',
    description: 'copia tutto il database (il file di --db) in un database PostgreSQL vuoto, controlla i conteggi, lascia il file com’è',
    load: async () => (await import('./migra-a.js')).migraACommand,
  },
  {
    name: 'bandi',
    term: 'bandi',
    description: 'elenca i bandi caricati (inclusi quelli di --catalogo)',
    load: async () => (await import('./bandi.js')).bandiCommand,
  },
  {
    name: 'catalogo',
    term: 'catalogo [opzioni] <bando>',
    description: 'servizi, tariffe e massimali di un bando',
    load: async () => (await import('./catalogo.js')).catalogoCommand,
  },
  {
    name: 'regole',
    term: 'regole [opzioni]',
    description: 'ogni regola di controllo: id, gravità per bando, titolo',
    load: async () => (await import('./regole.js')).regoleCommand,
  },
  {
    name: 'ente',
    term: 'ente',
    description: 'i dati dell\'ente accreditato: carta intestata e dati di pagamento',
    load: async () => (await import('./ente.js')).enteCommand,
  },
  {
    name: 'sede',
    term: 'sede',
    description: 'le sedi e gli sportelli, con il comune e il giorno del patrono',
    load: async () => (await import('./sede.js')).sedeCommand,
  },
  {
    name: 'professionista',
    term: 'professionista',
    description: 'i professionisti che erogano i servizi (si indicano per codice o per nome e cognome)',
    load: async () => (await import('./professionista.js')).professionistaCommand,
  },
  {
    name: 'destinatario',
    term: 'destinatario',
    description: 'le persone destinatarie delle doti, con le misure esterne che contano per la ripetibilità',
    load: async () => (await import('./destinatario.js')).destinatarioCommand,
  },
  {
    name: 'nuova',
    term: 'nuova [opzioni]',
    description: 'nuova dote: Cremona (ATTIVA dalla data di attivazione) o richiesta Job Coach (PROPOSTA dalla notifica del CPI); su un terminale, senza opzioni, chiede i dati',
    load: async () => (await import('./nuova.js')).nuovaCommand,
  },
  {
    name: 'elenco',
    term: 'elenco [opzioni]',
    description: 'le doti e le richieste Job Coach, con lo stato di oggi',
    load: async () => (await import('./elenco.js')).elencoCommand,
  },
  {
    name: 'mostra',
    term: 'mostra <id>',
    description: 'una dote: stato, date, PIP e sue versioni, ore pianificate / programmate / erogate / residue, valore, scadenze',
    load: async () => (await import('./mostra.js')).mostraCommand,
  },
  {
    name: 'ammetti',
    term: 'ammetti [opzioni] <id>',
    description: 'Job Coach: ammette la richiesta al servizio (entro 7 giorni dalla notifica del CPI, poi è CANCELLATA)',
    load: async () => (await import('./ammetti.js')).ammettiCommand,
  },
  {
    name: 'rifiuta',
    term: 'rifiuta [opzioni] <id>',
    description: 'Job Coach: rifiuta la richiesta, con la motivazione (entro 7 giorni dalla notifica del CPI)',
    load: async () => (await import('./rifiuta.js')).rifiutaCommand,
  },
  {
    name: 'pip',
    term: 'pip',
    description: 'il PIP di una dote Cremona: servizi e ore entro i massimali della fascia, variazioni, invio e validazione',
    load: async () => (await import('./pip.js')).pipCommand,
  },
  {
    name: 'concludi',
    term: 'concludi [opzioni] <id>',
    description: 'conclude la dote (CONCLUSA); rifiutato finché ci sono erogazioni INSERITE, PROGRAMMATE o AVVIATE. Job Coach: termina le attività con almeno un\'erogazione EROGATA',
    load: async () => (await import('./concludi.js')).concludiCommand,
  },
  {
    name: 'scadenze',
    term: 'scadenze [opzioni]',
    description: 'le scadenze ancora da rispettare (invio e validazione del PIP, fine dote, liquidazione, ammissione Job Coach, rendicontazione), prima le più vicine; sempre quelle scadute',
    load: async () => (await import('./scadenze.js')).scadenzeCommand,
  },
  {
    name: 'erogazione',
    term: 'erogazione',
    description: 'erogazioni di una dote: inserimento, modifica, stati, elenco',
    load: async () => (await import('./erogazione.js')).erogazioneCommand,
  },
  {
    name: 'attivita',
    term: 'attivita',
    description: 'le attività di un voucher Job Coach: PROPOSTA → INIZIATA → TERMINATA',
    load: async () => (await import('./attivita.js')).attivitaCommand,
  },
  {
    name: 'storia',
    term: 'storia [opzioni] [id]',
    description: 'lo storico di una dote: la dote, il PIP, le attività e le erogazioni; chi, quando, cosa è cambiato',
    load: async () => (await import('./storia.js')).storiaCommand,
  },
  {
    name: 'verifica',
    term: 'verifica [opzioni] [file...]',
    description: 'controlla calendari e timesheet CSV (tutti insieme), senza importarli',
    load: async () => (await import('./verifica.js')).verificaCommand,
  },
  {
    name: 'importa',
    term: 'importa [opzioni] [file...]',
    description: 'controlla e importa calendari (erogazioni EROGATA) e timesheet: tutto o niente',
    load: async () => (await import('./importa.js')).importaCommand,
  },
  {
    name: 'contratto',
    term: 'contratto',
    description: "i contratti di lavoro che valgono il risultato occupazionale (180 giorni, orario non sotto il CCNL, mai il tirocinio)",
    load: async () => (await import('./contratto.js')).contrattoCommand,
  },
  {
    name: 'impresa',
    term: 'impresa',
    description: "l'impresa avviata con la dote imprenditorialità (D1-IMP): vale il risultato e va nella domanda di liquidazione",
    load: async () => (await import('./impresa.js')).impresaCommand,
  },
  {
    name: 'output',
    term: 'output',
    description: "gli output obbligatori dei servizi (scheda anagrafica, CV, relazioni…): la liquidazione segnala quelli mancanti",
    load: async () => (await import('./output.js')).outputCommand,
  },
  {
    name: 'liquidazione',
    term: 'liquidazione',
    description: 'la domanda di liquidazione: cosa la blocca, quanto si chiede',
    load: async () => (await import('./liquidazione.js')).liquidazioneCommand,
  },
  {
    name: 'stampa',
    term: 'stampa',
    description: 'i documenti in PDF/A: registro attività, PIP, timesheet, variazione del PIP, registro formativo, avvio della formazione, attestazione Job Coach',
    load: async () => (await import('./stampa.js')).stampaCommand,
  },
  {
    name: 'modelli',
    term: 'modelli [opzioni]',
    description: 'i modelli dei documenti (testi e stili) e da dove è preso ciascuno; --modelli DIR o DOTE_MODELLI li sostituisce per nome',
    load: async () => (await import('./modelli.js')).modelliCommand,
  },
  {
    name: 'relazione',
    term: 'relazione [opzioni] <id>',
    description: 'Job Coach: la relazione finale per il CPI (attività e risultati; in caso di esito negativo problemi, motivi della cessazione, azioni), in PDF/A',
    load: async () => (await import('./relazione.js')).relazioneCommand,
  },
];
