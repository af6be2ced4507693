-- Merged segments leave the list, with their withdrawn region-months (the merge dropped those rows).
DELETE FROM main.segments WHERE list_contains($ids, segment_id);
DELETE FROM main.withdrawn WHERE list_contains($ids, segment_id);
