-- The path of an imported file, stored once: every imported delivery and timesheet row named it
-- again (in a million-row import, a fifth of the bytes written and read back at the commit).
-- Rows keep `riga`, the line of the file where they were.
CREATE TABLE file_importato (
  id INTEGER PRIMARY KEY,
  percorso TEXT NOT NULL UNIQUE
);

INSERT OR IGNORE INTO file_importato (percorso) SELECT DISTINCT file FROM erogazione WHERE file IS NOT NULL;
INSERT OR IGNORE INTO file_importato (percorso) SELECT DISTINCT file FROM timesheet_riga WHERE file IS NOT NULL;

ALTER TABLE erogazione ADD COLUMN file_id INTEGER REFERENCES file_importato(id);
UPDATE erogazione SET file_id = (SELECT f.id FROM file_importato f WHERE f.percorso = erogazione.file) WHERE file IS NOT NULL;
ALTER TABLE erogazione DROP COLUMN file;

ALTER TABLE timesheet_riga ADD COLUMN file_id INTEGER REFERENCES file_importato(id);
UPDATE timesheet_riga SET file_id = (SELECT f.id FROM file_importato f WHERE f.percorso = timesheet_riga.file) WHERE file IS NOT NULL;
ALTER TABLE timesheet_riga DROP COLUMN file;

-- A professional's imported timesheet rows of a day, for timesheet/overlap (a new timesheet is
-- compared with the rows already imported for the same professional and day).
CREATE INDEX timesheet_riga_giorno ON timesheet_riga(professionista_id, data);
