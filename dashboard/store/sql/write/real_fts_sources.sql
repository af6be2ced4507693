-- Loaded FTS files that are not the demonstration data: none, and the interface says the data are a demonstration.
SELECT count(*) FROM sources WHERE NOT is_demo AND format = 'fts';
