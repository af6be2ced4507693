-- The import log, newest first; for a meeting file, the English title of the meeting it brought (title_en:
-- only in versions published since that column was added, hence COLUMNS, as in meetings_all.sql).
WITH m AS (
    SELECT COLUMNS(lambda c: c IN ('source_id', 'title_en'))
    FROM meetings
    WHERE source_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY meeting_id DESC) = 1
)
SELECT s.source_id, s.file_name, s.format, s.rows_loaded, s.eaeu_included, s.regions, s.period_from, s.period_to,
       s.is_demo, s.loaded_by, s.loaded_at, s.sha256, s.note, m.* EXCLUDE (source_id)
FROM sources s LEFT JOIN m ON m.source_id = s.source_id
ORDER BY s.loaded_at DESC, s.source_id DESC;
