-- Meetings with one partner, newest first. Params: partner.
SELECT m.meeting_id, m.held_on, m.title, m.place, m.summary_md, m.source, m.full_text
FROM meetings m
WHERE m.meeting_id IN (SELECT meeting_id FROM meeting_partners WHERE partner = $partner)
ORDER BY m.held_on DESC, m.meeting_id DESC;
