INSERT INTO meeting_topics (meeting_id, topic) VALUES ($meeting_id, $topic);
