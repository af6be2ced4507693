-- The English text and owner of every follow-up, by id. No params.
-- COLUMNS picks text_en and owner_en where the version has them (added later: an older published version has
-- only followup_id here, and its follow-ups show the Russian text).
SELECT COLUMNS(lambda c: c IN ('followup_id', 'text_en', 'owner_en'))
FROM followups;
