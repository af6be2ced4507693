-- The import log, newest first.
SELECT source_id, file_name, format, rows_loaded, eaeu_included, regions, period_from, period_to,
       is_demo, loaded_by, loaded_at, sha256, note
FROM sources ORDER BY loaded_at DESC, source_id DESC;
