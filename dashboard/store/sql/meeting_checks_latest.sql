-- The latest check record of every meeting (meetings/checks.py): one row per verdict, in the text's order.
WITH last AS (SELECT meeting_id, max(checked_at) AS checked_at FROM meeting_checks GROUP BY meeting_id)
SELECT c.meeting_id, c.text_sha256, c.data_version, c.checked_at, c.checked_by, c.position, c.quote, c.metric,
       c.partner, c.period, c.verdict, c.data_value
FROM meeting_checks c JOIN last ON c.meeting_id = last.meeting_id AND c.checked_at = last.checked_at
ORDER BY c.meeting_id, c.position;
