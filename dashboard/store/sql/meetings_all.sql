-- Every meeting, newest first. No params.
-- COLUMNS picks title_en, summary_en and place_en where the version has it (added later: an older published version has not), so a
-- rollback to such a version still reads its meetings.
SELECT COLUMNS(lambda c: c IN ('meeting_id', 'held_on', 'title', 'place', 'summary_md', 'source', 'full_text',
                               'title_en', 'summary_en', 'place_en'))
FROM meetings
ORDER BY held_on DESC, meeting_id DESC;
