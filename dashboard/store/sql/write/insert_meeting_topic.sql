INSERT INTO meeting_topics (meeting_id, topic, topic_en) VALUES ($meeting_id, $topic, $topic_en);
