-- The regions an FTS file names (_regions: code, name, district).
INSERT OR REPLACE INTO regions (code, name, district) SELECT code, name, district FROM _regions;
