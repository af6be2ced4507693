-- The next free number of each numbered table (a single writer holds the lock, so max + 1 is free).
SELECT (SELECT coalesce(max(source_id), 0) + 1 FROM sources) AS sources,
       (SELECT coalesce(max(meeting_id), 0) + 1 FROM meetings) AS meetings,
       (SELECT coalesce(max(followup_id), 0) + 1 FROM followups) AS followups;
