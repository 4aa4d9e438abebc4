-- 006: how many years the operator keeps a person's identity after the end of their last dote
-- (`dote ente imposta --conservazione-anni N`): `destinatario anonimizza` refuses before then.
-- NULL: not set, and anonymisation is refused until the operator sets it.
ALTER TABLE ente ADD COLUMN conservazione_anni INTEGER CHECK (conservazione_anni IS NULL OR conservazione_anni BETWEEN 1 AND 100);
