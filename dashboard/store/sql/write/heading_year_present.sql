-- Whether the version holds the whole-year rollup r_heading_year (a version made before it does not).
SELECT count(*) FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'r_heading_year';
