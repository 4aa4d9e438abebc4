-- 004: what a liquidation request rests on. The employment contracts that earn the result
-- (Cremona, "DOMANDA DI LIQUIDAZIONE": subordinate or staff-leasing, at least 180 days, weekly
-- hours not below the CCNL's) and the required output of each service, recorded with the file's
-- SHA-256 when given. Nothing is deleted: a contract removed keeps its row with `rimosso_il`.
CREATE TABLE contratto (
  id INTEGER PRIMARY KEY,
  dote_id TEXT NOT NULL REFERENCES dote(id),
  numero INTEGER NOT NULL,               -- 1, 2, … within the dote, as `contratto rimuovi ID N` names it
  tipo TEXT NOT NULL CHECK (tipo IN ('subordinato', 'somministrazione', 'tirocinio')),
  azienda TEXT NOT NULL,
  dal TEXT NOT NULL,
  al TEXT,                               -- NULL: open-ended
  minuti_settimanali INTEGER NOT NULL CHECK (minuti_settimanali > 0),
  minuti_ccnl INTEGER NOT NULL CHECK (minuti_ccnl > 0),
  creato_il TEXT NOT NULL,
  rimosso_il TEXT,
  UNIQUE (dote_id, numero),
  CHECK (al IS NULL OR al >= dal)
);

CREATE TABLE output_servizio (
  id INTEGER PRIMARY KEY,
  dote_id TEXT NOT NULL REFERENCES dote(id),
  servizio TEXT NOT NULL,
  data TEXT NOT NULL,
  file TEXT,
  sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  creato_il TEXT NOT NULL
);
CREATE INDEX output_servizio_dote ON output_servizio(dote_id, servizio);
