-- Does a version answer: its catalog, and its import log read to the end of one column.
SELECT count(*) FROM meta;
SELECT count(*), max(sha256) FROM sources;
