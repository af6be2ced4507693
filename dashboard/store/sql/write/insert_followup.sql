INSERT INTO followups (followup_id, meeting_id, text, owner, due_on, done)
VALUES ($followup_id, $meeting_id, $text, $owner, $due_on, $done);
