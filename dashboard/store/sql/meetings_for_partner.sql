-- Meetings with one partner, newest first. Params: partner.
-- title_en, summary_en, place_en as in meetings_all.sql: only where the version has it.
SELECT COLUMNS(lambda c: c IN ('meeting_id', 'held_on', 'title', 'place', 'summary_md', 'source', 'full_text',
                               'title_en', 'summary_en', 'place_en'))
FROM meetings m
WHERE m.meeting_id IN (SELECT meeting_id FROM meeting_partners WHERE partner = $partner)
ORDER BY m.held_on DESC, m.meeting_id DESC;
