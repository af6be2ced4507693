-- Whether the served version has the check records (a version published before they existed has not).
SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meeting_checks';
