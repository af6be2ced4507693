-- Declarations (_new, handed over as Arrow with their source_id: its dictionary-encoded text columns are read
-- without a copy per value), of one FTS file or of several held until they filled a row group (rollups.Held).
-- In parallel, insertion order not kept: no page reads trade, and its years stay apart (a file is one year or two).
SET preserve_insertion_order = false;
INSERT INTO seg.trade BY NAME SELECT * FROM _new;
SET preserve_insertion_order = true;
