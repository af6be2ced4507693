-- Does the version open here list segments (store/segments.py)? A version made before them does not.
SELECT count(*) FROM information_schema.tables
WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = 'segments';
