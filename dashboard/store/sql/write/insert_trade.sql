-- The declarations of one FTS file (_new, handed over as Arrow: its dictionary-encoded text columns are read
-- without a copy per value) and the regions it names (_regions: code, name, district).
-- In parallel, insertion order not kept: no page reads trade, and its years stay apart (a file is one year or two).
SET preserve_insertion_order = false;
INSERT INTO seg.trade BY NAME SELECT *, $source_id AS source_id FROM _new;
SET preserve_insertion_order = true;
INSERT OR REPLACE INTO regions (code, name, district) SELECT code, name, district FROM _regions;
