-- The English name and role of every meeting participant, by meeting and position. No params.
-- COLUMNS picks name_en and role_en where the version has them (added later: an older published version has only
-- meeting_id and position here, and its pages show the names transliterated and the Russian roles).
SELECT COLUMNS(lambda c: c IN ('meeting_id', 'position', 'name_en', 'role_en'))
FROM meeting_participants;
