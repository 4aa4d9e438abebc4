-- The index on erogazione(data) alone served no query: deliveries are found by dote, by
-- professional and day, or by person (through the dote). Every imported row paid for it.
DROP INDEX IF EXISTS erogazione_data;
