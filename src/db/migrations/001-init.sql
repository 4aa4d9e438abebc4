-- 001: the base schema. Dates are ISO text (YYYY-MM-DD), times integer minutes since midnight,
-- durations integer minutes, money integer cents. Nothing is ever deleted: states and the audit
-- trail (storia) keep the past.

CREATE TABLE meta (
  chiave TEXT PRIMARY KEY,
  valore TEXT NOT NULL
);

-- The operator's letterhead and payment data: one row.
CREATE TABLE ente (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  nome TEXT NOT NULL,
  codice TEXT,
  indirizzo TEXT,
  pec TEXT,
  iban TEXT,
  logo TEXT,
  rappresentante_legale TEXT,
  aggiornato_il TEXT NOT NULL
);

CREATE TABLE sede (
  id INTEGER PRIMARY KEY,
  nome TEXT NOT NULL UNIQUE COLLATE NOCASE,
  comune TEXT NOT NULL,
  patrono TEXT CHECK (patrono IS NULL OR patrono GLOB '[0-1][0-9]-[0-3][0-9]'), -- MM-DD
  indirizzo TEXT,
  responsabile TEXT
);

CREATE TABLE professionista (
  id INTEGER PRIMARY KEY,
  codice TEXT NOT NULL UNIQUE COLLATE NOCASE,
  nome TEXT NOT NULL COLLATE NOCASE,
  ruolo TEXT,
  ente TEXT,            -- partner organisation, NULL when the operator's own staff
  qualifica TEXT,
  anni_esperienza INTEGER
);
CREATE INDEX professionista_nome ON professionista(nome);

CREATE TABLE destinatario (
  id INTEGER PRIMARY KEY,
  cf TEXT NOT NULL UNIQUE,
  nome TEXT NOT NULL,
  cognome TEXT NOT NULL,
  sesso TEXT CHECK (sesso IN ('M', 'F')),
  data_nascita TEXT,
  luogo_nascita TEXT,
  disabilita TEXT CHECK (disabilita IS NULL OR disabilita IN ('fisica', 'psichica', 'intellettiva', 'sensoriale', 'plurima')),
  l68 INTEGER NOT NULL DEFAULT 0,
  did INTEGER NOT NULL DEFAULT 0,
  occupato INTEGER NOT NULL DEFAULT 0,
  ammortizzatori_covid INTEGER NOT NULL DEFAULT 0,
  nuovo_iscritto INTEGER NOT NULL DEFAULT 0,
  email TEXT,
  telefono TEXT,
  residenza TEXT,
  domicilio TEXT,
  titolo_studio TEXT,
  creato_il TEXT NOT NULL,
  anonimizzato_il TEXT
);

-- Other measures that count for the repeat rules: a disability dote of a previous annualità,
-- DUL, Garanzia Giovani (the Cremona bando, Repeatability).
CREATE TABLE misura_esterna (
  id INTEGER PRIMARY KEY,
  destinatario_id INTEGER NOT NULL REFERENCES destinatario(id),
  tipo TEXT NOT NULL CHECK (tipo IN ('dote-disabili', 'DUL', 'garanzia-giovani')),
  annualita TEXT,
  operatore TEXT,
  azienda TEXT,
  servizi TEXT,          -- comma-separated service codes received (QD2, Q0C, inserimento, mantenimento)
  dal TEXT NOT NULL,
  al TEXT,
  note TEXT
);

CREATE TABLE dote (
  id TEXT PRIMARY KEY,
  bando TEXT NOT NULL,
  tipo TEXT NOT NULL,
  destinatario_id INTEGER NOT NULL REFERENCES destinatario(id),
  fascia INTEGER CHECK (fascia IS NULL OR fascia BETWEEN 1 AND 4),
  linea TEXT,
  azienda TEXT,
  stato TEXT NOT NULL,
  data_richiesta TEXT NOT NULL,
  data_notifica TEXT,
  data_ammissione TEXT,
  data_rifiuto TEXT,
  motivo_rifiuto TEXT,
  data_attivazione TEXT,
  data_invio_pip TEXT,
  data_validazione_pip TEXT,
  data_conclusione TEXT,
  data_fine TEXT,
  risultato_raggiunto INTEGER,
  creata_il TEXT NOT NULL
);
CREATE INDEX dote_destinatario ON dote(destinatario_id);

-- Every version of a PIP is kept, with its reason and date (the Cremona bando, PIP changes).
CREATE TABLE pip_versione (
  id INTEGER PRIMARY KEY,
  dote_id TEXT NOT NULL REFERENCES dote(id),
  versione INTEGER NOT NULL,
  data TEXT NOT NULL,
  motivo TEXT,
  creata_il TEXT NOT NULL,
  UNIQUE (dote_id, versione)
);

