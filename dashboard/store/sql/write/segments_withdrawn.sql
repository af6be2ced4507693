-- The segments some of whose region-months a newer file replaced: their scans filter those rows out.
SELECT DISTINCT segment_id FROM main.withdrawn ORDER BY segment_id;
