-- Every meeting, newest first. No params.
SELECT meeting_id, held_on, title, place, summary_md, source, full_text
FROM meetings
ORDER BY held_on DESC, meeting_id DESC;