CREATE TABLE pip_voce (
  pip_versione_id INTEGER NOT NULL REFERENCES pip_versione(id),
  servizio TEXT NOT NULL,
  minuti_individuali INTEGER NOT NULL DEFAULT 0 CHECK (minuti_individuali >= 0),
  minuti_collettivi INTEGER NOT NULL DEFAULT 0 CHECK (minuti_collettivi >= 0),
  PRIMARY KEY (pip_versione_id, servizio)
);

-- Job Coach activities: PROPOSTA -> INIZIATA -> TERMINATA (the Job Coach manual).
CREATE TABLE attivita (
  dote_id TEXT NOT NULL REFERENCES dote(id),
  servizio TEXT NOT NULL,
  minuti INTEGER NOT NULL,
  stato TEXT NOT NULL DEFAULT 'PROPOSTA' CHECK (stato IN ('PROPOSTA', 'INIZIATA', 'TERMINATA')),
  data_conclusione TEXT,
  PRIMARY KEY (dote_id, servizio)
);

CREATE TABLE liquidazione (
  id INTEGER PRIMARY KEY,
  dote_id TEXT NOT NULL UNIQUE REFERENCES dote(id),
  data TEXT NOT NULL,
  cartella TEXT,
  creata_il TEXT NOT NULL
);

CREATE TABLE erogazione (
  id INTEGER PRIMARY KEY,
  dote_id TEXT NOT NULL REFERENCES dote(id),
  servizio TEXT NOT NULL,
  data TEXT NOT NULL,
  inizio INTEGER NOT NULL,
  fine INTEGER NOT NULL,
  professionista_id INTEGER NOT NULL REFERENCES professionista(id),
  sede_id INTEGER REFERENCES sede(id),
  modalita TEXT NOT NULL DEFAULT 'presenza' CHECK (modalita IN ('presenza', 'fad', 'telematica', 'telefonica')),
  collettiva INTEGER NOT NULL DEFAULT 0,
  sessione TEXT,          -- group session key: deliveries of one collective session share it
  descrizione TEXT,
  stato TEXT NOT NULL CHECK (stato IN ('INSERITA', 'PROGRAMMATA', 'AVVIATA', 'EROGATA', 'ANNULLATA', 'CHIUSA NEGATIVAMENTE')),
  registrata_il TEXT NOT NULL,
  origine TEXT NOT NULL DEFAULT 'manuale',   -- manuale | importa
  file TEXT,
  riga INTEGER,
  liquidazione_id INTEGER REFERENCES liquidazione(id),
  creata_il TEXT NOT NULL,
  aggiornata_il TEXT NOT NULL
);
CREATE INDEX erogazione_dote ON erogazione(dote_id, servizio);
CREATE INDEX erogazione_data ON erogazione(data);
CREATE INDEX erogazione_professionista ON erogazione(professionista_id, data);

-- Warnings printed at entry are also recorded (issue 3).
CREATE TABLE erogazione_avviso (
  id INTEGER PRIMARY KEY,
  erogazione_id INTEGER NOT NULL REFERENCES erogazione(id),
  regola TEXT NOT NULL,
  messaggio TEXT NOT NULL,
  creato_il TEXT NOT NULL
);

-- Timesheet rows, per professional (allegato 011), as imported.
CREATE TABLE timesheet_riga (
  id INTEGER PRIMARY KEY,
  professionista_id INTEGER NOT NULL REFERENCES professionista(id),
  dote_id TEXT NOT NULL,
  servizio TEXT NOT NULL,
  data TEXT NOT NULL,
  inizio INTEGER NOT NULL,
  fine INTEGER NOT NULL,
  collettiva INTEGER NOT NULL DEFAULT 0,
  descrizione TEXT,
  file TEXT,
  riga INTEGER,
  importata_il TEXT NOT NULL,
  UNIQUE (professionista_id, dote_id, servizio, data, inizio)
);

-- The audit trail: every change to a dote, its PIP, activities and deliveries (issue 3).
CREATE TABLE storia (
  id INTEGER PRIMARY KEY,
  dote_id TEXT NOT NULL,
  entita TEXT NOT NULL,        -- dote | pip | attivita | erogazione
  entita_id TEXT NOT NULL,
  azione TEXT NOT NULL,
  operatore TEXT NOT NULL,
  quando TEXT NOT NULL,        -- ISO timestamp of the real clock
  prima TEXT,                  -- JSON
  dopo TEXT                    -- JSON
);
CREATE INDEX storia_dote ON storia(dote_id, id);
