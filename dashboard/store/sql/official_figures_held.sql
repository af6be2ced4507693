-- Whether this version has the table of official figures (versions published before it lack it).
SELECT count(*) FROM duckdb_tables() WHERE table_name = 'official_figures';
