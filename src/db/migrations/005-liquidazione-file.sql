-- 005: what a liquidation request sent (`dote liquidazione prepara`): the amount claimed, the PEC
-- limit used, and every file of the packet with its size, SHA-256 as prepared and PEC message, so
-- that `liquidazione elenco|mostra` show them after the folder has been signed, moved or lost.
ALTER TABLE liquidazione ADD COLUMN importo_cent INTEGER;
ALTER TABLE liquidazione ADD COLUMN limite_pec INTEGER;

CREATE TABLE liquidazione_file (
  liquidazione_id INTEGER NOT NULL REFERENCES liquidazione(id),
  ordine INTEGER NOT NULL,               -- 0 the index, then the packet's order
  nome TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  pec INTEGER NOT NULL,                  -- the message it travels in: PEC 1 di N
  PRIMARY KEY (liquidazione_id, nome)
);
