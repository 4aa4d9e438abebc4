-- 006: the business a D1-IMP dote started (Cremona, "DOMANDA DI LIQUIDAZIONE": for the dote
-- imprenditorialità the request carries the Registro Imprese entry or the partita IVA). The
-- result "avvio d'impresa" rests on it, not on employment contracts. One business per dote at a
-- time: setting it again marks the previous row replaced (`sostituita_il`), nothing is deleted.
CREATE TABLE impresa (
  id INTEGER PRIMARY KEY,
  dote_id TEXT NOT NULL REFERENCES dote(id),
  denominazione TEXT NOT NULL,
  partita_iva TEXT NOT NULL CHECK (length(partita_iva) = 11),
  rea TEXT,                              -- Camera di commercio and REA number, e.g. CR-123456
  iscrizione TEXT NOT NULL,              -- date of the Registro Imprese entry (or of the partita IVA)
  creata_il TEXT NOT NULL,
  sostituita_il TEXT
);
CREATE UNIQUE INDEX impresa_attiva ON impresa(dote_id) WHERE sostituita_il IS NULL;
