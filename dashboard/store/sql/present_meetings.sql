-- Meetings held with one partner, newest first, each with its follow-ups (one row per follow-up; a meeting
-- without follow-ups gives one row with NULL follow-up columns). Params: partner.
SELECT m.meeting_id, m.held_on, m.title, m.place, m.source,
       f.followup_id, f.text AS followup, f.owner, f.due_on, f.done
FROM meetings m
JOIN meeting_partners mp ON mp.meeting_id = m.meeting_id
LEFT JOIN followups f ON f.meeting_id = m.meeting_id
WHERE mp.partner = $partner
ORDER BY m.held_on DESC, m.meeting_id DESC, f.due_on NULLS LAST, f.followup_id;
