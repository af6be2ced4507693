-- The version lists a segment it now rests on.
INSERT INTO main.segments (segment_id, rows, made_at) VALUES ($segment_id, $rows, $made_at);
