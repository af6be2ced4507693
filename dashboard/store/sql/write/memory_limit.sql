-- The buffer pool of this process's DuckDB (store/versions.py WRITER_MEMORY, store/db.py READER_MEMORY): by
-- default 80 % of RAM, which DuckDB fills with blocks it has read or written.
SET memory_limit = $limit;
