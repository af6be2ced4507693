INSERT INTO followups (followup_id, meeting_id, text, owner, due_on, done, text_en, owner_en)
VALUES ($followup_id, $meeting_id, $text, $owner, $due_on, $done, $text_en, $owner_en);
