-- The English text of every meeting topic, by meeting and (Russian) topic, which is unique in a meeting. No params.
-- COLUMNS picks topic_en where the version has it (added later: an older published version has only meeting_id
-- and topic here, and its pages show the Russian topics).
SELECT COLUMNS(lambda c: c IN ('meeting_id', 'topic', 'topic_en'))
FROM meeting_topics;
